package io.jenkins.plugins.apitokens.engine;

import java.time.Instant;
import java.util.List;

/** Tokens as the Jenkins layer describes them to the engine, for tests: core's and the plugin's alike, never used. */
final class TestTokens {

    private TestTokens() {}

    /** A token of {@code origin} named after its id. */
    static TokenInfo of(
            String user, String id, TokenOrigin origin, Scope scope, Reach reach, Instant created, Instant expires) {
        return new TokenInfo(
                user, id, id, scope, reach, origin, null, created, expires, 0, null, null, null, null, List.of(), null);
    }

    /** A core token: full access everywhere, as core's tokens always are. */
    static TokenInfo core(String user, String id, Instant created, Instant expires) {
        return of(user, id, TokenOrigin.CORE, Scope.FULL, Reach.EVERYWHERE, created, expires);
    }
}
