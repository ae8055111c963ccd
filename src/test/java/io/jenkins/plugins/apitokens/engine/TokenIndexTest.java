package io.jenkins.plugins.apitokens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The lock-free index by packed id: what goes in comes out, what is removed stays out, readers never see a wrong token. */
class TokenIndexTest {

    private final TokenFormat format = new TokenFormat();
    private final TokenIndex index = new TokenIndex();

    @Test
    void findsEveryTokenPutAndNothingElse() {
        List<StoredToken> tokens = tokens(10_000);
        tokens.forEach(this::put);
        for (StoredToken token : tokens) {
            assertSame(token, index.get(keyOf(token)));
        }
        assertNull(index.get(keyOf(token(format.newId()))));
        assertNull(index.get(0), "0 is no id");
    }

    @Test
    void removedTokensAreGoneAndTheirIdsCanComeBack() {
        List<StoredToken> tokens = tokens(100);
        tokens.forEach(this::put);
        StoredToken removed = tokens.get(42);
        index.remove(keyOf(removed), removed);
        assertNull(index.get(keyOf(removed)));
        tokens.stream().filter(t -> t != removed).forEach(t -> assertSame(t, index.get(keyOf(t))));

        // A failed rotation puts the old token back under the same id.
        put(removed);
        assertSame(removed, index.get(keyOf(removed)));
    }

    @Test
    void removingAnotherTokenWithTheSameIdLeavesTheIndexedOne() {
        StoredToken indexed = token(format.newId());
        put(indexed);
        index.remove(keyOf(indexed), token(indexed.id()));
        assertSame(indexed, index.get(keyOf(indexed)));
    }

    @Test
    void manyRemovalsRebuildTheTableWithoutLosingTheLiveTokens() {
        List<StoredToken> kept = tokens(10);
        kept.forEach(this::put);
        List<StoredToken> churned = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            StoredToken passing = token(format.newId());
            put(passing);
            index.remove(keyOf(passing), passing);
            if (i % 5_000 == 0) {
                churned.add(passing);
            }
        }
        kept.forEach(t -> assertSame(t, index.get(keyOf(t))));
        churned.forEach(t -> assertNull(index.get(keyOf(t))));
    }

    @Test
    void readersSeeEachTokenOrNothingWhileAWriterAddsAndRemoves() throws Exception {
        List<StoredToken> permanent = tokens(1_000);
        permanent.forEach(this::put);
        List<StoredToken> coming = tokens(20_000);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong lookups = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(pool.submit(() -> {
                    int i = 0;
                    do {
                        StoredToken always = permanent.get(i % permanent.size());
                        assertSame(always, index.get(keyOf(always)), "a permanent token went missing");
                        StoredToken maybe = coming.get(i % coming.size());
                        StoredToken found = index.get(keyOf(maybe));
                        assertTrue(found == null || found == maybe, "another token under this id");
                        i++;
                    } while (writing.get());
                    lookups.addAndGet(i);
                    return null;
                }));
            }
            Future<?> writer = pool.submit(() -> {
                for (StoredToken token : coming) {
                    synchronized (index) {
                        put(token);
                    }
                }
                for (int i = 0; i < coming.size(); i += 2) {
                    synchronized (index) {
                        index.remove(keyOf(coming.get(i)), coming.get(i));
                    }
                }
                return null;
            });
            writer.get();
            writing.set(false);
            for (Future<?> reader : readers) {
                reader.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(lookups.get() > 0);
        for (int i = 0; i < coming.size(); i++) {
            StoredToken token = coming.get(i);
            assertEquals(i % 2 == 0 ? null : token, index.get(keyOf(token)));
        }
    }

    private void put(StoredToken token) {
        index.put(keyOf(token), token);
    }

    private static long keyOf(StoredToken token) {
        return TokenFormat.idKey(token.id());
    }

    private List<StoredToken> tokens(int count) {
        List<StoredToken> tokens = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tokens.add(token(format.newId()));
        }
        return tokens;
    }

    private StoredToken token(String id) {
        return new StoredToken(
                id,
                "token " + id,
                format.newValue(id),
                Scope.FULL,
                Reach.EVERYWHERE,
                TokenOrigin.USER,
                null,
                Instant.EPOCH,
                null);
    }
}
