package io.jenkins.plugins.apitokens.engine;

import java.time.Instant;

/**
 * What a user asks for when creating a token.
 *
 * @param expiry {@code null} for the policy's default lifetime, or never if there is none
 * @param scope {@code null} for {@link Scope#FULL}
 */
public record TokenRequest(String name, Instant expiry, Scope scope) {

    public static TokenRequest named(String name) {
        return new TokenRequest(name, null, null);
    }

    Scope scopeOrDefault() {
        return scope == null ? Scope.FULL : scope;
    }
}
