package io.jenkins.plugins.apitokens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class PolicyComplianceTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final TokenPolicy STRICT = TokenPolicy.builder()
            .expiryRequired(true)
            .maxLifetime(Duration.ofDays(30))
            .allowedScopes(EnumSet.of(Scope.READ_ONLY))
            .itemLimitRequired(true)
            .build();

    private static int ids;

    private static TokenInfo token(
            String user, TokenOrigin origin, Scope scope, Reach reach, Instant created, Instant expires) {
        return TestTokens.of(user, "id" + ids++, origin, scope, reach, created, expires);
    }

    private static TokenInfo compliant(String user, Instant created) {
        return token(
                user,
                TokenOrigin.USER,
                Scope.READ_ONLY,
                Reach.parse("team/app"),
                created,
                created.plus(Duration.ofDays(30)));
    }

    private static List<PolicyBreach> breachesAlone(TokenPolicy policy, TokenInfo token) {
        return PolicyCompliance.breachesOf(policy, token, () -> 1, () -> List.of(token));
    }

    @Test
    void aTokenMadeWithinTheStrictPolicyBreaksNothing() {
        assertEquals(List.of(), breachesAlone(STRICT, compliant("alice", NOW)));
    }

    @Test
    void aNeverExpiringFullTokenOfLastYearBreaksEveryRuleOfItsOwn() {
        TokenInfo old =
                token("alice", TokenOrigin.USER, Scope.FULL, Reach.EVERYWHERE, NOW.minus(Duration.ofDays(365)), null);
        assertEquals(
                List.of(PolicyBreach.NO_EXPIRY, PolicyBreach.SCOPE_NOT_ALLOWED, PolicyBreach.NOT_LIMITED),
                breachesAlone(STRICT, old));
    }

    @Test
    void aLifetimeOneSecondBeyondTheMaximumBreaksIt() {
        TokenInfo longLived = token(
                "alice",
                TokenOrigin.USER,
                Scope.READ_ONLY,
                Reach.parse("team/app"),
                NOW,
                NOW.plus(Duration.ofDays(30)).plusSeconds(1));
        assertEquals(List.of(PolicyBreach.LIFETIME_BEYOND_MAXIMUM), breachesAlone(STRICT, longLived));
    }

    @Test
    void aCoreTokenDatedTheLastAllowedDayIsWithinTheMaximum() {
        TokenPolicy lifetimeOnly =
                TokenPolicy.builder().maxLifetime(Duration.ofDays(30)).build();
        // Core's 30-day token made at noon expires when day 30 ends: 30.5 days by the clock.
        Instant endOfDay30 = Instant.parse("2027-01-06T00:00:00Z");
        TokenInfo core = token("alice", TokenOrigin.CORE, Scope.FULL, Reach.EVERYWHERE, NOW, endOfDay30);
        assertEquals(List.of(), breachesAlone(lifetimeOnly, core));
        TokenInfo oneDayMore = token(
                "alice", TokenOrigin.CORE, Scope.FULL, Reach.EVERYWHERE, NOW, endOfDay30.plus(Duration.ofDays(1)));
        assertEquals(List.of(PolicyBreach.LIFETIME_BEYOND_MAXIMUM), breachesAlone(lifetimeOnly, oneDayMore));
    }

    @Test
    void coreAndLegacyTokensAreJudgedOnlyWhileThePolicyGovernsThem() {
        TokenInfo legacy =
                token("alice", TokenOrigin.LEGACY, Scope.FULL, Reach.EVERYWHERE, TokenInfo.UNKNOWN_CREATION, null);
        assertEquals(3, breachesAlone(STRICT, legacy).size());
        TokenPolicy leftAlone = STRICT.toBuilder().coreTokensGoverned(false).build();
        assertEquals(List.of(), breachesAlone(leftAlone, legacy));
    }

    @Test
    void perBuildTokensAreNeverJudged() {
        TokenInfo build = token("alice", TokenOrigin.BUILD, Scope.FULL, Reach.EVERYWHERE, NOW, null);
        assertEquals(List.of(), breachesAlone(STRICT, build));
        assertTrue(PolicyCompliance.assess(STRICT, List.of(build), NOW).isEmpty());
    }

    @Test
    void tokensMadeAfterTheFirstMaximumManyAreBeyondIt() {
        TokenPolicy maxTwo = TokenPolicy.builder().maxTokensPerUser(2).build();
        List<TokenInfo> alices = new ArrayList<>();
        for (int day = 3; day >= 0; day--) {
            alices.add(compliant("alice", NOW.minus(Duration.ofDays(day))));
        }
        TokenInfo bobs = compliant("bob", NOW);
        List<TokenInfo> all = new ArrayList<>(alices);
        all.add(bobs);
        Map<TokenInfo, List<PolicyBreach>> found = PolicyCompliance.assess(maxTwo, all, NOW);
        assertEquals(2, found.size());
        assertEquals(List.of(PolicyBreach.BEYOND_MAXIMUM_COUNT), found.get(alices.get(2)));
        assertEquals(List.of(PolicyBreach.BEYOND_MAXIMUM_COUNT), found.get(alices.get(3)));
        assertEquals(List.of(), PolicyCompliance.breachesOf(maxTwo, alices.get(0), () -> 4, () -> alices));
        assertEquals(
                List.of(PolicyBreach.BEYOND_MAXIMUM_COUNT),
                PolicyCompliance.breachesOf(maxTwo, alices.get(3), () -> 4, () -> alices));
    }

    @Test
    void theUsersTokensAreReadOnlyWhenTheyAreMoreThanTheMaximum() {
        TokenPolicy maxTwo = TokenPolicy.builder().maxTokensPerUser(2).build();
        AtomicBoolean listed = new AtomicBoolean();
        TokenInfo one = compliant("alice", NOW);
        PolicyCompliance.breachesOf(maxTwo, one, () -> 2, () -> {
            listed.set(true);
            return List.of(one);
        });
        assertFalse(listed.get());
    }

    @Test
    void retiringValuesAndPerBuildTokensTakeNoPlaceInTheCount() {
        TokenPolicy maxOne = TokenPolicy.builder().maxTokensPerUser(1).build();
        TokenInfo successor = compliant("alice", NOW);
        TokenInfo retiring = new TokenInfo(
                "alice",
                "old",
                "old",
                Scope.FULL,
                Reach.EVERYWHERE,
                TokenOrigin.USER,
                null,
                NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofHours(1)),
                0,
                null,
                null,
                null,
                null,
                List.of(),
                successor.id());
        TokenInfo build =
                token("alice", TokenOrigin.BUILD, Scope.READ_ONLY, Reach.parse("a"), NOW.minusSeconds(5), null);
        assertTrue(PolicyCompliance.assess(maxOne, List.of(retiring, successor, build), NOW)
                .isEmpty());
    }

    @Test
    void theRefusalNamesTheDateEachRuleAndWhatToDo() {
        TokenPolicy enforced = STRICT.toBuilder()
                .enforcementStart(Instant.parse("2027-01-01T00:00:00Z"))
                .build();
        String refusal = PolicyCompliance.refusal(enforced, List.of(PolicyBreach.NO_EXPIRY, PolicyBreach.NOT_LIMITED))
                .in(java.util.Locale.ENGLISH);
        assertTrue(refusal.contains("since 2027-01-01"), refusal);
        assertTrue(refusal.contains("It never expires, and tokens must have an expiry date"), refusal);
        assertTrue(refusal.contains("must be limited to folders or jobs: create a limited token"), refusal);
        assertTrue(refusal.contains("Nothing was revoked"), refusal);
    }

    @Test
    void anExpiredTokenIsNotReportedButStillTakesItsPlaceInTheCount() {
        TokenPolicy maxOne =
                TokenPolicy.builder().maxTokensPerUser(1).expiryRequired(true).build();
        TokenInfo expired = compliant("alice", NOW.minus(Duration.ofDays(40)));
        TokenInfo live = compliant("alice", NOW);
        Map<TokenInfo, List<PolicyBreach>> found = PolicyCompliance.assess(maxOne, List.of(expired, live), NOW);
        assertEquals(Map.of(live, List.of(PolicyBreach.BEYOND_MAXIMUM_COUNT)), found);
    }

    @Test
    void theOldValueOfARotationStandsInItsSuccessorsPlaceSoRotatingNeverFreesOne() {
        TokenPolicy maxOne = TokenPolicy.builder().maxTokensPerUser(1).build();
        TokenInfo first = compliant("alice", NOW.minus(Duration.ofDays(2)));
        TokenInfo successor = compliant("alice", NOW);
        TokenInfo retiring = new TokenInfo(
                "alice",
                "old",
                "old",
                Scope.READ_ONLY,
                Reach.parse("team/app"),
                TokenOrigin.USER,
                null,
                NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofHours(1)),
                0,
                null,
                null,
                null,
                null,
                List.of(),
                successor.id());
        List<TokenInfo> own = List.of(first, successor, retiring);
        Map<TokenInfo, List<PolicyBreach>> found = PolicyCompliance.assess(maxOne, own, NOW);
        assertEquals(List.of(PolicyBreach.BEYOND_MAXIMUM_COUNT), found.get(successor));
        assertEquals(List.of(PolicyBreach.BEYOND_MAXIMUM_COUNT), found.get(retiring), "the old value too");
        assertEquals(
                List.of(PolicyBreach.BEYOND_MAXIMUM_COUNT),
                PolicyCompliance.breachesOf(maxOne, retiring, () -> 2, () -> own),
                "on the request path as well");
        assertEquals(List.of(), PolicyCompliance.breachesOf(maxOne, first, () -> 2, () -> own));
    }
}
