package io.jenkins.plugins.apitokens.engine;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Decoy tokens: values in the token format, checksum and all, that never authenticate. An administrator plants one
 * where an intruder would look (a {@code .netrc} on an agent, a configuration file in a repository); whoever
 * presents it has found it there, and an alert goes out at once.
 *
 * <p>Decoys are not tokens of any user: they are kept apart, count against no limit, appear in no user's list and
 * can never be rotated into a token. They are looked at only for a value that did not authenticate, so a real
 * token's check never pays for them; the use itself is answered exactly as an unknown value is, and the audit event
 * and alert are made on the {@code alerts} executor, not on the request's thread, so nothing in the answer or its
 * timing tells a decoy from a mistyped value. Each use counts, in memory; the counts are written behind
 * ({@link #flush()}) as usage is, so trying a decoy in a loop writes nothing per request.
 */
public final class Decoys {

    private static final Logger LOGGER = Logger.getLogger(Decoys.class.getName());
    private static final Comparator<DecoyInfo> BY_NAME =
            Comparator.comparing(decoy -> TokenName.uniquenessKey(decoy.name()));

    static final int MAX_PLANTED_AT = 200;
    /** The audit trail's actor for a decoy tried with a request: whoever it was, they are not known. */
    public static final String UNKNOWN_CLIENT = "unknown client";

    private final DecoyStore store;
    private final Clock clock;
    private final AuditListener audit;
    private final DecoyAlarm alarm;
    private final Executor alerts;
    private final TokenFormat format;
    private final Map<Long, Decoy> byKey = new ConcurrentHashMap<>();
    private volatile boolean tripsUnsaved;

    public Decoys(DecoyStore store, Clock clock, AuditListener audit, DecoyAlarm alarm, Executor alerts) {
        this(store, clock, audit, alarm, alerts, new TokenFormat());
    }

    Decoys(DecoyStore store, Clock clock, AuditListener audit, DecoyAlarm alarm, Executor alerts, TokenFormat format) {
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
        this.audit = Objects.requireNonNull(audit);
        this.alarm = Objects.requireNonNull(alarm);
        this.alerts = Objects.requireNonNull(alerts);
        this.format = format;
        load();
    }

    private void load() {
        List<StoredDecoy> stored;
        try {
            stored = store.load();
        } catch (IOException e) {
            // Decoys only ever refuse: none known means none alert, never that anything authenticates.
            LOGGER.log(Level.WARNING, "Could not read the decoy tokens; none will alert until they are read", e);
            return;
        }
        for (StoredDecoy decoy : stored) {
            long key = TokenFormat.idKey(decoy.info().id());
            if (key != 0) {
                byKey.put(
                        key,
                        new Decoy(
                                decoy.info(),
                                decoy.sha256() == null ? null : HexFormat.of().parseHex(decoy.sha256())));
            }
        }
    }

    /**
     * Makes a decoy; its value is in the answer and nowhere else.
     *
     * @param plantedAt where it will be planted, for whoever reads the alert; may be empty
     * @throws TokenRuleException for a name that is not a valid token name or is taken by another decoy, or a place
     *     that is too long or holds line breaks
     */
    public synchronized NewDecoy create(String name, String plantedAt, String actor) {
        DecoyInfo info = newDecoy(name, plantedAt, actor, false);
        String value = format.newValue(info.id());
        add(info, TokenHash.of(value));
        audit.onEvent(event(
                AuditEventType.DECOY_CREATED,
                actor,
                info,
                info.plantedAt().isEmpty() ? null : "planted at " + info.plantedAt()));
        return new NewDecoy(info, value);
    }

    /**
     * Declares a decoy, as configuration as code does: by name and place, without a value, which no configuration
     * file should hold. Its value is made by {@link #issueValue}, and shown once, when an administrator asks for it.
     * A decoy of that name that exists already is left as it is.
     *
     * @return the decoy of that name
     * @throws TokenRuleException as {@link #create} does, for the name or the place
     */
    public synchronized DecoyInfo declare(String name, String plantedAt, String actor) {
        DecoyInfo existing = named(TokenName.normalize(name));
        if (existing != null) {
            return existing;
        }
        DecoyInfo info = newDecoy(name, plantedAt, actor, true);
        add(info, null);
        audit.onEvent(event(AuditEventType.DECOY_CREATED, actor, info, "declared by configuration; no value yet"));
        return info;
    }

    /**
     * Makes the value of a declared decoy, once: from then on it is a decoy like any other.
     *
     * @throws TokenNotFoundException if there is no such decoy
     * @throws TokenRuleException if its value was made already: it is never shown twice
     */
    public synchronized NewDecoy issueValue(String id, String actor) {
        long key = keyOf(id);
        Decoy decoy = byKey.get(key);
        if (!decoy.info.awaitingValue()) {
            throw new TokenRuleException(EngineMessage.of("Decoy.ValueShown", decoy.info.name()));
        }
        String value = format.newValue(id);
        DecoyInfo before = decoy.info;
        Decoy issued = new Decoy(before.withValue(), TokenHash.of(value));
        byKey.put(key, issued);
        try {
            save();
        } catch (IOException e) {
            byKey.put(key, decoy);
            throw new TokenStorageException(EngineMessage.of("Decoy.StorageFailed"), e);
        }
        audit.onEvent(event(AuditEventType.DECOY_CREATED, actor, issued.info, "value made and shown"));
        return new NewDecoy(issued.info, value);
    }

    /**
     * Checks a name and place as {@link #create} and {@link #declare} would, without making anything.
     *
     * @throws TokenRuleException saying what is wrong
     */
    public static void check(String name, String plantedAt) {
        TokenName.normalize(name);
        placeOf(plantedAt);
    }

    private DecoyInfo named(String normalizedName) {
        String uniqueness = TokenName.uniquenessKey(normalizedName);
        for (Decoy decoy : byKey.values()) {
            if (TokenName.uniquenessKey(decoy.info.name()).equals(uniqueness)) {
                return decoy.info;
            }
        }
        return null;
    }

    /** A new decoy's description, under a name no other decoy has and an id no other decoy has. */
    private DecoyInfo newDecoy(String name, String plantedAt, String actor, boolean awaitingValue) {
        String normalized = TokenName.normalize(name);
        if (named(normalized) != null) {
            throw new TokenRuleException(EngineMessage.of("Decoy.NameTaken", normalized));
        }
        String place = placeOf(plantedAt);
        String id;
        do {
            id = format.newId();
        } while (byKey.containsKey(TokenFormat.idKey(id)));
        return new DecoyInfo(id, normalized, place, actor, clock.instant(), awaitingValue, 0, null, null);
    }

    /** Keeps a new decoy, or nothing if it cannot be saved. */
    private void add(DecoyInfo info, byte[] hash) {
        long key = TokenFormat.idKey(info.id());
        byKey.put(key, new Decoy(info, hash));
        try {
            save();
        } catch (IOException e) {
            byKey.remove(key);
            throw new TokenStorageException(EngineMessage.of("Decoy.StorageFailed"), e);
        }
    }

    /** The place as kept: trimmed, at most {@value #MAX_PLANTED_AT} characters, on one line. */
    private static String placeOf(String plantedAt) {
        String place = plantedAt == null ? "" : plantedAt.strip();
        if (place.codePointCount(0, place.length()) > MAX_PLANTED_AT) {
            throw new TokenRuleException(EngineMessage.of("Decoy.PlaceTooLong", MAX_PLANTED_AT));
        }
        if (place.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            throw new TokenRuleException(EngineMessage.of("Decoy.PlaceMisleading"));
        }
        return place;
    }

    /**
     * Removes a decoy: its value becomes an unknown value like any other, and alerts no more.
     *
     * @throws TokenNotFoundException if there is no such decoy
     */
    public synchronized DecoyInfo remove(String id, String actor) {
        long key = keyOf(id);
        Decoy removed = byKey.remove(key);
        try {
            save();
        } catch (IOException e) {
            byKey.put(key, removed);
            throw new TokenStorageException(EngineMessage.of("Decoy.StorageFailed"), e);
        }
        audit.onEvent(event(AuditEventType.DECOY_REMOVED, actor, removed.info, null));
        return removed.info;
    }

    /**
     * Removes a decoy {@code creator} made, as a user who is not an administrator may: another's decoy is not found,
     * so a user cannot even learn that it exists.
     *
     * @throws TokenNotFoundException if {@code creator} made no decoy with that id
     */
    public synchronized DecoyInfo removeOwn(String id, String creator) {
        if (listCreatedBy(creator).stream().noneMatch(decoy -> decoy.id().equals(id))) {
            throw new TokenNotFoundException(id);
        }
        return remove(id, creator);
    }

    /**
     * The index key of an existing decoy's id.
     *
     * @throws TokenNotFoundException if no decoy has that id
     */
    private long keyOf(String id) {
        long key = TokenFormat.idKey(id);
        if (key == 0 || !byKey.containsKey(key)) {
            throw new TokenNotFoundException(id);
        }
        return key;
    }

    /** Every decoy, by name. */
    public List<DecoyInfo> list() {
        List<DecoyInfo> all = new ArrayList<>();
        for (Decoy decoy : byKey.values()) {
            all.add(decoy.info);
        }
        all.sort(BY_NAME);
        return all;
    }

    /** The decoys {@code creator} made, by name: what a user who is not an administrator may see. */
    public List<DecoyInfo> listCreatedBy(String creator) {
        List<DecoyInfo> own = new ArrayList<>();
        for (DecoyInfo decoy : list()) {
            if (decoy.createdBy() != null && decoy.createdBy().equals(creator)) {
                own.add(decoy);
            }
        }
        return own;
    }

    public int count() {
        return byKey.size();
    }

    /**
     * Looks at a value that did not authenticate: if it is a decoy's, the use is counted and an alert raised, off
     * this thread. The caller answers as it would any unknown value, whatever this returns.
     *
     * @return whether the value was a decoy's
     */
    public boolean trip(String value, DecoyUse use) {
        long key = TokenFormat.keyOf(value);
        Decoy decoy = key == 0 || byKey.isEmpty() ? null : byKey.get(key);
        if (decoy == null || !decoy.matches(value)) {
            return false;
        }
        Instant at = clock.instant();
        DecoyInfo tripped;
        synchronized (decoy) {
            decoy.info = decoy.info.tripped(at, use);
            tripped = decoy.info;
        }
        tripsUnsaved = true;
        DecoyAlert alert = new DecoyAlert(tripped, at, use);
        alerts.execute(() -> {
            audit.onEvent(event(AuditEventType.DECOY_TRIPPED, actorOf(use), tripped, use.describe()));
            alarm.sound(alert);
        });
        return true;
    }

    /**
     * {@link #trip} for every value of a leak report: a decoy in it tells where the value leaked to, which is what
     * the reporter's address says.
     *
     * @return how many decoys it tripped
     */
    public int tripReported(LeakReport report, String reporter) {
        if (byKey.isEmpty()) {
            return 0;
        }
        DecoyUse use = DecoyUse.leakReport(reporter);
        int tripped = 0;
        for (String value : report.values()) {
            if (trip(value, use)) {
                tripped++;
            }
        }
        return tripped;
    }

    /**
     * Writes the counts of uses made since the last write.
     *
     * @return whether anything was written
     */
    public synchronized boolean flush() {
        if (!tripsUnsaved) {
            return false;
        }
        tripsUnsaved = false;
        try {
            save();
            return true;
        } catch (IOException e) {
            tripsUnsaved = true;
            LOGGER.log(Level.WARNING, "Could not save the uses of decoy tokens; they will be written again", e);
            return false;
        }
    }

    private void save() throws IOException {
        List<StoredDecoy> all = new ArrayList<>();
        for (Decoy decoy : byKey.values()) {
            synchronized (decoy) {
                all.add(new StoredDecoy(
                        decoy.info, decoy.hash == null ? null : HexFormat.of().formatHex(decoy.hash)));
            }
        }
        all.sort(Comparator.comparing(stored -> stored.info().id()));
        store.save(all);
    }

    private static String actorOf(DecoyUse use) {
        return use.via() == DecoyUse.Via.LEAK_REPORT ? AuditEvent.LEAK_REPORT : UNKNOWN_CLIENT;
    }

    private AuditEvent event(AuditEventType type, String actor, DecoyInfo decoy, String detail) {
        return new AuditEvent(clock.instant(), type, actor, null, decoy.id(), decoy.name(), detail);
    }

    /** A decoy in memory: what administrators see, and the hash its value is checked against. */
    private static final class Decoy {
        private final byte[] hash;
        private DecoyInfo info;

        /** @param hash {@code null} for a decoy that awaits its value: nothing matches it */
        Decoy(DecoyInfo info, byte[] hash) {
            this.info = info;
            this.hash = hash == null ? null : hash.clone();
        }

        /** Compared in constant time, as a token's hash is; decoys are asked only for values already refused. */
        boolean matches(String value) {
            return hash != null
                    && TokenHash.matches(
                            value,
                            TokenHash.word(hash, 0),
                            TokenHash.word(hash, 1),
                            TokenHash.word(hash, 2),
                            TokenHash.word(hash, 3));
        }
    }
}
