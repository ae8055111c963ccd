package io.jenkins.plugins.apitokens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimitTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T12:00:00Z"));

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

    @Test
    void aRefusedKeyIsToldTheSecondsLeftInItsWindowRoundedUp() {
        RateLimit limit = new RateLimit(2, Duration.ofMinutes(1), clock);
        limit.tryAcquire("a");
        clock.advance(Duration.ofMillis(20_500));
        limit.tryAcquire("a");
        assertFalse(limit.tryAcquire("a"));
        assertEquals(40, limit.retryAfterSeconds("a"), "39.5 s left in the window that began with the first event");

        clock.advance(Duration.ofMillis(39_400));
        assertFalse(limit.tryAcquire("a"));
        assertEquals(1, limit.retryAfterSeconds("a"), "0.1 s left is one second");

        clock.advance(Duration.ofMillis(100));
        assertTrue(limit.tryAcquire("a"), "allowed when the seconds said are over");
    }

    @Test
    void aKeyRefusedBecauseTooManyKeysAreCountedWaitsForTheSoonestWindowToEnd() {
        RateLimit limit = new RateLimit(1, Duration.ofMinutes(1), clock);
        limit.tryAcquire("first");
        clock.advance(Duration.ofSeconds(25));
        for (int i = 1; i < RateLimit.MAX_KEYS; i++) {
            assertTrue(limit.tryAcquire("k" + i));
        }
        assertFalse(limit.tryAcquire("new"));
        assertEquals(35, limit.retryAfterSeconds("new"), "when the first key's window ends");

        clock.advance(Duration.ofSeconds(35));
        assertTrue(limit.tryAcquire("new"));
    }
}
