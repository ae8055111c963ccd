package io.jenkins.plugins.apitokens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SweepTest {

    private static final Instant START = Instant.parse("2026-11-24T12:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final InMemoryTokenRepository repository = new InMemoryTokenRepository("alice");
    private final RecordingAuditListener audit = new RecordingAuditListener();
    private final AtomicReference<TokenPolicy> policy = new AtomicReference<>(TokenPolicy.DEFAULT);
    private final TokenService service = new TokenService(repository, clock, policy::get, audit);

    @Test
    void expiryIsAnnouncedOnceAndTheTokenStaysListed() {
        service.create("alice", new TokenRequest("ci", START.plusSeconds(60), null), "alice");
        clock.advance(Duration.ofMinutes(2));
        service.sweep(run -> true);
        service.sweep(run -> true);
        assertEquals(
                1, audit.types().stream().filter(AuditEventType.EXPIRED::equals).count());
        assertEquals(1, service.list("alice").size());
    }

    @Test
    void unusedTokensAreKeptByDefault() {
        service.create("alice", TokenRequest.named("idle"), "alice");
        clock.advance(Duration.ofDays(1000));
        assertTrue(service.sweep(run -> true).isEmpty());
    }

    @Test
    void tokensUnusedForThePolicyPeriodAreRevoked() {
        policy.set(TokenPolicy.builder().revokeUnusedAfter(Duration.ofDays(90)).build());
        NewToken idle = service.create("alice", TokenRequest.named("idle"), "alice");
        NewToken busy = service.create("alice", TokenRequest.named("busy"), "alice");
        clock.advance(Duration.ofDays(83));
        assertTrue(service.sweep(run -> true).isEmpty(), "a week ahead, owners are warned");
        clock.advance(Duration.ofDays(6));
        service.verify("alice", busy.value(), "ip");
        clock.advance(Duration.ofDays(1));
        List<TokenInfo> revoked = service.sweep(run -> true);
        assertEquals(
                List.of(idle.token().id()), revoked.stream().map(TokenInfo::id).toList());
        assertEquals(
                AuditEvent.SYSTEM, audit.events.get(audit.events.size() - 1).actor());
    }

    @Test
    void oneDayShortOfThePeriodKeepsTheToken() {
        policy.set(TokenPolicy.builder().revokeUnusedAfter(Duration.ofDays(90)).build());
        service.create("alice", TokenRequest.named("idle"), "alice");
        clock.advance(Duration.ofDays(89));
        assertTrue(service.sweep(run -> true).isEmpty());
    }

    @Test
    void expiredBuildTokensAreRevoked() {
        service.createForBuild("alice", "build job #7", "job#7", Scope.READ_ONLY, Reach.EVERYWHERE, "alice");
        clock.advance(Duration.ofDays(1));
        assertEquals(1, service.sweep(run -> true).size());
        assertTrue(service.list("alice").isEmpty());
    }
}
