package io.jenkins.plugins.apitokens.engine;

import java.io.IOException;
import java.util.Collection;

/**
 * Where users' tokens live. The Jenkins layer keeps them with each user; tests keep them in memory. The engine
 * always asks for a user's tokens here rather than caching them, so a reloaded user is never stale.
 */
public interface TokenRepository {

    /** The user's tokens, or {@code null} if the user does not exist or has none. */
    UserTokens find(String userId);

    /**
     * The user's tokens, created empty if the user has none yet.
     *
     * @throws TokenRuleException if there is no such user
     */
    UserTokens findOrCreate(String userId);

    /** Every user who may have tokens. */
    Collection<String> userIds();

    /**
     * Writes one user's tokens durably (atomically: a crash leaves the old or the new file). Called with the
     * {@link UserTokens} locked.
     */
    void save(String userId, UserTokens tokens) throws IOException;
}
