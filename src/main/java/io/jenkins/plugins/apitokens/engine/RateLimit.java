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
