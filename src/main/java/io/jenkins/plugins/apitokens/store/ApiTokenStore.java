package io.jenkins.plugins.apitokens.store;

import hudson.ExtensionList;
import hudson.ExtensionPoint;
import io.jenkins.plugins.apitokens.engine.TokenRepository;

/**
 * Where the plugin keeps users' tokens (hashes and usage, never values). The extension with the highest ordinal
 * wins; the default, {@link UserFolderTokenStore}, keeps them in each user's folder. Another store (a database, a
 * vault) implements the engine's {@link TokenRepository} contract: saves must be atomic, and {@code find} must
 * return the same object for a user until it is saved elsewhere, since the engine locks on it.
 */
public abstract class ApiTokenStore implements ExtensionPoint, TokenRepository {

    public static ApiTokenStore get() {
        return ExtensionList.lookupFirst(ApiTokenStore.class);
    }
}
