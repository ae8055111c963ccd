package io.jenkins.plugins.apitokens.engine;

/** Who made a token. */
public enum TokenOrigin {
    /** Created by its user (or an administrator) on the page, over REST or the CLI. */
    USER,
    /** Minted for one build and revoked when the build's block ends. */
    BUILD,
    /**
     * Made by Jenkins core's own token section. The engine never stores these; the Jenkins layer lists them beside
     * the plugin's so users and administrators see every token in one place.
     */
    CORE,
    /** Core's legacy token: kept by core in a recoverable form. Listed like {@link #CORE}, never stored here. */
    LEGACY;

    /** Whether the token lives in Jenkins core rather than in this plugin's store. */
    public boolean isCore() {
        return this == CORE || this == LEGACY;
    }
}
