package io.jenkins.plugins.apitokens.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the last revoked token ids so a refused value can be logged as "revoked" rather than "unknown". Only
 * a diagnosis: bounded, in memory, and never changes whether a value is accepted.
 */
final class RecentlyRevoked {

    private static final int CAPACITY = 10_000;

    private final Map<TokenRef, Boolean> refs = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<TokenRef, Boolean> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized void add(TokenRef ref) {
        refs.put(ref, Boolean.TRUE);
    }

    synchronized boolean contains(TokenRef ref) {
        return refs.containsKey(ref);
    }
}
