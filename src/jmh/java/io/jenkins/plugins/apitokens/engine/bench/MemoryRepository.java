package io.jenkins.plugins.apitokens.engine.bench;

import io.jenkins.plugins.apitokens.engine.TokenRepository;
import io.jenkins.plugins.apitokens.engine.UserTokens;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps tokens in memory; saving is free, so the benchmarks measure the engine alone. */
final class MemoryRepository implements TokenRepository {

    private final Map<String, UserTokens> users = new ConcurrentHashMap<>();

    @Override
    public UserTokens find(String userId) {
        return users.get(userId);
    }

    @Override
    public UserTokens findOrCreate(String userId) {
        return users.computeIfAbsent(userId, u -> new UserTokens());
    }

    @Override
    public Collection<String> userIds() {
        return users.keySet();
    }

    @Override
    public void save(String userId, UserTokens tokens) {}
}
