package io.jenkins.plugins.apitokens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Owners hear of expiry and disuse once per token and warning, in time, and never about a revoked token. */
class TokenNoticesTest {

    private static final Instant START = Instant.parse("2026-11-24T12:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final InMemoryTokenRepository repository = new InMemoryTokenRepository("alice", "bob");
    private final AtomicReference<TokenPolicy> policy = new AtomicReference<>(TokenPolicy.DEFAULT);
    private final List<TokenNotice> sent = new CopyOnWriteArrayList<>();
    private final AtomicBoolean mailServerDown = new AtomicBoolean();
    private final TokenService service =
            new TokenService(repository, clock, policy::get, new RecordingAuditListener(), notice -> {
                if (mailServerDown.get()) {
                    return false;
                }
                sent.add(notice);
                return true;
            });

    private List<String> sentSummary() {
        return sent.stream()
                .map(n -> n.type() + " " + n.withinDays() + " " + n.token().name())
                .toList();
    }

    private void sweepAfter(Duration wait) {
        clock.advance(wait);
        service.sweep(run -> true);
    }

    @Test
    void expiryIsWarnedAt30And7And1DaysThenAnnouncedOnceEach() {
        service.create("alice", new TokenRequest("deploy", START.plus(Duration.ofDays(40)), null), "alice");
        sweepAfter(Duration.ofDays(5));
        assertTrue(sent.isEmpty(), "35 days ahead: nothing yet");
        sweepAfter(Duration.ofDays(5));
        sweepAfter(Duration.ofHours(1));
        sweepAfter(Duration.ofDays(23));
        sweepAfter(Duration.ofDays(6));
        sweepAfter(Duration.ofDays(1));
        sweepAfter(Duration.ofDays(1));
        assertEquals(
                List.of("EXPIRING 30 deploy", "EXPIRING 7 deploy", "EXPIRING 1 deploy", "EXPIRED 0 deploy"),
                sentSummary());
    }

    @Test
    void aShortLivedTokenGetsOnlyTheShortestWarningItReached() {
        service.create("alice", new TokenRequest("short", START.plus(Duration.ofDays(3)), null), "alice");
        sweepAfter(Duration.ofHours(1));
        assertEquals(List.of("EXPIRING 7 short"), sentSummary());
    }

    @Test
    void aNoticeThatCannotBeDeliveredIsOfferedAgainAndSentOnlyOnce() {
        service.create("alice", new TokenRequest("ci", START.plus(Duration.ofDays(6)), null), "alice");
        mailServerDown.set(true);
        sweepAfter(Duration.ofHours(1));
        assertTrue(sent.isEmpty());
        mailServerDown.set(false);
        sweepAfter(Duration.ofHours(1));
        sweepAfter(Duration.ofHours(1));
        assertEquals(List.of("EXPIRING 7 ci"), sentSummary());
    }

    @Test
    void revokedTokensAndBuildTokensGetNothing() {
        NewToken revoked =
                service.create("alice", new TokenRequest("gone", START.plus(Duration.ofDays(2)), null), "alice");
        service.revoke("alice", revoked.token().id(), "alice");
        service.createForBuild("alice", "build job #1", "job#1", Scope.READ_ONLY, Reach.EVERYWHERE, "alice");
        sweepAfter(Duration.ofMinutes(5));
        assertTrue(sent.isEmpty(), sentSummary().toString());
    }

    @Test
    void disuseIsWarnedAWeekAheadAndNeverRevokedSoonerThanAWeekAfterTheWarning() {
        service.create("alice", TokenRequest.named("idle"), "alice");
        clock.advance(Duration.ofDays(200));
        policy.set(TokenPolicy.builder().revokeUnusedAfter(Duration.ofDays(90)).build());
        service.sweep(run -> true);
        assertEquals(List.of("UNUSED 7 idle"), sentSummary(), "switched on late: warned first");
        assertEquals(START.plus(Duration.ofDays(207)), sent.get(0).when());
        sweepAfter(Duration.ofDays(6));
        assertEquals(1, service.list("alice").size(), "six days after the warning it is still there");
        sweepAfter(Duration.ofDays(1));
        assertTrue(service.list("alice").isEmpty(), "a week after the warning it is revoked");
        assertEquals(1, sent.size(), "warned once");
    }

    @Test
    void warningDaysAreValidatedAndParsed() {
        assertEquals(List.of(1, 30, 7), TokenPolicy.parseWarningDays("1, 30 7"));
        assertEquals(
                List.of(30, 7, 1),
                TokenPolicy.builder()
                        .expiryWarningDays(TokenPolicy.parseWarningDays("7,30,1,7"))
                        .build()
                        .getExpiryWarningDays());
        assertEquals(
                List.of(),
                TokenPolicy.builder().expiryWarningDays(List.of()).build().getExpiryWarningDays());
        for (String wrong : List.of("0", "366", "a week", "1,2,3,4,5,6")) {
            TokenRuleException e = assertThrows(
                    TokenRuleException.class,
                    () -> TokenPolicy.builder()
                            .expiryWarningDays(TokenPolicy.parseWarningDays(wrong))
                            .build(),
                    wrong);
            assertEquals(PolicySetting.EXPIRY_WARNING_DAYS, e.setting());
        }
    }

    @Test
    void aUseFromANewAddressIsAuditedAndToldToOwnersWhoAskedOnce() {
        RecordingAuditListener audit = new RecordingAuditListener();
        TokenService watched = new TokenService(repository, clock, policy::get, audit, sent::add);
        NewToken token = watched.create("alice", TokenRequest.named("ci"), "alice");
        watched.verify("alice", token.value(), "10.0.0.1");
        watched.verify("alice", token.value(), "10.0.0.1");
        assertTrue(audit.types().stream().noneMatch(AuditEventType.NEW_PLACE::equals), "the first place is not new");

        watched.verify("alice", token.value(), "10.0.0.2");
        assertEquals(
                1,
                audit.types().stream().filter(AuditEventType.NEW_PLACE::equals).count());
        watched.deliverUrgentNotices();
        assertTrue(sent.isEmpty(), "alice did not ask to be told");

        watched.setPlaceNotices("alice", true);
        watched.verify("alice", token.value(), "10.0.0.1");
        assertTrue(sent.isEmpty(), "an address among the last five is not new");
        watched.verify("alice", token.value(), "192.0.2.7");
        watched.deliverUrgentNotices();
        watched.deliverUrgentNotices();
        assertEquals(List.of("NEW_PLACE 0 ci"), sentSummary());
        assertEquals("192.0.2.7", sent.get(0).place());
    }

    @Test
    void theLastFiveDistinctAddressesAreKeptMostRecentFirst() {
        NewToken token = service.create("alice", TokenRequest.named("ci"), "alice");
        for (String address : List.of("a", "b", "c", "a", "d", "e", "f", "g")) {
            service.verify("alice", token.value(), address);
        }
        assertEquals(
                List.of("g", "f", "e", "d", "a"),
                service.get("alice", token.token().id()).recentSources());
    }

    @Test
    void anExpiredUnusedTokenIsRevokedForDisuseWithoutAWarningItCouldNotUse() {
        service.create("alice", new TokenRequest("old", START.plus(Duration.ofDays(10)), null), "alice");
        clock.advance(Duration.ofDays(200));
        policy.set(TokenPolicy.builder().revokeUnusedAfter(Duration.ofDays(90)).build());
        assertEquals(1, service.sweep(run -> true).size());
        assertTrue(sent.stream().noneMatch(n -> n.type() == NoticeType.UNUSED));
    }

    @Test
    void ownersOfTokensBreakingThePolicyAreToldOncePerTokenAndEnforcementDate() {
        service.create("alice", new TokenRequest("forever", ExpiryChoice.NEVER, null), "alice");
        service.create("alice", new TokenRequest("month", START.plus(Duration.ofDays(30)), null), "alice");
        TokenInfo core = TestTokens.core("alice", "core one", START.minus(Duration.ofDays(100)), null);
        TokenInfo othersCore = TestTokens.core("bob", "bob's", START.minus(Duration.ofDays(100)), null);
        List<TokenInfo> every = new java.util.ArrayList<>(service.listAll());
        every.add(core);
        every.add(othersCore);

        assertEquals(0, service.tellPolicyBreaches(every), "no rule broken, no date: nothing");
        policy.set(TokenPolicy.builder()
                .expiryRequired(true)
                .enforcementStart(Instant.parse("2027-01-01T00:00:00Z"))
                .build());
        assertEquals(3, service.tellPolicyBreaches(every));
        assertEquals(
                List.of("BREAKS_POLICY bob's", "BREAKS_POLICY core one", "BREAKS_POLICY forever"),
                sent.stream()
                        .map(n -> n.type() + " " + n.token().name())
                        .sorted()
                        .toList());
        TokenNotice forever = sent.stream()
                .filter(n -> n.token().name().equals("forever"))
                .findFirst()
                .orElseThrow();
        assertTrue(forever.place().startsWith("It never expires"), forever.place());
        assertEquals(Instant.parse("2027-01-01T00:00:00Z"), forever.when());

        assertEquals(0, service.tellPolicyBreaches(every), "told once");
        policy.set(policy.get().toBuilder()
                .enforcementStart(Instant.parse("2027-02-01T00:00:00Z"))
                .build());
        assertEquals(3, service.tellPolicyBreaches(every), "a new date is news");
    }
}
