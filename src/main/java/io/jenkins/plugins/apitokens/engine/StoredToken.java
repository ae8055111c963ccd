package io.jenkins.plugins.apitokens.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One token as it is kept on disk: its hash, never its value. Plain mutable fields so XStream can store it; times
 * are epoch milliseconds because Jenkins' class filter admits no {@code java.time} type. The engine changes a token
 * only while holding its {@link UserTokens}' lock.
 */
public final class StoredToken {

    private String id;
    private String name;
    private String sha256;
    private Scope scope;
    private TokenOrigin origin;
    private String originDetail;
    /** The administrator who created the token for its user; {@code null} when the user made it. */
    private String issuedBy;
    /** The full names of the items the token is limited to; {@code null} for everywhere. */
    private List<String> items;
    /** For a per-build token, the run it belongs to (as Jenkins names a run: {@code folder/job#12}). */
    private String buildRun;

    private long created;
    private Long expires;
    private boolean expiryAnnounced;
    private long useCount;
    private Long firstUse;
    private Long lastUse;
    private String lastSource;
    /** The notices delivered to the owner, by key ({@code expiring-7}, {@code expired}); {@code null} for none. */
    private Set<String> noticesSent;
    /** When the owner was last warned that the policy will revoke the token for disuse; {@code null} if never. */
    private Long disuseWarned;
    /** The last distinct addresses of use, most recent first; replaced whole, never changed in place. */
    private volatile String[] recentSources;
    /** An address of use new for this token, waiting to be told to its owner; {@code null} for none. */
    private volatile String placeToTell;
    /** For a token rotated with a grace period: the id of its successor; {@code null} otherwise. */
    private String replacedBy;
    /** When such a token was rotated. */
    private Long retiringSince;

    /*
     * The hash as four numbers in this object, and the expiry as a number, both derived once from the stored
     * fields: a check then reads nothing but this object, which saves a cache miss per separate array or box.
     */
    private transient long hash0;
    private transient long hash1;
    private transient long hash2;
    private transient long hash3;
    /** Derived from {@link #items}, for the check of every request; replaced whole when an item moves. */
    private transient volatile Reach reach;
    /** {@link Long#MAX_VALUE} when the token never expires. */
    private transient volatile long expiresAt;
    /** Only in memory: after a restart a used token has its first use on disk, which is what counts. */
    private transient boolean firstUseAnnounced;
    /*
     * Uses not yet on disk, kept in the token itself so that recording a use touches no shared structure and
     * allocates nothing: at most this object's cache lines. 0 means "none" for the times, which is also what XStream
     * leaves in transient fields. Updated through VarHandles, so that a use recorded while the write-behind drains
     * is counted exactly once, now or at the next drain.
     */
    private transient volatile long pendingCount;
    private transient volatile long pendingFirst;
    private transient volatile long pendingLast;
    /** Written with pendingLast; a reader racing a writer may pair one use's time with another's address. */
    private transient volatile String pendingSource;

    private static final VarHandle PENDING_COUNT;
    private static final VarHandle PENDING_FIRST;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            PENDING_COUNT = lookup.findVarHandle(StoredToken.class, "pendingCount", long.class);
            PENDING_FIRST = lookup.findVarHandle(StoredToken.class, "pendingFirst", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    StoredToken(
            String id,
            String name,
            String value,
            Scope scope,
            Reach reach,
            TokenOrigin origin,
            String originDetail,
            Instant created,
            Instant expires) {
        this.id = id;
        this.name = name;
        this.sha256 = TokenHash.hexOf(value);
        this.scope = scope;
        // A plain list: XStream cannot write the JDK's immutable ones without opening java.util.
        this.items = reach.isEverywhere() ? null : new ArrayList<>(reach.items());
        this.reach = reach;
        this.origin = origin;
        this.originDetail = originDetail;
        this.created = created.toEpochMilli();
        this.expires = millis(expires);
        deriveFromStoredFields();
    }

    /** XStream skips the constructor: derive what is not stored. */
    private Object readResolve() {
        deriveFromStoredFields();
        reach = Reach.stored(items);
        return this;
    }

    private void deriveFromStoredFields() {
        byte[] hash = HexFormat.of().parseHex(sha256);
        hash0 = TokenHash.word(hash, 0);
        hash1 = TokenHash.word(hash, 1);
        hash2 = TokenHash.word(hash, 2);
        hash3 = TokenHash.word(hash, 3);
        expiresAt = expires == null ? Long.MAX_VALUE : expires;
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    void rename(String newName) {
        this.name = newName;
    }

    Instant expires() {
        return instant(expires);
    }

    Instant firstUse() {
        return instant(firstUse);
    }

    TokenOrigin origin() {
        return origin == null ? TokenOrigin.USER : origin;
    }

    String originDetail() {
        return originDetail;
    }

    String issuedBy() {
        return issuedBy;
    }

    void issuedBy(String administrator) {
        this.issuedBy = administrator;
    }

    String buildRun() {
        return buildRun;
    }

    void buildRun(String run) {
        this.buildRun = run;
    }

    boolean firstUseAnnounced() {
        return firstUseAnnounced;
    }

    void markFirstUseAnnounced() {
        this.firstUseAnnounced = true;
    }

    Scope scope() {
        return scope == null ? Scope.FULL : scope;
    }

    Reach reach() {
        return reach;
    }

    /**
     * Callers hold the user's lock: the token keeps working in an item that moved from {@code from} to {@code to}.
     *
     * @return what undoes it, or {@code null} when the token was not limited to that item or anything in it
     */
    Runnable followMove(String from, String to) {
        Reach after;
        try {
            after = reach.afterMove(from, to);
        } catch (TokenRuleException e) {
            // A new name no token may hold (too long): let go of the old one rather than keep it for a newcomer.
            Reach left = reach.without(from);
            after = left == null ? Reach.NOWHERE : left;
        }
        return after == reach ? null : limitTo(after);
    }

    /**
     * Callers hold the user's lock.
     *
     * @return what undoes it
     */
    Runnable limitTo(Reach after) {
        Reach before = reach;
        List<String> itemsBefore = items;
        items = new ArrayList<>(after.items());
        reach = after;
        return () -> {
            items = itemsBefore;
            reach = before;
        };
    }

    boolean isExpiredAt(Instant now) {
        return now.toEpochMilli() >= expiresAt;
    }

    boolean expiryAnnounced() {
        return expiryAnnounced;
    }

    void announceExpiry() {
        this.expiryAnnounced = true;
    }

    boolean noticeSent(String key) {
        return noticesSent != null && noticesSent.contains(key);
    }

    /** Callers hold the user's lock. */
    void markNoticeSent(String key) {
        if (noticesSent == null) {
            noticesSent = new TreeSet<>();
        }
        noticesSent.add(key);
    }

    /** How many distinct addresses of use a token remembers, as GitLab does. */
    static final int PLACES_KEPT = 5;

    /**
     * Remembers an address the token is used from. Cheap on the path of every request: the common case, the same
     * address as last time, reads one field; another address takes this token's lock, never the user's.
     *
     * @return whether the address is new for a token already used from elsewhere
     */
    boolean notePlace(String source) {
        if (source == null) {
            return false;
        }
        String[] last = recentSources;
        if (last != null && last.length > 0 && last[0].equals(source)) {
            return false;
        }
        synchronized (this) {
            List<String> seen = recentSources == null ? List.of() : List.of(recentSources);
            boolean isNew = !seen.isEmpty() && !seen.contains(source);
            List<String> updated = new ArrayList<>(PLACES_KEPT);
            updated.add(source);
            for (String earlier : seen) {
                if (!earlier.equals(source) && updated.size() < PLACES_KEPT) {
                    updated.add(earlier);
                }
            }
            recentSources = updated.toArray(new String[0]);
            return isNew;
        }
    }

    String placeToTell() {
        return placeToTell;
    }

    void tellPlace(String source) {
        this.placeToTell = source;
    }

    /** Callers hold the user's lock: the notice for {@code source} went out (a newer one may be waiting). */
    void placeTold(String source) {
        if (source.equals(placeToTell)) {
            placeToTell = null;
        }
    }

    String replacedBy() {
        return replacedBy;
    }

    Instant retiringSince() {
        return instant(retiringSince);
    }

    /**
     * Callers hold the user's lock: the token keeps working until {@code until} (or its own expiry, if sooner), then
     * it is its successor's turn.
     *
     * @return what undoes it
     */
    Runnable retire(String successor, Instant now, Instant until) {
        Long expiresBefore = expires;
        this.replacedBy = successor;
        this.retiringSince = now.toEpochMilli();
        if (expires == null || until.toEpochMilli() < expires) {
            this.expires = until.toEpochMilli();
        }
        deriveFromStoredFields();
        return () -> {
            replacedBy = null;
            retiringSince = null;
            expires = expiresBefore;
            deriveFromStoredFields();
        };
    }

    Instant disuseWarned() {
        return instant(disuseWarned);
    }

    /** Callers hold the user's lock. */
    void markDisuseWarned(Instant at) {
        this.disuseWarned = at.toEpochMilli();
    }

    boolean matches(String value) {
        return TokenHash.matches(value, hash0, hash1, hash2, hash3);
    }

    /**
     * Records one use in memory.
     *
     * @return whether it is the first use since the last drain
     */
    boolean recordUse(long atMillis, String source) {
        // Time before count: whoever sees the count raised also sees a time for it.
        pendingLast = atMillis;
        pendingSource = source;
        PENDING_COUNT.getAndAdd(this, 1L);
        return PENDING_FIRST.compareAndSet(this, 0L, atMillis);
    }

    /** Moves the uses recorded in memory into the stored figures. Callers hold the user's lock. */
    void drainPendingUses() {
        long first = (long) PENDING_FIRST.getAndSet(this, 0L);
        long count = (long) PENDING_COUNT.getAndSet(this, 0L);
        long last = pendingLast;
        if (count > 0 && last != 0) {
            addUses(count, first == 0 ? last : first, last, pendingSource);
        }
    }

    /** Callers hold the user's lock. */
    void addUses(long count, long first, long last, String source) {
        useCount += count;
        if (firstUse == null || first < firstUse) {
            firstUse = first;
        }
        if (lastUse == null || last >= lastUse) {
            lastUse = last;
            lastSource = source;
        }
    }

    /** What may be shown of this token, pending uses included. */
    TokenInfo info(String userId) {
        long count = useCount + pendingCount;
        Long first = firstUse != null ? firstUse : (pendingFirst == 0 ? null : (Long) pendingFirst);
        Long last = lastUse;
        String source = lastSource;
        long recent = pendingLast;
        if (recent != 0 && (last == null || recent >= last)) {
            last = recent;
            source = pendingSource;
        }
        return new TokenInfo(
                userId,
                id,
                name,
                scope(),
                reach,
                origin(),
                originDetail,
                Instant.ofEpochMilli(created),
                instant(expires),
                count,
                instant(first),
                instant(last),
                source,
                issuedBy,
                recentSources == null ? List.of() : List.of(recentSources),
                replacedBy);
    }
}
