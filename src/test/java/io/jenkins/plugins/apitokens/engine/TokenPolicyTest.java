package io.jenkins.plugins.apitokens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void defaultPolicyLetsTokensNeverExpire() {
        assertNull(TokenPolicy.DEFAULT.expiryFor(ExpiryChoice.DEFAULT, NOW));
    }

    @Test
    void defaultLifetimeAppliesWhenNoExpiryIsRequested() {
        TokenPolicy policy =
                TokenPolicy.builder().defaultLifetime(Duration.ofDays(90)).build();
        assertEquals(NOW.plus(Duration.ofDays(90)), policy.expiryFor(ExpiryChoice.DEFAULT, NOW));
    }

    @Test
    void requiredExpiryRefusesANeverExpiringToken() {
        TokenPolicy policy = TokenPolicy.builder().expiryRequired(true).build();
        TokenRuleException e =
                assertThrows(TokenRuleException.class, () -> policy.expiryFor(ExpiryChoice.DEFAULT, NOW));
        assertEquals("Tokens must have an expiry date.", e.getMessage());
    }

    @Test
    void maximumLifetimeRefusesALongerOneSayingTheLimit() {
        TokenPolicy policy =
                TokenPolicy.builder().maxLifetime(Duration.ofDays(30)).build();
        Instant tooLate = NOW.plus(Duration.ofDays(30)).plusSeconds(1);
        TokenRuleException e =
                assertThrows(TokenRuleException.class, () -> policy.expiryFor(ExpiryChoice.at(tooLate), NOW));
        assertEquals("Tokens can live at most 30 days; choose an earlier expiry date.", e.getMessage());
    }

    @Test
    void maximumLifetimeAcceptsExactlyTheLimit() {
        TokenPolicy policy =
                TokenPolicy.builder().maxLifetime(Duration.ofDays(30)).build();
        Instant limit = NOW.plus(Duration.ofDays(30));
        assertEquals(limit, policy.expiryFor(ExpiryChoice.at(limit), NOW));
    }

    @Test
    void maximumLifetimeImpliesAnExpiry() {
        TokenPolicy policy =
                TokenPolicy.builder().maxLifetime(Duration.ofDays(30)).build();
        TokenRuleException e =
                assertThrows(TokenRuleException.class, () -> policy.expiryFor(ExpiryChoice.DEFAULT, NOW));
        assertEquals("Tokens must have an expiry date at most 30 days from now.", e.getMessage());
    }

    @Test
    void expiryInThePastIsRefused() {
        TokenRuleException e =
                assertThrows(TokenRuleException.class, () -> TokenPolicy.DEFAULT.expiryFor(ExpiryChoice.at(NOW), NOW));
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

    @Test
    void neverMeansNeverWhereThePolicyAllowsItEvenWithADefaultLifetime() {
        TokenPolicy policy =
                TokenPolicy.builder().defaultLifetime(Duration.ofDays(90)).build();
        assertNull(policy.expiryFor(ExpiryChoice.NEVER, NOW));
        assertEquals(NOW.plus(Duration.ofDays(90)), policy.expiryFor(ExpiryChoice.DEFAULT, NOW));
    }

    @Test
    void neverIsRefusedWithAMessageWhereAnExpiryIsRequired() {
        TokenPolicy required = TokenPolicy.builder()
                .expiryRequired(true)
                .defaultLifetime(Duration.ofDays(30))
                .build();
        TokenRuleException e =
                assertThrows(TokenRuleException.class, () -> required.expiryFor(ExpiryChoice.NEVER, NOW));
        assertTrue(e.getMessage().contains("'Never' is not allowed"), e.getMessage());
        TokenPolicy capped =
                TokenPolicy.builder().maxLifetime(Duration.ofDays(90)).build();
        assertThrows(TokenRuleException.class, () -> capped.expiryFor(ExpiryChoice.NEVER, NOW));
    }

    @Test
    void revokingUnusedTokensWithoutUsageTrackingIsRefused() {
        // Nothing would record uses, so every token would look unused and be revoked.
        TokenRuleException e = assertThrows(TokenRuleException.class, () -> TokenPolicy.builder()
                .usageTracked(false)
                .revokeUnusedAfter(Duration.ofDays(30))
                .build());
        assertEquals(PolicySetting.REVOKE_UNUSED_AFTER, e.setting());
        assertTrue(e.getMessage().contains("usage tracking"), e.getMessage());
    }

    @Test
    void perBuildTokensAlwaysHaveALifetimeAndAreReadOnlyByDefault() {
        TokenRuleException e = assertThrows(
                TokenRuleException.class,
                () -> TokenPolicy.builder().buildTokenMaxLifetime(null).build());
        assertEquals(PolicySetting.BUILD_TOKEN_MAX_LIFETIME, e.setting());
        assertThrows(
                TokenRuleException.class,
                () -> TokenPolicy.builder().buildTokenMaxLifetime(Duration.ZERO).build());
        assertEquals(Set.of(Scope.READ_ONLY), TokenPolicy.DEFAULT.getBuildTokenScopes());
        assertEquals(NOW.plus(Duration.ofDays(1)), TokenPolicy.DEFAULT.buildTokenExpiry(NOW));
    }

    @Test
    void eachRefusalNamesTheSettingToChange() {
        assertEquals(
                PolicySetting.DEFAULT_LIFETIME,
                assertThrows(TokenRuleException.class, () -> TokenPolicy.builder()
                                .maxLifetime(Duration.ofDays(90))
                                .defaultLifetime(Duration.ofDays(200))
                                .build())
                        .setting());
        assertEquals(
                PolicySetting.MAX_LIFETIME,
                assertThrows(TokenRuleException.class, () -> TokenPolicy.builder()
                                .maxLifetime(Duration.ofDays(-5))
                                .build())
                        .setting());
        assertEquals(
                PolicySetting.AGE_THRESHOLDS_OLD,
                assertThrows(TokenRuleException.class, () -> new AgeThresholds(12, 3))
                        .setting());
        assertEquals(
                PolicySetting.AGE_THRESHOLDS_AGEING,
                assertThrows(TokenRuleException.class, () -> new AgeThresholds(-1, 12))
                        .setting());
    }

    @Test
    void rotationKeepsAnExpiryWithinTodaysMaximum() {
        TokenPolicy policy =
                TokenPolicy.builder().maxLifetime(Duration.ofDays(30)).build();
        Instant soon = NOW.plus(Duration.ofDays(10));
        assertEquals(soon, policy.expiryForRotation(soon, NOW));
    }

    @Test
    void rotationBringsALaterOrMissingExpiryWithinTodaysPolicy() {
        TokenPolicy capped =
                TokenPolicy.builder().maxLifetime(Duration.ofDays(30)).build();
        assertEquals(NOW.plus(Duration.ofDays(30)), capped.expiryForRotation(null, NOW));
        assertEquals(NOW.plus(Duration.ofDays(30)), capped.expiryForRotation(NOW.plus(Duration.ofDays(400)), NOW));
        TokenPolicy withDefault = TokenPolicy.builder()
                .expiryRequired(true)
                .defaultLifetime(Duration.ofDays(7))
                .build();
        assertEquals(NOW.plus(Duration.ofDays(7)), withDefault.expiryForRotation(null, NOW));
        assertNull(TokenPolicy.DEFAULT.expiryForRotation(null, NOW));
    }

    @Test
    void rotationRefusesWhereThePolicyRequiresAnExpiryButGivesNoLifetime() {
        TokenPolicy policy = TokenPolicy.builder().expiryRequired(true).build();
        TokenRuleException e = assertThrows(TokenRuleException.class, () -> policy.expiryForRotation(null, NOW));
        assertTrue(e.getMessage().contains("create a new token"), e.getMessage());
    }

    @Test
    void rotationRefusesAScopeNoLongerAllowedSayingWhatToDo() {
        TokenPolicy policy =
                TokenPolicy.builder().allowedScopes(Set.of(Scope.READ_ONLY)).build();
        TokenRuleException e = assertThrows(TokenRuleException.class, () -> policy.checkScopeForRotation(Scope.FULL));
        assertTrue(e.getMessage().contains("read-only") && e.getMessage().contains("revoke"), e.getMessage());
        policy.checkScopeForRotation(Scope.READ_ONLY);
    }

    @Test
    void enforcementStartsAtMidnightUtcOfTheDateGiven() {
        Instant start = TokenPolicy.parseEnforcementDate(" 2027-01-31 ");
        assertEquals(Instant.parse("2027-01-31T00:00:00Z"), start);
        TokenPolicy policy = TokenPolicy.builder().enforcementStart(start).build();
        assertTrue(policy.isEnforcedAt(start));
        assertTrue(!policy.isEnforcedAt(start.minusMillis(1)));
        assertNull(TokenPolicy.parseEnforcementDate(""));
        assertTrue(!TokenPolicy.DEFAULT.isEnforcedAt(NOW));
    }

    @Test
    void anEnforcementDateThatIsNoDateIsRefusedNamingTheSetting() {
        TokenRuleException e =
                assertThrows(TokenRuleException.class, () -> TokenPolicy.parseEnforcementDate("31/01/2027"));
        assertEquals(PolicySetting.ENFORCEMENT_DATE, e.setting());
        assertTrue(e.getMessage().contains("'31/01/2027' is not a date"), e.getMessage());
    }

    @Test
    void coreMayCreateTokensUnderTheDefaultPolicy() {
        TokenPolicy.DEFAULT.checkCoreTokenCreation(false, null, 100);
    }

    @Test
    void coreTokenCreationIsRefusedForEachRuleACoreTokenCannotMeet() {
        String scope = refusalOfCore(
                TokenPolicy.builder().allowedScopes(EnumSet.of(Scope.READ_ONLY)).build(), true, Duration.ofDays(7), 0);
        assertTrue(
                scope.startsWith("Core's tokens always have full access, and the policy allows only: read-only."),
                scope);
        assertTrue(scope.endsWith("create it in the 'API tokens' section of your Security page instead."), scope);
        assertTrue(refusalOfCore(TokenPolicy.builder().itemLimitRequired(true).build(), true, Duration.ofDays(7), 0)
                .startsWith("Core's tokens always work everywhere"));
        TokenPolicy expiring =
                TokenPolicy.builder().maxLifetime(Duration.ofDays(30)).build();
        assertTrue(refusalOfCore(expiring, false, null, 0).startsWith("Tokens must have an expiry date, which core's"));
        assertTrue(
                refusalOfCore(expiring, true, null, 0).startsWith("Tokens must have an expiry date at most 30 days"));
        String tooLate = refusalOfCore(expiring, true, Duration.ofDays(31), 0);
        assertTrue(tooLate.startsWith("Tokens can live at most 30 days"), tooLate);
        assertTrue(!tooLate.contains("'API tokens' section"), "a shorter core token would do: " + tooLate);
        expiring.checkCoreTokenCreation(true, Duration.ofDays(30), 0);
        TokenPolicy maxTwo = TokenPolicy.builder().maxTokensPerUser(2).build();
        maxTwo.checkCoreTokenCreation(false, null, 1);
        assertTrue(refusalOfCore(maxTwo, false, null, 2).startsWith("A user can have at most 2 tokens"));
    }

    @Test
    void corePolicyLeftAloneRefusesNothing() {
        TokenPolicy.builder()
                .allowedScopes(EnumSet.of(Scope.READ_ONLY))
                .itemLimitRequired(true)
                .expiryRequired(true)
                .coreTokensGoverned(false)
                .build()
                .checkCoreTokenCreation(false, null, 5);
    }

    private static String refusalOfCore(TokenPolicy policy, boolean coreHasExpiry, Duration lifetime, int own) {
        return assertThrows(TokenRuleException.class, () -> policy.checkCoreTokenCreation(coreHasExpiry, lifetime, own))
                .getMessage();
    }

    @Test
    void coresSectionIsLimitedToTheMaximumOnlyWhileThePolicyGovernsIt() {
        TokenPolicy governed =
                TokenPolicy.builder().maxLifetime(Duration.ofDays(30)).build();
        assertEquals(Duration.ofDays(30), governed.coreTokenLifetimeLimit());
        assertTrue(governed.isCoreTokenExpiryRequired());
        TokenPolicy leftAlone = governed.toBuilder().coreTokensGoverned(false).build();
        assertNull(leftAlone.coreTokenLifetimeLimit());
        assertTrue(!leftAlone.isCoreTokenExpiryRequired());
        assertNull(TokenPolicy.DEFAULT.coreTokenLifetimeLimit());
    }
}
