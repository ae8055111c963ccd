package io.jenkins.plugins.apitokens.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One user's tokens by {@link TokenFormat#idKey packed id}, for the check every request makes. Readers take no
 * lock; writers hold the user's lock.
 *
 * <p>Why not a {@code ConcurrentHashMap<String, StoredToken>}: with 100,000 tokens its table, node, key string and
 * the string's bytes are each a separate cold cache miss before the token itself is reached. Here the key is a
 * number in a flat array and the token sits at the same position of a parallel array, so a lookup costs one miss in
 * each array (which the processor fetches side by side) and then the token.
 *
 * <p>Open addressing with linear probing, at most half full, so every probe ends at an empty slot. A removed
 * token leaves its key behind with no token (a tombstone), because moving entries would let a concurrent reader
 * miss one. When keys and tombstones would fill more than half the table, a new one is built for the live tokens and
 * published whole; a reader still in the old one finds what was there when it started.
 */
final class TokenIndex {

    private static final VarHandle KEYS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle TOKENS = MethodHandles.arrayElementVarHandle(StoredToken[].class);
    private static final int MIN_CAPACITY = 8;

    /** A key is written after its token, so a reader that sees the key sees the token. */
    private static final class Table {
        final long[] keys;
        final StoredToken[] tokens;
        /** Slots holding a key, tombstones included; guarded by the user's lock. */
        int occupied;

        Table(int capacity) {
            keys = new long[capacity];
            tokens = new StoredToken[capacity];
        }

        int firstSlot(long key) {
            // Fibonacci hashing spreads the six-bit digits over all the slots.
            return (int) ((key * 0x9E3779B97F4A7C15L) >>> 32) & (keys.length - 1);
        }

        int next(int slot) {
            return (slot + 1) & (keys.length - 1);
        }
    }

    private volatile Table table = new Table(MIN_CAPACITY);

    /** The token with this packed id, or {@code null}; never waits. */
    StoredToken get(long key) {
        if (key == 0) {
            return null;
        }
        Table current = table;
        for (int slot = current.firstSlot(key); ; slot = current.next(slot)) {
            long found = (long) KEYS.getAcquire(current.keys, slot);
            if (found == key) {
                return (StoredToken) TOKENS.getAcquire(current.tokens, slot);
            }
            if (found == 0) {
                return null;
            }
        }
    }

    /** Adds or replaces the token with this key; a key of 0 (no id) is not kept. Callers hold the user's lock. */
    void put(long key, StoredToken token) {
        if (key == 0) {
            return;
        }
        Table current = table;
        if (2 * (current.occupied + 1) > current.keys.length) {
            current = rebuilt(current);
            table = current;
        }
        int slot = current.firstSlot(key);
        while (current.keys[slot] != 0 && current.keys[slot] != key) {
            slot = current.next(slot);
        }
        TOKENS.setRelease(current.tokens, slot, token);
        if (current.keys[slot] == 0) {
            current.occupied++;
            KEYS.setRelease(current.keys, slot, key);
        }
    }

    /** Removes the token with this key if it is this one. Callers hold the user's lock. */
    void remove(long key, StoredToken token) {
        Table current = table;
        for (int slot = current.firstSlot(key); current.keys[slot] != 0; slot = current.next(slot)) {
            if (current.keys[slot] == key) {
                if (current.tokens[slot] == token) {
                    TOKENS.setRelease(current.tokens, slot, null);
                }
                return;
            }
        }
    }

    /** A new table, between a quarter and half full of the old one's tokens, filled before anyone can read it. */
    private static Table rebuilt(Table old) {
        int live = 0;
        for (StoredToken token : old.tokens) {
            if (token != null) {
                live++;
            }
        }
        Table fresh = new Table(Math.max(MIN_CAPACITY, Integer.highestOneBit((live + 1) * 4 - 1)));
        for (int i = 0; i < old.keys.length; i++) {
            if (old.tokens[i] != null) {
                int slot = fresh.firstSlot(old.keys[i]);
                while (fresh.keys[slot] != 0) {
                    slot = fresh.next(slot);
                }
                fresh.keys[slot] = old.keys[i];
                fresh.tokens[slot] = old.tokens[i];
                fresh.occupied++;
            }
        }
        return fresh;
    }
}
