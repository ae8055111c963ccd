package io.jenkins.plugins.apitokens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class LeakedTokensTest {

    private static final Instant START = Instant.parse("2026-11-24T12:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final InMemoryTokenRepository repository = new InMemoryTokenRepository("alice", "bob");
    private final RecordingAuditListener audit = new RecordingAuditListener();
    private final List<TokenNotice> told = new CopyOnWriteArrayList<>();
    private final TokenService service =
            new TokenService(repository, clock, () -> TokenPolicy.DEFAULT, audit, told::add);

    /** The same value with its last character changed: same format, wrong checksum. */
    private static String withBadChecksum(String value) {
        char last = value.charAt(value.length() - 1);
        return value.substring(0, value.length() - 1) + (last == 'a' ? 'b' : 'a');
    }

    @Test
    void aReportedValueIsRevokedWhateverTextSurroundsIt() {
        NewToken leaked = service.create("alice", TokenRequest.named("ci"), "alice");
        NewToken kept = service.create("bob", TokenRequest.named("ci"), "bob");
        String githubStyle = "[{\"token\":\"" + leaked.value() + "\",\"type\":\"jenkins_api_token\",\"url\":\"x\"}]";

        List<TokenInfo> revoked = service.revokeLeaked(githubStyle, "203.0.113.9");

        assertEquals(
                List.of(leaked.token().id()),
                revoked.stream().map(TokenInfo::id).toList());
        assertFalse(service.verify("alice", leaked.value(), "x").isAccepted());
        assertTrue(service.verify("bob", kept.value(), "x").isAccepted());
        AuditEvent event = audit.events.stream()
                .filter(e -> e.type() == AuditEventType.REVOKED)
                .findFirst()
                .orElseThrow();
        assertEquals(AuditEvent.LEAK_REPORT, event.actor());
        assertEquals(leaked.token().id(), event.tokenId());
        assertEquals("leaked; reported from 203.0.113.9", event.detail());
        assertFalse(event.toString().contains(leaked.value()), "the audit never holds the value");

        assertTrue(told.isEmpty(), "the owner is told by the next delivery, not on the reporter's request");
        service.deliverUrgentNotices();
        service.deliverUrgentNotices();
        assertEquals(1, told.size(), "told once");
        assertEquals(NoticeType.LEAK_REVOKED, told.get(0).type());
        assertEquals("ci", told.get(0).token().name());
        assertEquals("203.0.113.9", told.get(0).place());
    }

    @Test
    void aValueWithABadChecksumIsNotEvenLookedUp() {
        NewToken token = service.create("alice", TokenRequest.named("ci"), "alice");
        int readsBefore = repository.reads.get();
        assertTrue(service.revokeLeaked(withBadChecksum(token.value()), "x").isEmpty());
        assertTrue(service.revokeLeaked("no token here", "x").isEmpty());
        assertEquals(readsBefore, repository.reads.get(), "no user's tokens were read");
        assertTrue(service.verify("alice", token.value(), "x").isAccepted());
    }

    @Test
    void aWellFormedValueOfNoTokenRevokesNothingAndManyAreTakenAtOnce() {
        NewToken one = service.create("alice", TokenRequest.named("one"), "alice");
        NewToken two = service.create("bob", TokenRequest.named("two"), "bob");
        String unknown = new TokenFormat().newValue(new TokenFormat().newId());
        List<TokenInfo> revoked = service.revokeLeaked(unknown + "\n" + one.value() + " " + two.value(), "x");
        assertEquals(2, revoked.size());
        assertTrue(service.revokeLeaked(one.value(), "x").isEmpty(), "a second report finds it gone");
    }

    @Test
    void aReportIsReadForAtMostAHundredValues() {
        StringBuilder report = new StringBuilder();
        for (int i = 0; i < LeakedTokens.MAX_VALUES + 5; i++) {
            report.append(new TokenFormat().newValue(new TokenFormat().newId())).append('\n');
        }
        assertEquals(
                LeakedTokens.MAX_VALUES,
                LeakedTokens.wellFormedValuesIn(report.toString()).size());
    }

    @Test
    void aRateLimitCountsPerKeyAndWindow() {
        RateLimit limit = new RateLimit(2, Duration.ofMinutes(1), clock);
        assertTrue(limit.tryAcquire("a"));
        assertTrue(limit.tryAcquire("a"));
        assertFalse(limit.tryAcquire("a"));
        assertTrue(limit.tryAcquire("b"), "another address has its own count");
        clock.advance(Duration.ofMinutes(1));
        assertTrue(limit.tryAcquire("a"), "a new window");
    }

    @Test
    void aRateLimitStaysBoundedAndRefusesNewKeysWhenFull() {
        RateLimit limit = new RateLimit(1, Duration.ofMinutes(1), clock);
        for (int i = 0; i < RateLimit.MAX_KEYS; i++) {
            assertTrue(limit.tryAcquire("k" + i));
        }
        assertFalse(limit.tryAcquire("new"), "full of live windows");
        clock.advance(Duration.ofMinutes(1));
        assertTrue(limit.tryAcquire("new"), "windows that are over are forgotten");
    }
}
