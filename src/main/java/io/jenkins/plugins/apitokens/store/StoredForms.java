package io.jenkins.plugins.apitokens.store;

import hudson.util.XStream2;
import io.jenkins.plugins.apitokens.engine.StoredToken;
import io.jenkins.plugins.apitokens.engine.UserTokens;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The names the plugin's files give its types, independent of where the classes live: a class can move to another
 * package without Jenkins dropping users' tokens. (The policy names itself the same way.) Files written before these names existed name the
 * classes in full, and XStream still reads those (the full name of a class that moves must then be added here as
 * a second alias). The audit trail is JSON and names no class.
 */
@Restricted(NoExternalUse.class)
public final class StoredForms {

    static final String TOKENS = "api-token-manager-tokens";
    static final String TOKEN = "api-token-manager-token";

    private StoredForms() {}

    static {
        register(Jenkins.XSTREAM2);
    }

    /**
     * Makes sure the aliases are known before a file is read: called by the classes that read them, which may be
     * created before any initializer runs. Registering twice is harmless.
     */
    public static void ensureRegistered() {
        // the static initializer did the work
    }

    /** The aliases, on the XStream that reads and writes the plugin's files. */
    static void register(XStream2 xstream) {
        xstream.alias(TOKENS, UserTokens.class);
        xstream.alias(TOKEN, StoredToken.class);
    }
}
