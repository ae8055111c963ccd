package io.jenkins.plugins.apitokens.engine;

/** Who asked for a token to exist. */
public enum TokenOrigin {
    /** Created by its user (or an administrator) on the page, over REST or the CLI. */
    USER,
    /** Minted for one build and revoked when the build's block ends. */
    BUILD
}
