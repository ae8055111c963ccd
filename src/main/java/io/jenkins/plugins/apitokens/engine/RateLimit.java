package io.jenkins.plugins.apitokens.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code perWindow} events per key (a client address) in each window, in bounded memory: when
 * {@value #MAX_KEYS} keys are being counted, windows that are over are forgotten, and a new key beyond that is
 * refused until some are. Refusing is the safe side for what this guards: an endpoint anyone may call.
 */
public final class RateLimit {

    static final int MAX_KEYS = 10_000;

    private final int perWindow;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Count> counts = new ConcurrentHashMap<>();

    public RateLimit(int perWindow, Duration window, Clock clock) {
        this.perWindow = perWindow;
        this.window = window;
        this.clock = clock;
    }

    /** Counts one event for {@code key}; {@code false} when the key has used up its window. */
    public boolean tryAcquire(String key) {
        Instant now = clock.instant();
        if (counts.size() >= MAX_KEYS && !counts.containsKey(key)) {
            counts.values().removeIf(count -> count.isOver(now));
            if (counts.size() >= MAX_KEYS) {
                return false;
            }
        }
        Count count = counts.compute(
                key, (k, current) -> current == null || current.isOver(now) ? new Count(now.plus(window)) : current);
        synchronized (count) {
            return ++count.events <= perWindow;
        }
    }

    /**
     * After {@link #tryAcquire} refused {@code key}: the whole seconds until it may try again, rounded up and at
     * least 1 (what HTTP's {@code Retry-After} says). That is the end of the key's window or, for a key refused
     * because too many keys are being counted, the end of the soonest window, when a place frees up.
     */
    public long retryAfterSeconds(String key) {
        Instant now = clock.instant();
        Count count = counts.get(key);
        Instant allowed = count != null && !count.isOver(now) ? count.end : soonestEnd(now);
        long millis = allowed == null ? 0 : Duration.between(now, allowed).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    private Instant soonestEnd(Instant now) {
        Instant soonest = null;
        for (Count count : counts.values()) {
            if (!count.isOver(now) && (soonest == null || count.end.isBefore(soonest))) {
                soonest = count.end;
            }
        }
        return soonest;
    }

    private static final class Count {
        private final Instant end;
        private int events;

        Count(Instant end) {
            this.end = end;
        }

        boolean isOver(Instant now) {
            return !now.isBefore(end);
        }
    }
}
