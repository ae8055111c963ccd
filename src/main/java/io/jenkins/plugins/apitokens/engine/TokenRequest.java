package io.jenkins.plugins.apitokens.engine;

import java.time.Instant;
import java.util.Objects;

/**
 * What a user asks for when creating a token.
 *
 * @param scope {@code null} for {@link Scope#FULL}
 * @param reach {@code null} for {@link Reach#EVERYWHERE}
 */
public record TokenRequest(String name, ExpiryChoice expiry, Scope scope, Reach reach) {

    public TokenRequest {
        Objects.requireNonNull(expiry, "expiry");
        reach = reach == null ? Reach.EVERYWHERE : reach;
    }

    public TokenRequest(String name, ExpiryChoice expiry, Scope scope) {
        this(name, expiry, scope, null);
    }

    /** @param expiry {@code null} for the policy's default */
    public TokenRequest(String name, Instant expiry, Scope scope) {
        this(name, ExpiryChoice.at(expiry), scope);
    }

    public static TokenRequest named(String name) {
        return new TokenRequest(name, ExpiryChoice.DEFAULT, null);
    }

    Scope scopeOrDefault() {
        return scope == null ? Scope.FULL : scope;
    }
}
