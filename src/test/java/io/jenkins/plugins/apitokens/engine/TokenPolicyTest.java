package io.jenkins.plugins.apitokens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void defaultPolicyLetsTokensNeverExpire() {
        assertNull(TokenPolicy.DEFAULT.expiryFor(null, NOW));
    }

    @Test
    void defaultLifetimeAppliesWhenNoExpiryIsRequested() {
        TokenPolicy policy =
                TokenPolicy.builder().defaultLifetime(Duration.ofDays(90)).build();
        assertEquals(NOW.plus(Duration.ofDays(90)), policy.expiryFor(null, NOW));
    }

    @Test
    void requiredExpiryRefusesANeverExpiringToken() {
        TokenPolicy policy = TokenPolicy.builder().expiryRequired(true).build();
        TokenRuleException e = assertThrows(TokenRuleException.class, () -> policy.expiryFor(null, NOW));
        assertEquals("Tokens must have an expiry date.", e.getMessage());
    }

    @Test
    void maximumLifetimeRefusesALongerOneSayingTheLimit() {
        TokenPolicy policy =
                TokenPolicy.builder().maxLifetime(Duration.ofDays(30)).build();
        Instant tooLate = NOW.plus(Duration.ofDays(30)).plusSeconds(1);
        TokenRuleException e = assertThrows(TokenRuleException.class, () -> policy.expiryFor(tooLate, NOW));
        assertEquals("Tokens can live at most 30 days; choose an earlier expiry date.", e.getMessage());
    }

    @Test
    void maximumLifetimeAcceptsExactlyTheLimit() {
        TokenPolicy policy =
                TokenPolicy.builder().maxLifetime(Duration.ofDays(30)).build();
        Instant limit = NOW.plus(Duration.ofDays(30));
        assertEquals(limit, policy.expiryFor(limit, NOW));
    }

    @Test
    void maximumLifetimeImpliesAnExpiry() {
        TokenPolicy policy =
                TokenPolicy.builder().maxLifetime(Duration.ofDays(30)).build();
        TokenRuleException e = assertThrows(TokenRuleException.class, () -> policy.expiryFor(null, NOW));
        assertEquals("Tokens must have an expiry date at most 30 days from now.", e.getMessage());
    }

    @Test
    void expiryInThePastIsRefused() {
        TokenRuleException e = assertThrows(TokenRuleException.class, () -> TokenPolicy.DEFAULT.expiryFor(NOW, NOW));
        assertEquals("The expiry date must be in the future.", e.getMessage());
    }

    @Test
    void disallowedScopeIsRefusedListingTheAllowedOnes() {
        TokenPolicy policy =
                TokenPolicy.builder().allowedScopes(Set.of(Scope.READ_ONLY)).build();
        TokenRuleException e = assertThrows(TokenRuleException.class, () -> policy.checkScope(Scope.FULL));
        assertEquals("The scope 'full' is not allowed here; allowed: read-only.", e.getMessage());
    }

    @Test
    void tokenLimitIsEnforcedAtTheLimit() {
        TokenPolicy policy = TokenPolicy.builder().maxTokensPerUser(2).build();
        policy.checkRoomForOneMore(1);
        TokenRuleException e = assertThrows(TokenRuleException.class, () -> policy.checkRoomForOneMore(2));
        assertEquals("A user can have at most 2 tokens; revoke one you no longer need first.", e.getMessage());
    }

    @Test
    void defaultLongerThanMaximumIsAnInconsistentPolicy() {
        TokenRuleException e = assertThrows(TokenRuleException.class, () -> TokenPolicy.builder()
                .maxLifetime(Duration.ofDays(30))
                .defaultLifetime(Duration.ofDays(90))
                .build());
        assertEquals(
                "The default lifetime (90 days) cannot be longer than the maximum lifetime (30 days).", e.getMessage());
    }

    @Test
    void noScopeAtAllIsRefused() {
        assertThrows(TokenRuleException.class, () -> TokenPolicy.builder()
                .allowedScopes(EnumSet.noneOf(Scope.class))
                .build());
    }

    @Test
    void negativeLimitsAreRefused() {
        assertThrows(
                TokenRuleException.class,
                () -> TokenPolicy.builder().maxTokensPerUser(-1).build());
        assertThrows(
                TokenRuleException.class,
                () -> TokenPolicy.builder().maxLifetime(Duration.ofDays(-1)).build());
    }

    @Test
    void buildTokensLiveNoLongerThanTheGeneralMaximum() {
        TokenPolicy policy = TokenPolicy.builder()
                .maxLifetime(Duration.ofHours(2))
                .buildTokenMaxLifetime(Duration.ofDays(1))
                .build();
        assertEquals(NOW.plus(Duration.ofHours(2)), policy.buildTokenExpiry(NOW));
    }

    @Test
    void buildTokensCanBeDisabled() {
        TokenPolicy policy = TokenPolicy.builder().buildTokensAllowed(false).build();
        assertThrows(TokenRuleException.class, () -> policy.buildTokenExpiry(NOW));
    }

    @Test
    void buildTokensCanBeKeptReadOnlyWhileUsersMayMakeFullOnes() {
        TokenPolicy policy =
                TokenPolicy.builder().buildTokenScopes(Set.of(Scope.READ_ONLY)).build();
        policy.checkScope(Scope.FULL);
        policy.checkBuildTokenScope(Scope.READ_ONLY);
        TokenRuleException refused =
                assertThrows(TokenRuleException.class, () -> policy.checkBuildTokenScope(Scope.FULL));
        assertEquals("Per-build tokens may not have the scope 'full'; allowed: read-only.", refused.getMessage());
    }

    @Test
    void aBuildTokenScopeMustAlsoBeOneUsersMayChoose() {
        TokenPolicy policy =
                TokenPolicy.builder().allowedScopes(Set.of(Scope.FULL)).build();
        assertThrows(TokenRuleException.class, () -> policy.checkBuildTokenScope(Scope.READ_ONLY));
    }

    @Test
    void noScopeForBuildTokensIsRefused() {
        TokenRuleException refused = assertThrows(
                TokenRuleException.class,
                () -> TokenPolicy.builder().buildTokenScopes(Set.of()).build());
        assertEquals("At least one scope must be allowed for per-build tokens.", refused.getMessage());
    }
}
