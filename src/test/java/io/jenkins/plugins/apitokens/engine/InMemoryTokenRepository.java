package io.jenkins.plugins.apitokens.engine;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A repository in memory that counts reads and saves per user and can be told to fail saves. */
final class InMemoryTokenRepository implements TokenRepository {

    private final Map<String, UserTokens> users = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> saves = new ConcurrentHashMap<>();
    private final Set<String> knownUsers = ConcurrentHashMap.newKeySet();
    volatile boolean failSaves;
    /** How often the users' tokens were listed or looked up. */
    final AtomicInteger reads = new AtomicInteger();

    InMemoryTokenRepository(String... userIds) {
        knownUsers.addAll(List.of(userIds));
    }

    @Override
    public UserTokens find(String userId) {
        reads.incrementAndGet();
        return users.get(userId);
    }

    @Override
    public UserTokens findOrCreate(String userId) {
        if (!knownUsers.contains(userId)) {
            throw new TokenRuleException("No such user: " + userId);
        }
        return users.computeIfAbsent(userId, u -> new UserTokens());
    }

    @Override
    public Collection<String> userIds() {
        reads.incrementAndGet();
        return users.keySet();
    }

    @Override
    public void save(String userId, UserTokens tokens) throws IOException {
        if (!Thread.holdsLock(tokens)) {
            throw new AssertionError("saved without holding the user's lock");
        }
        if (failSaves) {
            throw new IOException("disk full");
        }
        saves.computeIfAbsent(userId, u -> new AtomicInteger()).incrementAndGet();
    }

    int savesOf(String userId) {
        AtomicInteger count = saves.get(userId);
        return count == null ? 0 : count.get();
    }

    int totalSaves() {
        return saves.values().stream().mapToInt(AtomicInteger::get).sum();
    }
}
