package io.jenkins.plugins.apitokens.engine;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Which notices a user's tokens are due, and their delivery, once each: a token expiring within one of the policy's
 * warning periods (the shortest one reached, so a token made with three days to live gets one notice, not three),
 * an expired token, a token the policy will revoke for disuse within a week (and never sooner than a week after
 * that warning). What was delivered is kept with the token, so a restart never sends it again; a revoked token is
 * gone and gets nothing. Per-build tokens live for a build and get no notices.
 */
final class TokenNotices {

    private static final Logger LOGGER = Logger.getLogger(TokenNotices.class.getName());
    static final Duration UNUSED_WARNING = Duration.ofDays(7);

    private final TokenRepository repository;
    private final NoticeChannel channel;
    /** Users with a use from a new address to tell: delivered within seconds, not at the hourly sweep. */
    private final Set<String> placesToTell = ConcurrentHashMap.newKeySet();

    TokenNotices(TokenRepository repository, NoticeChannel channel) {
        this.repository = repository;
        this.channel = channel;
    }

    /** Notes that {@code userId} has a new address of use to be told (see {@link #deliverPlaces}). */
    void placeToTell(String userId) {
        placesToTell.add(userId);
    }

    /**
     * Keeps, with the user's tokens, that {@code revoked} was revoked because its value was reported leaked: the
     * owner is told within seconds (see {@link #deliverPlaces}), and a restart or a mail server that is down loses
     * nothing.
     */
    void tellLeak(TokenInfo revoked, String reporter, Instant at) {
        UserTokens tokens = repository.find(revoked.userId());
        if (tokens == null) {
            return;
        }
        synchronized (tokens) {
            tokens.tellRevocation(new TokenNotice(NoticeType.LEAK_REVOKED, revoked, at, 0, reporter));
            try {
                repository.save(revoked.userId(), tokens);
            } catch (IOException e) {
                LOGGER.log(Level.WARNING, "Could not record a notice for user " + revoked.userId(), e);
            }
        }
        placesToTell.add(revoked.userId());
    }

    /** Delivers the notices of users with a new address of use to tell, and whatever else they are due. */
    void deliverPlaces(TokenPolicy rules, Instant now) {
        for (String userId : List.copyOf(placesToTell)) {
            placesToTell.remove(userId);
            deliverDue(userId, rules, now);
        }
    }

    /** A notice, and what marks it delivered on its token. */
    private record Due(TokenNotice notice, Runnable markDelivered) {}

    /**
     * Tells the owners of live tokens that break the policy in force, once per token and enforcement date: before the
     * date, so they can replace them; after it (a policy tightened later), so they learn why they are refused.
     * Retiring values are not told: their successor is.
     *
     * @param everyToken every token of the instance, core's among them: the engine keeps only its own
     * @return how many notices went out
     */
    int tellPolicyBreaches(TokenPolicy rules, Collection<TokenInfo> everyToken, Instant now) {
        Instant start = rules.getEnforcementStart();
        if (start == null) {
            return 0;
        }
        Map<String, List<TokenInfo>> byUser = new TreeMap<>();
        Map<TokenInfo, List<PolicyBreach>> breaking = PolicyCompliance.assess(rules, everyToken, now);
        breaking.forEach((token, breaches) -> {
            if (!token.isRetiring()) {
                byUser.computeIfAbsent(token.userId(), user -> new ArrayList<>())
                        .add(token);
            }
        });
        String key = "policy-" + rules.getEnforcementDate();
        int told = 0;
        Map<String, Set<String>> coreIds = new HashMap<>();
        for (TokenInfo token : everyToken) {
            if (token.origin().isCore()) {
                coreIds.computeIfAbsent(token.userId(), user -> new HashSet<>()).add(token.id());
            }
        }
        for (Map.Entry<String, List<TokenInfo>> user : byUser.entrySet()) {
            try {
                Set<String> usersCoreIds = coreIds.getOrDefault(user.getKey(), Set.of());
                told += tellPolicyBreaches(user.getKey(), user.getValue(), breaking, rules, key, usersCoreIds);
            } catch (RuntimeException e) {
                // One user's store must not keep the others from being told.
                LOGGER.log(Level.WARNING, "Could not tell user " + user.getKey() + " of tokens breaking the policy", e);
            }
        }
        return told;
    }

    private int tellPolicyBreaches(
            String userId,
            List<TokenInfo> breakingTokens,
            Map<TokenInfo, List<PolicyBreach>> breaking,
            TokenPolicy rules,
            String key,
            Set<String> coreIds) {
        UserTokens tokens = repository.findOrCreate(userId);
        List<Due> due = new ArrayList<>();
        synchronized (tokens) {
            for (TokenInfo token : breakingTokens) {
                String words =
                        PolicyCompliance.reasons(rules, breaking.get(token)).in(Locale.ENGLISH);
                TokenNotice notice =
                        new TokenNotice(NoticeType.BREAKS_POLICY, token, rules.getEnforcementStart(), 0, words);
                if (token.origin().isCore()) {
                    if (!tokens.coreNoticeSent(token.id(), key)) {
                        due.add(new Due(notice, () -> tokens.markCoreNoticeSent(token.id(), key, coreIds)));
                    }
                } else {
                    StoredToken stored = tokens.byId(token.id());
                    if (stored != null && !stored.noticeSent(key)) {
                        due.add(new Due(notice, () -> stored.markNoticeSent(key)));
                    }
                }
            }
        }
        return deliver(userId, tokens, due);
    }

    /** Delivers the user's due notices; those the channel refuses are due again at the next call. */
    void deliverDue(String userId, TokenPolicy rules, Instant now) {
        UserTokens tokens = repository.find(userId);
        if (tokens == null) {
            return;
        }
        List<Due> due = new ArrayList<>();
        synchronized (tokens) {
            for (StoredToken token : tokens.all()) {
                Due notice = dueOf(userId, token, rules, now);
                if (notice != null) {
                    due.add(notice);
                }
                Due place = placeOf(userId, token);
                if (place != null) {
                    due.add(place);
                }
            }
            for (TokenNotice revocation : tokens.revocationsToTell(userId)) {
                due.add(new Due(revocation, () -> tokens.revocationTold(revocation)));
            }
        }
        deliver(userId, tokens, due);
    }

    /**
     * Delivers the notices outside the lock (a mail server may take its time, and token checks must not wait for
     * it), then marks those delivered and saves the user's tokens.
     *
     * @return how many were delivered
     */
    private int deliver(String userId, UserTokens tokens, List<Due> due) {
        List<Due> delivered = new ArrayList<>();
        for (Due notice : due) {
            try {
                if (channel.deliver(notice.notice())) {
                    delivered.add(notice);
                }
            } catch (RuntimeException e) {
                LOGGER.log(
                        Level.WARNING,
                        "Could not deliver a notice about API token "
                                + notice.notice().token().id(),
                        e);
            }
        }
        if (delivered.isEmpty()) {
            return 0;
        }
        synchronized (tokens) {
            delivered.forEach(notice -> notice.markDelivered().run());
            try {
                repository.save(userId, tokens);
            } catch (IOException e) {
                // Kept in memory: sent again only if Jenkins restarts before the next save.
                LOGGER.log(Level.WARNING, "Could not record the notices sent for user " + userId, e);
            }
        }
        return delivered.size();
    }

    private static Due dueOf(String userId, StoredToken token, TokenPolicy rules, Instant now) {
        if (token.origin() == TokenOrigin.BUILD) {
            return null;
        }
        if (token.replacedBy() != null) {
            return retiringInUse(userId, token, now);
        }
        TokenInfo info = token.info(userId);
        Instant expires = token.expires();
        if (expires != null) {
            if (token.isExpiredAt(now)) {
                return once(token, "expired", new TokenNotice(NoticeType.EXPIRED, info, expires, 0, null));
            }
            Integer reached = null;
            for (int days : rules.getExpiryWarningDays()) {
                if (!now.plus(Duration.ofDays(days)).isBefore(expires) && (reached == null || days < reached)) {
                    reached = days;
                }
            }
            if (reached != null) {
                TokenNotice notice = new TokenNotice(NoticeType.EXPIRING, info, expires, reached, null);
                return once(token, "expiring-" + reached, notice);
            }
        }
        Duration unusedLimit = rules.getRevokeUnusedAfter();
        if (unusedLimit != null && !isWarnedOfDisuse(info, token.disuseWarned())) {
            Instant revocation = lastActivity(info).plus(unusedLimit);
            if (!now.plus(UNUSED_WARNING).isBefore(revocation)) {
                // Never sooner than a week after the warning, even when the policy has just been switched on.
                Instant when = revocation.isBefore(now.plus(UNUSED_WARNING)) ? now.plus(UNUSED_WARNING) : revocation;
                TokenNotice notice =
                        new TokenNotice(NoticeType.UNUSED, info, when, (int) UNUSED_WARNING.toDays(), null);
                return new Due(notice, () -> token.markDisuseWarned(now));
            }
        }
        return null;
    }

    /** A retiring value still used since its rotation, with less than {@link #LAST_CALL} of its grace period left. */
    private static Due retiringInUse(String userId, StoredToken token, Instant now) {
        TokenInfo info = token.info(userId);
        boolean usedSince = info.lastUse() != null && info.lastUse().isAfter(token.retiringSince());
        if (!usedSince || now.plus(LAST_CALL).isBefore(info.expires()) || token.isExpiredAt(now)) {
            return null;
        }
        return once(token, "retiring", new TokenNotice(NoticeType.RETIRING_IN_USE, info, info.expires(), 0, null));
    }

    /** How long before the end of a grace period a retiring value still in use is told about. */
    static final Duration LAST_CALL = Duration.ofHours(1);

    /** A use from a new address, for an owner who asked to be told. */
    private static Due placeOf(String userId, StoredToken token) {
        String place = token.placeToTell();
        if (place == null) {
            return null;
        }
        TokenInfo info = token.info(userId);
        TokenNotice notice = new TokenNotice(NoticeType.NEW_PLACE, info, lastActivity(info), 0, place);
        return new Due(notice, () -> token.placeTold(place));
    }

    private static Due once(StoredToken token, String key, TokenNotice notice) {
        return token.noticeSent(key) ? null : new Due(notice, () -> token.markNoticeSent(key));
    }

    /** When the token was last used, or made if never: what a period of disuse counts from. */
    static Instant lastActivity(TokenInfo token) {
        return token.lastUse() == null ? token.created() : token.lastUse();
    }

    /** Whether the owner was warned of this period of disuse: a warning before the last use is spent. */
    static boolean isWarnedOfDisuse(TokenInfo token, Instant warned) {
        return warned != null && warned.isAfter(lastActivity(token));
    }

    /**
     * Whether the policy's revocation for disuse may take the token now: unused for the whole period, and its owner
     * warned of this disuse at least a week ago, unless the token has expired (it works no more, so nothing is lost).
     */
    static boolean isDueForDisuseRevocation(TokenInfo token, Instant warned, Duration limit, Instant now) {
        if (!token.unusedFor(limit, now)) {
            return false;
        }
        return token.isExpiredAt(now)
                || (isWarnedOfDisuse(token, warned) && !now.isBefore(warned.plus(UNUSED_WARNING)));
    }
}
