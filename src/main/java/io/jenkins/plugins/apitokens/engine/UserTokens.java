package io.jenkins.plugins.apitokens.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * All of one user's tokens, as kept with the user. The engine locks this object for every change; lookups by id go
 * through a lock-free index so verification never waits for a change to another token.
 */
public final class UserTokens {

    /** Raised when the stored form changes, so a later version can migrate older files. */
    static final int CURRENT_SCHEMA = 1;

    private int schemaVersion = CURRENT_SCHEMA;
    private List<StoredToken> tokens = new ArrayList<>();
    /**
     * Revocations the owner has yet to be told about, kept until told: id, name, when (epoch milliseconds) and the
     * reporter's address, tab-separated (plain strings, so the file names no class).
     */
    private List<String> revocationsToTell;
    /**
     * Which of the user's core tokens were told to break the policy, and for which enforcement date: the id and the
     * date, space-separated (core keeps the tokens; the plugin keeps only that it told their owner).
     */
    private List<String> coreNoticesSent;

    /** Whether the owner wants to be told when a token is used from a new address. */
    private volatile boolean placeNoticesWanted;

    private transient TokenIndex byId = new TokenIndex();
    /** By {@link TokenName#uniquenessKey}; guarded by this object's lock. */
    private transient Map<String, StoredToken> byName = new HashMap<>();
    /** Guarded by this object's lock. */
    private transient Map<TokenOrigin, Integer> counts = new EnumMap<>(TokenOrigin.class);

    public UserTokens() {}

    /** XStream skips the constructor and the field initialisers: rebuild what is not stored. */
    private Object readResolve() {
        List<StoredToken> stored = tokens == null ? List.of() : tokens;
        tokens = new ArrayList<>();
        byId = new TokenIndex();
        byName = new HashMap<>();
        counts = new EnumMap<>(TokenOrigin.class);
        stored.forEach(this::add);
        schemaVersion = CURRENT_SCHEMA;
        return this;
    }

    StoredToken byId(String id) {
        return byId.get(TokenFormat.idKey(id));
    }

    /** By {@link TokenFormat#idKey packed id}: the lookup of every check, which takes no lock. */
    StoredToken byKey(long idKey) {
        return byId.get(idKey);
    }

    /**
     * The tokens whose {@link TokenFormat#idKey packed id} is among {@code keys}, for a leak report: when the user has
     * more tokens than there are keys, each key is looked up in the index, without a lock; otherwise the tokens are
     * read in one pass, under this object's lock, held for that pass only. Either way the work is the smaller of the
     * two counts.
     */
    List<StoredToken> withKeys(Set<Long> keys) {
        List<StoredToken> found = new ArrayList<>();
        synchronized (this) {
            if (tokens.size() <= keys.size()) {
                for (StoredToken token : tokens) {
                    if (keys.contains(TokenFormat.idKey(token.id()))) {
                        found.add(token);
                    }
                }
                return found;
            }
        }
        for (long key : keys) {
            StoredToken token = byId.get(key);
            if (token != null) {
                found.add(token);
            }
        }
        return found;
    }

    /** Callers hold this object's lock. */
    StoredToken byName(String name) {
        return byName.get(TokenName.uniquenessKey(name));
    }

    /** Callers hold this object's lock. */
    void add(StoredToken token) {
        tokens.add(token);
        byId.put(TokenFormat.idKey(token.id()), token);
        if (token.replacedBy() == null) {
            byName.put(TokenName.uniquenessKey(token.name()), token);
            counts.merge(token.origin(), 1, Integer::sum);
        }
    }

    /**
     * Callers hold this object's lock. A token rotated with a grace period keeps working but gives up its name (to
     * its successor) and its place in the count.
     *
     * @return what undoes it
     */
    Runnable retire(StoredToken token, String successor, Instant now, Instant until) {
        byName.remove(TokenName.uniquenessKey(token.name()), token);
        counts.merge(token.origin(), -1, Integer::sum);
        Runnable undoToken = token.retire(successor, now, until);
        return () -> {
            undoToken.run();
            byName.put(TokenName.uniquenessKey(token.name()), token);
            counts.merge(token.origin(), 1, Integer::sum);
        };
    }

    /** Callers hold this object's lock. */
    boolean remove(StoredToken token) {
        if (!tokens.remove(token)) {
            return false;
        }
        byId.remove(TokenFormat.idKey(token.id()), token);
        if (token.replacedBy() == null) {
            byName.remove(TokenName.uniquenessKey(token.name()), token);
            counts.merge(token.origin(), -1, Integer::sum);
        }
        return true;
    }

    /** Callers hold this object's lock. */
    void rename(StoredToken token, String newName) {
        byName.remove(TokenName.uniquenessKey(token.name()), token);
        token.rename(newName);
        byName.put(TokenName.uniquenessKey(newName), token);
    }

    /** Callers hold this object's lock. */
    int countOf(TokenOrigin origin) {
        return counts.getOrDefault(origin, 0);
    }

    /** Callers hold this object's lock; the list is theirs to read only. */
    List<StoredToken> all() {
        return tokens;
    }

    /** Callers hold this object's lock. */
    void tellRevocation(TokenNotice notice) {
        if (revocationsToTell == null) {
            revocationsToTell = new ArrayList<>();
        }
        revocationsToTell.add(String.join(
                "\t",
                notice.token().id(),
                notice.token().name(),
                Long.toString(notice.when().toEpochMilli()),
                notice.place()));
    }

    /** Callers hold this object's lock. */
    List<TokenNotice> revocationsToTell(String userId) {
        List<TokenNotice> notices = new ArrayList<>();
        for (String line : revocationsToTell == null ? List.<String>of() : revocationsToTell) {
            String[] fields = line.split("\t", 4);
            Instant at = Instant.ofEpochMilli(Long.parseLong(fields[2]));
            TokenInfo token = new TokenInfo(
                    userId,
                    fields[0],
                    fields[1],
                    Scope.FULL,
                    Reach.EVERYWHERE,
                    TokenOrigin.USER,
                    null,
                    TokenInfo.UNKNOWN_CREATION,
                    at,
                    0,
                    null,
                    null,
                    null,
                    null,
                    List.of(),
                    null);
            notices.add(new TokenNotice(NoticeType.LEAK_REVOKED, token, at, 0, fields[3]));
        }
        return notices;
    }

    /** Callers hold this object's lock. */
    void revocationTold(TokenNotice notice) {
        if (revocationsToTell != null) {
            revocationsToTell.removeIf(line -> line.startsWith(notice.token().id() + "\t"));
            if (revocationsToTell.isEmpty()) {
                revocationsToTell = null;
            }
        }
    }

    /** Callers hold this object's lock. */
    boolean coreNoticeSent(String coreTokenId, String key) {
        return coreNoticesSent != null && coreNoticesSent.contains(coreTokenId + " " + key);
    }

    /**
     * Callers hold this object's lock. Forgets what was sent about core tokens the user no longer has.
     *
     * @param coreTokenIds the user's core tokens now
     */
    void markCoreNoticeSent(String coreTokenId, String key, Collection<String> coreTokenIds) {
        if (coreNoticesSent == null) {
            coreNoticesSent = new ArrayList<>();
        }
        coreNoticesSent.removeIf(line -> !coreTokenIds.contains(line.substring(0, line.indexOf(' '))));
        coreNoticesSent.add(coreTokenId + " " + key);
    }

    boolean placeNoticesWanted() {
        return placeNoticesWanted;
    }

    /** Callers hold this object's lock. */
    void placeNoticesWanted(boolean wanted) {
        this.placeNoticesWanted = wanted;
    }

    int schemaVersion() {
        return schemaVersion;
    }
}
