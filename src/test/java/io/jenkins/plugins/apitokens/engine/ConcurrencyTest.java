package io.jenkins.plugins.apitokens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Many threads creating, verifying, renaming, rotating and revoking at once, over a few shared users; then the
 * books must balance.
 */
class ConcurrencyTest {

    private static final int THREADS = 16;
    private static final int OPERATIONS = 10_000;
    private static final String[] USERS = {"u0", "u1", "u2", "u3"};

    private final InMemoryTokenRepository repository = new InMemoryTokenRepository(USERS);
    private final TokenService service =
            new TokenService(repository, Clock.systemUTC(), () -> TokenPolicy.DEFAULT, AuditListener.NONE);

    /** What the threads believe exists: token id → value, per user. */
    private final Map<String, Map<String, String>> live = new ConcurrentHashMap<>();

    private final Set<String> everIssued = ConcurrentHashMap.newKeySet();
    private final AtomicLong acceptedUses = new AtomicLong();
    private final AtomicLong created = new AtomicLong();
    private final AtomicLong retired = new AtomicLong();

    @Test
    void mixedOperationsFromSixteenThreadsLoseNothing() throws Exception {
        for (String user : USERS) {
            live.put(user, new ConcurrentHashMap<>());
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int seed = t;
            futures.add(pool.submit(() -> work(seed)));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        service.flushUsage();

        long listed = 0;
        long counted = 0;
        Set<String> ids = new HashSet<>();
        for (String user : USERS) {
            List<TokenInfo> tokens = service.list(user);
            listed += tokens.size();
            for (TokenInfo token : tokens) {
                assertTrue(ids.add(token.id()), "duplicate id " + token.id());
                counted += token.useCount();
            }
            assertEquals(
                    live.get(user).keySet(),
                    Set.copyOf(tokens.stream().map(TokenInfo::id).toList()),
                    "tokens of " + user);
            for (String value : live.get(user).values()) {
                assertTrue(service.verify(user, value, "check").isAccepted(), "a live token stopped working");
            }
            for (String text : StoredFields.textOf(repository.find(user))) {
                assertFalse(everIssued.contains(text), "a value is kept in the stored objects");
                assertFalse(TokenFormat.PATTERN.matcher(text).find(), "something like a value is kept: " + text);
            }
        }
        assertEquals(created.get() - retired.get(), listed, "created minus revoked equals what is listed");
        assertTrue(counted <= acceptedUses.get(), "never more uses than accepted checks");
        assertTrue(counted > 0);
    }

    private void work(int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < OPERATIONS; i++) {
            String user = USERS[random.nextInt(USERS.length)];
            Map<String, String> tokens = live.get(user);
            int op = random.nextInt(100);
            if (op < 15 || tokens.isEmpty()) {
                NewToken token = service.create(user, TokenRequest.named("t" + seed + "-" + i), "test");
                everIssued.add(token.value());
                tokens.put(token.token().id(), token.value());
                created.incrementAndGet();
            } else {
                Map.Entry<String, String> any = pick(tokens, random);
                if (any == null) {
                    continue;
                }
                if (op < 80) {
                    if (service.verify(user, any.getValue(), "10.0.0." + seed).isAccepted()) {
                        acceptedUses.incrementAndGet();
                    }
                } else if (op < 88) {
                    rename(user, any.getKey(), "r" + seed + "-" + i);
                } else if (op < 94) {
                    rotate(user, tokens, any);
                } else {
                    revoke(user, tokens, any);
                }
            }
        }
    }

    private void rename(String user, String id, String name) {
        try {
            service.rename(user, id, name, "test");
        } catch (TokenNotFoundException raced) {
            // another thread revoked or rotated it first
        }
    }

    private void rotate(String user, Map<String, String> tokens, Map.Entry<String, String> any) {
        if (tokens.remove(any.getKey(), any.getValue())) {
            NewToken rotated = service.rotate(user, any.getKey(), "test");
            everIssued.add(rotated.value());
            tokens.put(rotated.token().id(), rotated.value());
        }
    }

    private void revoke(String user, Map<String, String> tokens, Map.Entry<String, String> any) {
        if (tokens.remove(any.getKey(), any.getValue())) {
            service.revoke(user, any.getKey(), "test");
            retired.incrementAndGet();
        }
    }

    private static Map.Entry<String, String> pick(Map<String, String> tokens, SplittableRandom random) {
        int skip = random.nextInt(Math.max(1, Math.min(tokens.size(), 8)));
        for (Map.Entry<String, String> entry : tokens.entrySet()) {
            if (skip-- == 0) {
                return Map.entry(entry.getKey(), entry.getValue());
            }
        }
        return null;
    }
}
