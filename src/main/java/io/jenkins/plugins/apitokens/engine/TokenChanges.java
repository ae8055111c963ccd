package io.jenkins.plugins.apitokens.engine;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * Every change to users' tokens: create, mint for a build, rename, rotate, revoke. Each happens under that user's
 * lock and is saved before it is announced; a change that cannot be saved is undone, so a failed request never
 * loses a token.
 */
final class TokenChanges {

    private final TokenRepository repository;
    private final Clock clock;
    private final Supplier<TokenPolicy> policy;
    private final AuditPublisher audit;
    private final TokenFormat format;
    private final RecentlyRevoked recentlyRevoked;
    /** Build tokens minted since start-up, by run, so a run's end revokes them without a scan. */
    private final Map<String, Set<TokenRef>> liveBuildTokens = new ConcurrentHashMap<>();
    /** Tokens a user holds outside the engine that count against the per-user maximum; none unless told. */
    private volatile ToIntFunction<String> keptElsewhere = userId -> 0;

    TokenChanges(
            TokenRepository repository,
            Clock clock,
            Supplier<TokenPolicy> policy,
            AuditPublisher audit,
            TokenFormat format,
            RecentlyRevoked recentlyRevoked) {
        this.repository = repository;
        this.clock = clock;
        this.policy = policy;
        this.audit = audit;
        this.format = format;
        this.recentlyRevoked = recentlyRevoked;
    }

    /** See {@link TokenService#countTokensKeptElsewhere}. */
    void countTokensKeptElsewhere(ToIntFunction<String> count) {
        this.keptElsewhere = Objects.requireNonNull(count);
    }

    /** Creates a token for {@code userId}, asked for by that user ({@code actor}, as the request names them). */
    NewToken create(String userId, TokenRequest request, String actor) {
        return create(userId, request, actor, null);
    }

    /**
     * Creates a token for {@code userId} asked for by {@code administrator}, another user: allowed only when the
     * policy lets administrators issue tokens, since whoever creates a token sees its value. The token is marked as
     * issued by them.
     */
    NewToken issueFor(String userId, TokenRequest request, String administrator) {
        requireTokensForOthersAllowed();
        return create(userId, request, administrator, Objects.requireNonNull(administrator));
    }

    private NewToken create(String userId, TokenRequest request, String actor, String issuedBy) {
        TokenPolicy rules = policy.get();
        String name = TokenName.normalize(request.name());
        Scope scope = request.scopeOrDefault();
        rules.checkScope(scope);
        rules.checkReach(request.reach());
        Instant now = clock.instant();
        Instant expiry = rules.expiryFor(request.expiry(), now);
        UserTokens tokens = repository.findOrCreate(userId);
        NewToken created;
        synchronized (tokens) {
            requireNameFree(tokens, name, null);
            rules.checkRoomForOneMore(tokens.countOf(TokenOrigin.USER) + keptElsewhere.applyAsInt(userId));
            created = add(
                    userId,
                    tokens,
                    freshId(tokens),
                    name,
                    scope,
                    request.reach(),
                    TokenOrigin.USER,
                    null,
                    now,
                    expiry,
                    token -> token.issuedBy(issuedBy));
        }
        audit.publish(AuditEventType.CREATED, actor, created.token(), creationDetail(created.token(), issuedBy));
        return created;
    }

    /** What the audit trail says of a new token beyond its name: only what differs from a user's full token. */
    private static String creationDetail(TokenInfo token, String issuedBy) {
        List<String> parts = new ArrayList<>();
        if (issuedBy != null) {
            parts.add("issued by " + issuedBy);
        }
        if (token.scope() != Scope.FULL) {
            parts.add("scope " + token.scope().id());
        }
        if (!token.reach().isEverywhere()) {
            parts.add("limited to " + token.reach());
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private void requireTokensForOthersAllowed() {
        if (!policy.get().isTokensForOthersAllowed()) {
            throw new TokenPermissionException(EngineMessage.of("Policy.OwnerOnly"));
        }
    }

    /**
     * Mints a token for one build, named after it. Build tokens do not count against the per-user limit: they are
     * short-lived and revoked by the build itself, or by the sweep once the build is over.
     *
     * @param build how the build is named in lists and the audit trail, such as {@code build folder/job #12}; a
     *     name too long for a token name is shortened in the middle
     * @param run the run's id, which {@link #revokeBuildTokens(String)} and the sweep go by
     * @param scope {@code null} for {@link Scope#READ_ONLY}
     * @param reach the items the token works in, such as the build's own job
     */
    NewToken createForBuild(String userId, String build, String run, Scope scope, Reach reach, String actor) {
        TokenPolicy rules = policy.get();
        Scope chosen = scope == null ? Scope.READ_ONLY : scope;
        rules.checkBuildTokenScope(chosen);
        rules.checkReach(reach);
        Instant now = clock.instant();
        Instant expiry = rules.buildTokenExpiry(now);
        String baseName = TokenName.normalize(TokenName.shorten(build, TokenName.MAX_LENGTH - " (99)".length()));
        UserTokens tokens = repository.findOrCreate(userId);
        NewToken created;
        synchronized (tokens) {
            String name = baseName;
            for (int n = 2; isNameTaken(tokens, name, null); n++) {
                name = baseName + " (" + n + ")";
            }
            created = add(
                    userId,
                    tokens,
                    freshId(tokens),
                    name,
                    chosen,
                    reach,
                    TokenOrigin.BUILD,
                    baseName,
                    now,
                    expiry,
                    token -> token.buildRun(Objects.requireNonNull(run, "run")));
        }
        liveBuildTokens
                .computeIfAbsent(run, r -> ConcurrentHashMap.newKeySet())
                .add(new TokenRef(userId, created.token().id()));
        audit.publish(AuditEventType.CREATED, actor, created.token(), creationDetail(created.token(), null));
        return created;
    }

    /**
     * Revokes the tokens minted for {@code run}, as it ends; tokens already revoked are skipped.
     *
     * @return the tokens revoked
     */
    List<TokenInfo> revokeBuildTokens(String run) {
        Set<TokenRef> refs = liveBuildTokens.remove(run);
        return refs == null ? List.of() : revokeAll(refs, AuditEvent.SYSTEM, "build ended");
    }

    TokenInfo rename(String userId, String tokenId, String newName, String actor) {
        String name = TokenName.normalize(newName);
        UserTokens tokens = existing(userId, tokenId);
        TokenInfo renamed;
        String oldName;
        synchronized (tokens) {
            StoredToken token = require(tokens, tokenId);
            if (token.replacedBy() != null) {
                throw new TokenRuleException(EngineMessage.of("Rename.Retiring", token.name()));
            }
            requireNameFree(tokens, name, token);
            oldName = token.name();
            tokens.rename(token, name);
            saveOrUndo(userId, tokens, () -> tokens.rename(token, oldName));
            renamed = token.info(userId);
        }
        audit.publish(AuditEventType.RENAMED, actor, renamed, "was '" + oldName + "'");
        return renamed;
    }

    /**
     * Replaces a token's value, asked for by its owner. The new token keeps name, scope and items, and its expiry
     * within what the policy allows now: a scope no longer allowed is refused, as is a token that works everywhere
     * where tokens must now be limited to items; an expiry beyond today's maximum (or none, where one is now
     * required) is brought within it. The old value stops working.
     */
    NewToken rotate(String userId, String tokenId, String actor, Duration grace) {
        return rotate(userId, tokenId, actor, null, grace);
    }

    /** {@link #rotate} asked for by an administrator, only when the policy lets them issue tokens for others. */
    NewToken rotateFor(String userId, String tokenId, String administrator, Duration grace) {
        requireTokensForOthersAllowed();
        return rotate(userId, tokenId, administrator, Objects.requireNonNull(administrator), grace);
    }

    private NewToken rotate(String userId, String tokenId, String actor, String issuedBy, Duration grace) {
        TokenPolicy rules = policy.get();
        UserTokens tokens = existing(userId, tokenId);
        Instant now = clock.instant();
        NewToken rotated;
        Duration kept;
        synchronized (tokens) {
            StoredToken old = require(tokens, tokenId);
            if (old.origin() == TokenOrigin.BUILD) {
                throw new TokenRuleException(EngineMessage.of("Rotation.BuildToken"));
            }
            if (old.isExpiredAt(now)) {
                throw new TokenRuleException(EngineMessage.of("Rotation.Expired", old.name()));
            }
            if (old.replacedBy() != null) {
                throw new TokenRuleException(EngineMessage.of("Rotation.Retiring", old.name()));
            }
            rules.checkScopeForRotation(old.scope());
            rules.checkReachForRotation(old.reach());
            kept = rules.checkRotationGrace(grace);
            Instant expiry = rules.expiryForRotation(old.expires(), now);
            String successor = freshId(tokens);
            // With a grace period the old value keeps working beside the new one, so scripts can switch in time.
            Runnable undo;
            if (kept == null) {
                tokens.remove(old);
                undo = () -> tokens.add(old);
            } else {
                undo = tokens.retire(old, successor, now, now.plus(kept));
            }
            try {
                rotated = add(
                        userId,
                        tokens,
                        successor,
                        old.name(),
                        old.scope(),
                        old.reach(),
                        old.origin(),
                        old.originDetail(),
                        now,
                        expiry,
                        token -> token.issuedBy(issuedBy));
            } catch (TokenStorageException e) {
                undo.run();
                throw e;
            }
            if (kept == null) {
                recentlyRevoked.add(new TokenRef(userId, tokenId));
            }
        }
        String detail =
                "replaces " + tokenId + (kept == null ? "" : ", which works " + GracePeriod.format(kept) + " more");
        audit.publish(AuditEventType.ROTATED, actor, rotated.token(), detail);
        return rotated;
    }

    TokenInfo revoke(String userId, String tokenId, String actor) {
        UserTokens tokens = existing(userId, tokenId);
        TokenInfo revoked;
        synchronized (tokens) {
            StoredToken token = require(tokens, tokenId);
            revoked = token.info(userId);
            tokens.remove(token);
            saveOrUndo(userId, tokens, () -> tokens.add(token));
            recentlyRevoked.add(new TokenRef(userId, tokenId));
        }
        audit.publish(AuditEventType.REVOKED, actor, revoked, null);
        return revoked;
    }

    /**
     * Revokes many tokens at once, saving each user once. Tokens already gone are skipped.
     *
     * @return the tokens revoked
     */
    List<TokenInfo> revokeAll(Collection<TokenRef> refs, String actor) {
        return revokeAll(refs, actor, "bulk");
    }

    /** {@link #revokeAll(Collection, String)}, with the reason the audit trail gives for each token. */
    List<TokenInfo> revokeAll(Collection<TokenRef> refs, String actor, String why) {
        Map<String, List<String>> idsByUser = new LinkedHashMap<>();
        for (TokenRef ref : refs) {
            idsByUser.computeIfAbsent(ref.userId(), u -> new ArrayList<>()).add(ref.tokenId());
        }
        List<TokenInfo> revoked = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : idsByUser.entrySet()) {
            String userId = entry.getKey();
            UserTokens tokens = repository.find(userId);
            if (tokens == null) {
                continue;
            }
            synchronized (tokens) {
                List<StoredToken> removed = new ArrayList<>();
                for (String tokenId : entry.getValue()) {
                    StoredToken token = tokens.byId(tokenId);
                    if (token != null && tokens.remove(token)) {
                        removed.add(token);
                    }
                }
                if (removed.isEmpty()) {
                    continue;
                }
                saveOrUndo(userId, tokens, () -> removed.forEach(tokens::add));
                for (StoredToken token : removed) {
                    recentlyRevoked.add(new TokenRef(userId, token.id()));
                    revoked.add(token.info(userId));
                }
            }
        }
        revoked.forEach(token -> audit.publish(AuditEventType.REVOKED, actor, token, why));
        if (revoked.size() > 1) {
            audit.publishBulkRevocation(actor, revoked.size());
        }
        return revoked;
    }

    /**
     * Announces the revocation of a token kept by Jenkins core rather than by the engine, so that the audit trail
     * has every revocation made through the plugin.
     */
    void announceRevoked(TokenInfo coreToken, String actor) {
        if (!coreToken.origin().isCore()) {
            throw new IllegalArgumentException("Only core's tokens are revoked outside the engine");
        }
        audit.publish(
                AuditEventType.REVOKED,
                actor,
                coreToken,
                coreToken.origin().name().toLowerCase(Locale.ROOT) + " token");
    }

    private NewToken add(
            String userId,
            UserTokens tokens,
            String id,
            String name,
            Scope scope,
            Reach reach,
            TokenOrigin origin,
            String originDetail,
            Instant now,
            Instant expiry,
            Consumer<StoredToken> provenance) {
        String value = format.newValue(id);
        StoredToken token = new StoredToken(id, name, value, scope, reach, origin, originDetail, now, expiry);
        provenance.accept(token);
        tokens.add(token);
        saveOrUndo(userId, tokens, () -> tokens.remove(token));
        return new NewToken(token.info(userId), value);
    }

    /** An id none of the user's tokens has. Callers hold the user's lock. */
    private String freshId(UserTokens tokens) {
        String id = format.newId();
        while (tokens.byId(id) != null) {
            id = format.newId();
        }
        return id;
    }

    /**
     * Tokens limited to an item that was renamed or moved follow it, so that they keep working where they were meant
     * to and never come to reach another item given the old name later. Each user's tokens change under their lock
     * and are saved together, or not at all; a user whose tokens cannot be saved does not hold up the others.
     *
     * @return how many tokens now name the new place
     * @throws TokenStorageException after the others, for the first user whose tokens could not be saved
     */
    int followItemMove(String from, String to) {
        return changeReaches((userId, tokens, token) -> token.followMove(from, to), true);
    }

    /**
     * Tokens limited to an item that was deleted no longer name it (nor what was inside it), so that an item created
     * later under that name is not in their reach. A token that named nothing else is revoked: it can never work
     * again, and leaving it without items would make it work everywhere. Unlike other changes, these are kept in
     * memory even when a user's file cannot be written: undoing them would widen tokens (the next successful save of
     * that user writes them).
     *
     * @return how many tokens changed, the revoked ones included
     */
    int forgetDeletedItem(String deleted) {
        List<TokenInfo> revoked = new ArrayList<>();
        try {
            return changeReaches(
                    (userId, tokens, token) -> {
                        Reach left = token.reach().without(deleted);
                        if (left == null) {
                            revoked.add(token.info(userId));
                            tokens.remove(token);
                            recentlyRevoked.add(new TokenRef(userId, token.id()));
                            return () -> {};
                        }
                        return left == token.reach() ? null : token.limitTo(left);
                    },
                    false);
        } finally {
            for (TokenInfo token : revoked) {
                audit.publish(AuditEventType.REVOKED, AuditEvent.SYSTEM, token, "its folders and jobs were deleted");
            }
        }
    }

    /** A change to one token's reach, made under its user's lock. */
    @FunctionalInterface
    private interface ReachChange {
        /** @return what undoes it, or {@code null} when nothing changed */
        Runnable apply(String userId, UserTokens tokens, StoredToken token);
    }

    /**
     * Applies {@code change} to every user's tokens under that user's lock and saves each user's changes together; a
     * user whose tokens cannot be saved does not hold up the others.
     *
     * @param undoOnFailure whether a user's changes are undone when they cannot be saved
     * @return how many tokens changed
     * @throws TokenStorageException after the others, for the first user whose tokens could not be saved
     */
    private int changeReaches(ReachChange change, boolean undoOnFailure) {
        int changed = 0;
        TokenStorageException failed = null;
        for (String userId : repository.userIds()) {
            UserTokens tokens = repository.find(userId);
            if (tokens == null) {
                continue;
            }
            synchronized (tokens) {
                List<Runnable> undo = new ArrayList<>();
                for (StoredToken token : List.copyOf(tokens.all())) {
                    Runnable changedOne = change.apply(userId, tokens, token);
                    if (changedOne != null) {
                        undo.add(changedOne);
                    }
                }
                if (!undo.isEmpty()) {
                    changed += undo.size();
                    try {
                        saveOrUndo(userId, tokens, undoOnFailure ? () -> undo.forEach(Runnable::run) : () -> {});
                    } catch (TokenStorageException e) {
                        changed -= undoOnFailure ? undo.size() : 0;
                        failed = failed == null ? e : failed;
                    }
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
        return changed;
    }

    private void saveOrUndo(String userId, UserTokens tokens, Runnable undo) {
        try {
            repository.save(userId, tokens);
        } catch (IOException | RuntimeException e) {
            undo.run();
            throw new TokenStorageException(userId, e);
        }
    }

    UserTokens existing(String userId, String tokenId) {
        UserTokens tokens = repository.find(userId);
        if (tokens == null) {
            throw new TokenNotFoundException(tokenId);
        }
        return tokens;
    }

    static StoredToken require(UserTokens tokens, String tokenId) {
        StoredToken token = tokenId == null ? null : tokens.byId(tokenId);
        if (token == null) {
            throw new TokenNotFoundException(tokenId);
        }
        return token;
    }

    private static void requireNameFree(UserTokens tokens, String name, StoredToken self) {
        if (isNameTaken(tokens, name, self)) {
            throw new TokenRuleException(EngineMessage.of("TokenName.Taken", name));
        }
    }

    private static boolean isNameTaken(UserTokens tokens, String name, StoredToken self) {
        StoredToken holder = tokens.byName(name);
        return holder != null && holder != self;
    }

    void setPlaceNotices(String userId, boolean wanted) {
        UserTokens tokens = repository.findOrCreate(userId);
        synchronized (tokens) {
            boolean before = tokens.placeNoticesWanted();
            tokens.placeNoticesWanted(wanted);
            saveOrUndo(userId, tokens, () -> tokens.placeNoticesWanted(before));
        }
    }
}
