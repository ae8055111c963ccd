package io.jenkins.plugins.apitokens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class UsageTrackingTest {

    private static final Instant START = Instant.parse("2026-11-24T12:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final InMemoryTokenRepository repository = new InMemoryTokenRepository("alice", "bob");
    private final RecordingAuditListener audit = new RecordingAuditListener();
    private final AtomicReference<TokenPolicy> policy = new AtomicReference<>(TokenPolicy.DEFAULT);
    private final TokenService service = new TokenService(repository, clock, policy::get, audit);

    @Test
    void aBurstOfUsesWritesNothingUntilFlushed() {
        NewToken token = service.create("alice", TokenRequest.named("ci"), "alice");
        int saves = repository.totalSaves();
        for (int i = 0; i < 1000; i++) {
            service.verify("alice", token.value(), "10.0.0.1");
        }
        assertEquals(saves, repository.totalSaves());
        assertEquals(1000, service.list("alice").get(0).useCount());
    }

    @Test
    void flushWritesEachUserOncePerWindow() {
        NewToken a1 = service.create("alice", TokenRequest.named("a1"), "alice");
        NewToken a2 = service.create("alice", TokenRequest.named("a2"), "alice");
        NewToken b = service.create("bob", TokenRequest.named("b"), "bob");
        for (int i = 0; i < 100; i++) {
            service.verify("alice", a1.value(), "ip");
            service.verify("alice", a2.value(), "ip");
            service.verify("bob", b.value(), "ip");
        }
        int aliceSaves = repository.savesOf("alice");
        int bobSaves = repository.savesOf("bob");
        assertEquals(2, service.flushUsage());
        assertEquals(aliceSaves + 1, repository.savesOf("alice"));
        assertEquals(bobSaves + 1, repository.savesOf("bob"));
        assertEquals(0, service.flushUsage());
    }

    @Test
    void flushedCountsAreStoredAndNothingIsCountedTwice() {
        NewToken token = service.create("alice", TokenRequest.named("ci"), "alice");
        for (int i = 0; i < 5; i++) {
            service.verify("alice", token.value(), "ip");
        }
        service.flushUsage();
        service.verify("alice", token.value(), "ip");
        assertEquals(6, service.list("alice").get(0).useCount());
        service.flushUsage();
        assertEquals(6, service.list("alice").get(0).useCount());
    }

    @Test
    void firstAndLastUseAndSourceAreRecorded() {
        NewToken token = service.create("alice", TokenRequest.named("ci"), "alice");
        clock.advance(Duration.ofMinutes(1));
        service.verify("alice", token.value(), "10.0.0.1");
        service.flushUsage();
        clock.advance(Duration.ofMinutes(1));
        service.verify("alice", token.value(), "10.0.0.2");
        TokenInfo info = service.list("alice").get(0);
        assertEquals(START.plus(Duration.ofMinutes(1)), info.firstUse());
        assertEquals(START.plus(Duration.ofMinutes(2)), info.lastUse());
        assertEquals("10.0.0.2", info.lastSource());
    }

    @Test
    void firstUseIsAnnouncedOnce() {
        NewToken token = service.create("alice", TokenRequest.named("ci"), "alice");
        service.verify("alice", token.value(), "10.0.0.1");
        service.flushUsage();
        service.verify("alice", token.value(), "10.0.0.1");
        assertEquals(
                1,
                audit.types().stream().filter(AuditEventType.FIRST_USE::equals).count());
    }

    @Test
    void failedFlushIsRetriedAndLosesNoCount() {
        NewToken token = service.create("alice", TokenRequest.named("ci"), "alice");
        service.verify("alice", token.value(), "ip");
        repository.failSaves = true;
        assertEquals(0, service.flushUsage());
        assertTrue(service.hasUnsavedUsage());
        repository.failSaves = false;
        assertEquals(1, service.flushUsage());
        assertFalse(service.hasUnsavedUsage());
        assertEquals(1, service.list("alice").get(0).useCount());
    }

    @Test
    void usageIsNotRecordedWhenTrackingIsOff() {
        policy.set(TokenPolicy.builder().usageTracked(false).build());
        NewToken token = service.create("alice", TokenRequest.named("ci"), "alice");
        assertTrue(service.verify("alice", token.value(), "ip").isAccepted());
        assertEquals(0, service.list("alice").get(0).useCount());
        assertNull(service.list("alice").get(0).lastUse());
    }

    @Test
    void usesOfARevokedTokenAreDroppedAtFlush() {
        NewToken token = service.create("alice", TokenRequest.named("ci"), "alice");
        service.verify("alice", token.value(), "ip");
        service.revoke("alice", token.token().id(), "alice");
        service.flushUsage();
        assertFalse(service.hasUnsavedUsage());
    }

    @Test
    void usesRecordedWhileFlushingAreCountedExactlyOnce() throws Exception {
        NewToken token = service.create("alice", TokenRequest.named("busy"), "alice");
        int threads = 8;
        int usesEach = 20_000;
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Thread flusher = new Thread(() -> {
            while (!done.get()) {
                service.flushUsage();
            }
        });
        flusher.start();
        java.util.List<Thread> users = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread user = new Thread(() -> {
                for (int i = 0; i < usesEach; i++) {
                    service.verify("alice", token.value(), "10.0.0.1");
                }
            });
            users.add(user);
            user.start();
        }
        for (Thread user : users) {
            user.join();
        }
        done.set(true);
        flusher.join();
        service.flushUsage();
        assertEquals((long) threads * usesEach, service.list("alice").get(0).useCount());
        assertFalse(service.hasUnsavedUsage());
    }
}
