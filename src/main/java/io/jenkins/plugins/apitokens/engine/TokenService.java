package io.jenkins.plugins.apitokens.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * Every operation on API tokens, for the Jenkins layer: the one door to the engine. Changes are made by
 * {@link TokenChanges}, the per-request check by {@link TokenVerifier}, usage is written behind by
 * {@link UsageRecorder}, the periodic clean-up is {@link TokenSweeper}'s, and all of them announce what happened
 * through {@link AuditPublisher}; reading a user's tokens happens here.
 */
public final class TokenService {

    private static final Comparator<TokenInfo> BY_NAME =
            Comparator.comparing(info -> TokenName.uniquenessKey(info.name()));

    private final TokenRepository repository;
    private final Clock clock;
    private final Supplier<TokenPolicy> policy;
    private final UsageRecorder usage;
    private final TokenChanges changes;
    private final TokenVerifier verifier;
    private final TokenSweeper sweeper;
    private final TokenNotices notices;
    private final LeakedTokens leaks;
    private final BlockedUses blocked;

    public TokenService(TokenRepository repository, Clock clock, Supplier<TokenPolicy> policy, AuditListener audit) {
        this(repository, clock, policy, audit, NoticeChannel.NONE);
    }

    /** @param notices where the sweep sends owners' notices (expiry, disuse) */
    public TokenService(
            TokenRepository repository,
            Clock clock,
            Supplier<TokenPolicy> policy,
            AuditListener audit,
            NoticeChannel notices) {
        this(repository, clock, policy, audit, notices, new TokenFormat());
    }

    TokenService(
            TokenRepository repository,
            Clock clock,
            Supplier<TokenPolicy> policy,
            AuditListener audit,
            NoticeChannel notices,
            TokenFormat format) {
        this.repository = Objects.requireNonNull(repository);
        this.clock = Objects.requireNonNull(clock);
        this.policy = Objects.requireNonNull(policy);
        AuditPublisher publisher = new AuditPublisher(clock, Objects.requireNonNull(audit));
        RecentlyRevoked recentlyRevoked = new RecentlyRevoked();
        this.usage = new UsageRecorder(repository);
        this.changes = new TokenChanges(repository, clock, policy, publisher, format, recentlyRevoked);
        this.notices = new TokenNotices(repository, Objects.requireNonNull(notices));
        this.verifier = new TokenVerifier(
                repository, clock, policy, usage, recentlyRevoked, publisher, this.notices::placeToTell);
        this.sweeper = new TokenSweeper(repository, clock, policy, changes, publisher, this.notices);
        this.leaks = new LeakedTokens(repository, changes, this.notices, clock::instant);
        this.blocked = new BlockedUses(publisher);
    }

    /**
     * Counts, against the per-user maximum, the tokens a user holds outside the engine (core's, where the policy
     * governs them), so that one maximum holds for every token of the user.
     */
    public void countTokensKeptElsewhere(ToIntFunction<String> count) {
        changes.countTokensKeptElsewhere(count);
    }

    /** How many of the user's tokens in the engine count against the per-user maximum (their own, not retiring). */
    public int countOwnTokens(String userId) {
        UserTokens tokens = repository.find(userId);
        if (tokens == null) {
            return 0;
        }
        synchronized (tokens) {
            return tokens.countOf(TokenOrigin.USER);
        }
    }

    /**
     * Records that a request with {@code token}, which breaks the policy in force, was refused: into the audit trail
     * with the refusal's words, at most once an hour per token.
     *
     * @return whether it was put into the audit trail now
     */
    public boolean announceBlocked(TokenInfo token, List<PolicyBreach> breaches, String source) {
        String why = PolicyCompliance.refusal(policy.get(), breaches).in(Locale.ENGLISH);
        return blocked.refused(token, why, source, clock.instant());
    }

    public TokenPolicy policy() {
        return policy.get();
    }

    public Instant now() {
        return clock.instant();
    }

    /** Creates a token for {@code userId}, asked for by that user ({@code actor}, as the request names them). */
    public NewToken create(String userId, TokenRequest request, String actor) {
        return changes.create(userId, request, actor);
    }

    /**
     * Creates a token for {@code userId} asked for by {@code administrator}, another user: allowed only when the
     * policy lets administrators issue tokens, since whoever creates a token sees its value. The token is marked as
     * issued by them.
     */
    public NewToken issueFor(String userId, TokenRequest request, String administrator) {
        return changes.issueFor(userId, request, administrator);
    }

    /**
     * Mints a token for one build, named after it. Build tokens do not count against the per-user limit: they are
     * short-lived and revoked by the build itself, or by {@link #sweep(Predicate)} once the build is over.
     *
     * @param build how the build is named in lists and the audit trail, such as {@code build folder/job #12}; a
     *     name too long for a token name is shortened in the middle
     * @param run the run's id, which {@link #revokeBuildTokens(String)} and the sweep go by
     * @param scope {@code null} for {@link Scope#READ_ONLY}
     * @param reach the items the token works in, such as the build's own job
     */
    public NewToken createForBuild(String userId, String build, String run, Scope scope, Reach reach, String actor) {
        return changes.createForBuild(userId, build, run, scope, reach, actor);
    }

    /**
     * Revokes the tokens minted for {@code run}, as it ends; tokens already revoked are skipped.
     *
     * @return the tokens revoked
     */
    public List<TokenInfo> revokeBuildTokens(String run) {
        return changes.revokeBuildTokens(run);
    }

    public TokenInfo rename(String userId, String tokenId, String newName, String actor) {
        return changes.rename(userId, tokenId, newName, actor);
    }

    /**
     * Tokens limited to the item {@code from} (or to items inside it) follow it to {@code to}, after a rename or a
     * move.
     *
     * @return how many tokens changed
     * @throws TokenStorageException when a user's tokens could not be saved (that user's are left as they were)
     */
    public int followItemMove(String from, String to) {
        return changes.followItemMove(from, to);
    }

    /**
     * Tokens limited to the deleted item {@code fullName} (or to items inside it) no longer name it; those that named
     * nothing else are revoked.
     *
     * @return how many tokens changed or were revoked
     */
    public int forgetDeletedItem(String fullName) {
        return changes.forgetDeletedItem(fullName);
    }

    /**
     * Replaces a token's value, asked for by its owner. The new token keeps name, scope and items, and its expiry
     * within what the policy allows now: a scope no longer allowed is refused, as is a token that works everywhere
     * where tokens must now be limited to items; an expiry beyond today's maximum (or none, where one is now
     * required) is brought within it. The old value stops working.
     */
    public NewToken rotate(String userId, String tokenId, String actor) {
        return changes.rotate(userId, tokenId, actor, null);
    }

    /**
     * {@link #rotate(String, String, String)}, with the old value working {@code grace} longer (within the policy's
     * maximum), so scripts can switch without failing; it is listed as retiring meanwhile, then removed.
     */
    public NewToken rotate(String userId, String tokenId, String actor, Duration grace) {
        return changes.rotate(userId, tokenId, actor, grace);
    }

    /** {@link #rotate} asked for by an administrator, only when the policy lets them issue tokens for others. */
    public NewToken rotateFor(String userId, String tokenId, String administrator) {
        return changes.rotateFor(userId, tokenId, administrator, null);
    }

    /** {@link #rotateFor(String, String, String)} with a grace period for the old value. */
    public NewToken rotateFor(String userId, String tokenId, String administrator, Duration grace) {
        return changes.rotateFor(userId, tokenId, administrator, grace);
    }

    public TokenInfo revoke(String userId, String tokenId, String actor) {
        return changes.revoke(userId, tokenId, actor);
    }

    /**
     * Revokes many tokens at once, saving each user once. Tokens already gone are skipped.
     *
     * @return the tokens revoked
     */
    public List<TokenInfo> revokeAll(Collection<TokenRef> refs, String actor) {
        return changes.revokeAll(refs, actor);
    }

    /**
     * Announces the revocation of a token kept by Jenkins core rather than by the engine, so that the audit trail
     * has every revocation made through the plugin.
     */
    public void announceRevoked(TokenInfo coreToken, String actor) {
        changes.announceRevoked(coreToken, actor);
    }

    /** The user's tokens by name; empty for a user without tokens. */
    public List<TokenInfo> list(String userId) {
        UserTokens tokens = repository.find(userId);
        if (tokens == null) {
            return List.of();
        }
        List<TokenInfo> infos = new ArrayList<>();
        synchronized (tokens) {
            for (StoredToken token : tokens.all()) {
                infos.add(token.info(userId));
            }
        }
        infos.sort(BY_NAME);
        return infos;
    }

    /** Every user's tokens, user by user. */
    public List<TokenInfo> listAll() {
        List<TokenInfo> all = new ArrayList<>();
        for (String userId : repository.userIds()) {
            all.addAll(list(userId));
        }
        return all;
    }

    /** @throws TokenNotFoundException if the user has no such token */
    public TokenInfo get(String userId, String tokenId) {
        UserTokens tokens = changes.existing(userId, tokenId);
        synchronized (tokens) {
            return TokenChanges.require(tokens, tokenId).info(userId);
        }
    }

    /**
     * Checks a value presented as {@code userId}'s token. The token is found by the id inside the value, then its
     * hash is compared in constant time; malformed values are refused before any hashing.
     *
     * @param source where the request came from, recorded as the token's last use
     */
    public Verification verify(String userId, String value, String source) {
        return verifier.verify(userId, value, source);
    }

    /** Writes all usage recorded since the last flush; returns how many users were written. */
    public int flushUsage() {
        return usage.flush();
    }

    public boolean hasUnsavedUsage() {
        return usage.hasPending();
    }

    /**
     * The periodic clean-up: announces tokens that expired, revokes build tokens that expired or whose build is
     * over, and revokes tokens unused for longer than the policy allows (when it says so).
     *
     * @param runIsBuilding whether the run a build token belongs to is still building; a token whose run is
     *     unknown or finished is revoked
     * @return the tokens revoked
     */
    public List<TokenInfo> sweep(Predicate<String> runIsBuilding) {
        return sweeper.sweep(runIsBuilding);
    }

    /**
     * Revokes every live token whose value appears in {@code report}, any text: {@link LeakReport#parse} and then
     * {@link #revokeLeaked(LeakReport, String)}.
     *
     * @throws LeakReport.OverLimitException if the report is over a limit; then nothing is revoked
     */
    public List<TokenInfo> revokeLeaked(String report, String reporter) {
        return revokeLeaked(LeakReport.parse(report), reporter);
    }

    /**
     * Revokes every live token whose value the report names (see {@link LeakedTokens}), all in one
     * {@link TokenChanges#revokeAll}; each is announced as revoked by {@link AuditEvent#LEAK_REPORT}, naming the
     * reporter.
     *
     * @param reporter where the report came from, such as the client address
     * @return the tokens revoked; callers facing the reporter must not tell them apart from none (they may say
     *     {@link LeakReport#valuesFound}, which the reporter knows already)
     */
    public List<TokenInfo> revokeLeaked(LeakReport report, String reporter) {
        return leaks.revoke(Objects.requireNonNull(report), reporter);
    }

    /**
     * How many of the user's own tokens have expired or expire soon (within {@link TokenQuery#EXPIRING_WINDOW}, as
     * the overview's filter and monitor count them): what the user's menu counts.
     * Per-build tokens and the old values of rotations (retiring by choice) are not counted, nor are core's tokens:
     * core badges its own from 2.548 on.
     */
    public int countExpiringOrExpired(String userId) {
        Instant now = clock.instant();
        int count = 0;
        for (TokenInfo token : list(userId)) {
            boolean handled = token.origin() == TokenOrigin.BUILD || token.isRetiring();
            if (!handled && (token.isExpiredAt(now) || token.expiresWithin(TokenQuery.EXPIRING_WINDOW, now))) {
                count++;
            }
        }
        return count;
    }

    /**
     * Tells owners of live tokens that break the policy, where an enforcement date is set, once per token and date
     * (part of the hourly sweep).
     *
     * @param everyToken every token of the instance, core's among them
     * @return how many notices went out
     */
    public int tellPolicyBreaches(Collection<TokenInfo> everyToken) {
        return notices.tellPolicyBreaches(policy.get(), everyToken, clock.instant());
    }

    /** Delivers what cannot wait for the hourly sweep: uses from new addresses, to owners who asked to be told. */
    public void deliverUrgentNotices() {
        notices.deliverPlaces(policy.get(), clock.instant());
    }

    /** Whether the user wants to be told when one of their tokens is used from a new address. */
    public boolean wantsPlaceNotices(String userId) {
        UserTokens tokens = repository.find(userId);
        return tokens != null && tokens.placeNoticesWanted();
    }

    /** Saves whether the user wants to be told when one of their tokens is used from a new address. */
    public void setPlaceNotices(String userId, boolean wanted) {
        changes.setPlaceNotices(userId, wanted);
    }
}
