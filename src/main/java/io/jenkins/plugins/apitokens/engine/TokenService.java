package io.jenkins.plugins.apitokens.engine;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Every operation on API tokens. Each change to a user's tokens happens under that user's lock and is saved before
 * it is announced; a change that cannot be saved is undone, so a failed request never loses a token.
 */
public final class TokenService {

    private static final Comparator<TokenInfo> BY_NAME =
            Comparator.comparing(info -> TokenName.uniquenessKey(info.name()));

    private final TokenRepository repository;
    private final Clock clock;
    private final Supplier<TokenPolicy> policy;
    private final AuditListener audit;
    private final TokenFormat format;
    private final UsageRecorder usage;
    private final RecentlyRevoked recentlyRevoked = new RecentlyRevoked();
    /** Build tokens minted since start-up, by run, so a run's end revokes them without a scan. */
    private final Map<String, Set<TokenRef>> liveBuildTokens = new ConcurrentHashMap<>();

    public TokenService(TokenRepository repository, Clock clock, Supplier<TokenPolicy> policy, AuditListener audit) {
        this(repository, clock, policy, audit, new TokenFormat());
    }

    TokenService(
            TokenRepository repository,
            Clock clock,
            Supplier<TokenPolicy> policy,
            AuditListener audit,
            TokenFormat format) {
        this.repository = Objects.requireNonNull(repository);
        this.clock = Objects.requireNonNull(clock);
        this.policy = Objects.requireNonNull(policy);
        this.audit = Objects.requireNonNull(audit);
        this.format = format;
        this.usage = new UsageRecorder(repository);
    }

    public TokenPolicy policy() {
        return policy.get();
    }

    public Instant now() {
        return clock.instant();
    }

    /** Creates a token for {@code userId}, asked for by that user ({@code actor}, as the request names them). */
    public NewToken create(String userId, TokenRequest request, String actor) {
        return create(userId, request, actor, null);
    }

    /**
     * Creates a token for {@code userId} asked for by {@code administrator}, another user: allowed only when the
     * policy lets administrators issue tokens, since whoever creates a token sees its value. The token is marked as
     * issued by them.
     */
    public NewToken issueFor(String userId, TokenRequest request, String administrator) {
        requireTokensForOthersAllowed();
        return create(userId, request, administrator, Objects.requireNonNull(administrator));
    }

    private NewToken create(String userId, TokenRequest request, String actor, String issuedBy) {
        TokenPolicy rules = policy.get();
        String name = TokenName.normalize(request.name());
        Scope scope = request.scopeOrDefault();
        rules.checkScope(scope);
        Instant now = clock.instant();
        Instant expiry = rules.expiryFor(request.expiry(), now);
        UserTokens tokens = repository.findOrCreate(userId);
        NewToken created;
        synchronized (tokens) {
            requireNameFree(tokens, name, null);
            rules.checkRoomForOneMore(tokens.countOf(TokenOrigin.USER));
            created = add(userId, tokens, name, scope, TokenOrigin.USER, null, now, expiry, token -> {
                token.issuedBy(issuedBy);
            });
        }
        publish(AuditEventType.CREATED, actor, created.token(), issuedBy == null ? null : "issued by " + issuedBy);
        return created;
    }

    private void requireTokensForOthersAllowed() {
        if (!policy.get().isTokensForOthersAllowed()) {
            throw new TokenPermissionException(
                    "Only a token's owner may create or rotate it: whoever does sees its value."
                            + " Administrators may list and revoke other users' tokens.");
        }
    }

    /**
     * Mints a token for one build, named after it. Build tokens do not count against the per-user limit: they are
     * short-lived and revoked by the build itself, or by {@link #sweep(Predicate)} once the build is over.
     *
     * @param build how the build is named in lists and the audit trail, such as {@code build folder/job #12}; a
     *     name too long for a token name is shortened in the middle
     * @param run the run's id, which {@link #revokeBuildTokens(String)} and the sweep go by
     * @param scope {@code null} for {@link Scope#READ_ONLY}
     */
    public NewToken createForBuild(String userId, String build, String run, Scope scope, String actor) {
        TokenPolicy rules = policy.get();
        Scope chosen = scope == null ? Scope.READ_ONLY : scope;
        rules.checkBuildTokenScope(chosen);
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
            created = add(userId, tokens, name, chosen, TokenOrigin.BUILD, baseName, now, expiry, token -> {
                token.buildRun(Objects.requireNonNull(run, "run"));
            });
        }
        liveBuildTokens
                .computeIfAbsent(run, r -> ConcurrentHashMap.newKeySet())
                .add(new TokenRef(userId, created.token().id()));
        publish(AuditEventType.CREATED, actor, created.token(), null);
        return created;
    }

    /**
     * Revokes the tokens minted for {@code run}, as it ends; tokens already revoked are skipped.
     *
     * @return the tokens revoked
     */
    public List<TokenInfo> revokeBuildTokens(String run) {
        Set<TokenRef> refs = liveBuildTokens.remove(run);
        return refs == null ? List.of() : revokeAll(refs, AuditEvent.SYSTEM, "build ended");
    }

    public TokenInfo rename(String userId, String tokenId, String newName, String actor) {
        String name = TokenName.normalize(newName);
        UserTokens tokens = existing(userId, tokenId);
        TokenInfo renamed;
        String oldName;
        synchronized (tokens) {
            StoredToken token = require(tokens, tokenId);
            requireNameFree(tokens, name, token);
            oldName = token.name();
            tokens.rename(token, name);
            saveOrUndo(userId, tokens, () -> tokens.rename(token, oldName));
            renamed = info(userId, token);
        }
        publish(AuditEventType.RENAMED, actor, renamed, "was '" + oldName + "'");
        return renamed;
    }

    /**
     * Replaces a token's value, asked for by its owner. The new token keeps name and scope, and its expiry within
     * what the policy allows now: a scope no longer allowed is refused, an expiry beyond today's maximum (or none,
     * where one is now required) is brought within it. The old value stops working.
     */
    public NewToken rotate(String userId, String tokenId, String actor) {
        return rotate(userId, tokenId, actor, null);
    }

    /** {@link #rotate} asked for by an administrator, only when the policy lets them issue tokens for others. */
    public NewToken rotateFor(String userId, String tokenId, String administrator) {
        requireTokensForOthersAllowed();
        return rotate(userId, tokenId, administrator, Objects.requireNonNull(administrator));
    }

    private NewToken rotate(String userId, String tokenId, String actor, String issuedBy) {
        TokenPolicy rules = policy.get();
        UserTokens tokens = existing(userId, tokenId);
        Instant now = clock.instant();
        NewToken rotated;
        synchronized (tokens) {
            StoredToken old = require(tokens, tokenId);
            if (old.origin() == TokenOrigin.BUILD) {
                throw new TokenRuleException("Per-build tokens end with their build and cannot be rotated.");
            }
            if (old.isExpiredAt(now)) {
                throw new TokenRuleException("Token '" + old.name() + "' has expired; create a new one instead.");
            }
            rules.checkScopeForRotation(old.scope());
            Instant expiry = rules.expiryForRotation(old.expires(), now);
            tokens.remove(old);
            try {
                rotated = add(
                        userId,
                        tokens,
                        old.name(),
                        old.scope(),
                        old.origin(),
                        old.originDetail(),
                        now,
                        expiry,
                        token -> token.issuedBy(issuedBy));
            } catch (TokenStorageException e) {
                tokens.add(old);
                throw e;
            }
            recentlyRevoked.add(new TokenRef(userId, tokenId));
        }
        publish(AuditEventType.ROTATED, actor, rotated.token(), "replaces " + tokenId);
        return rotated;
    }

    public TokenInfo revoke(String userId, String tokenId, String actor) {
        UserTokens tokens = existing(userId, tokenId);
        TokenInfo revoked;
        synchronized (tokens) {
            StoredToken token = require(tokens, tokenId);
            revoked = info(userId, token);
            tokens.remove(token);
            saveOrUndo(userId, tokens, () -> tokens.add(token));
            recentlyRevoked.add(new TokenRef(userId, tokenId));
        }
        publish(AuditEventType.REVOKED, actor, revoked, null);
        return revoked;
    }

    /**
     * Revokes many tokens at once, saving each user once. Tokens already gone are skipped.
     *
     * @return the tokens revoked
     */
    public List<TokenInfo> revokeAll(Collection<TokenRef> refs, String actor) {
        return revokeAll(refs, actor, "bulk");
    }

    private List<TokenInfo> revokeAll(Collection<TokenRef> refs, String actor, String why) {
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
                    revoked.add(info(userId, token));
                }
            }
        }
        revoked.forEach(token -> publish(AuditEventType.REVOKED, actor, token, why));
        if (revoked.size() > 1) {
            audit.onEvent(new AuditEvent(
                    clock.instant(),
                    AuditEventType.BULK_REVOKED,
                    actor,
                    null,
                    null,
                    null,
                    revoked.size() + " tokens revoked"));
        }
        return revoked;
    }

    /**
     * Announces the revocation of a token kept by Jenkins core rather than by the engine, so that the audit trail
     * has every revocation made through the plugin.
     */
    public void announceRevoked(TokenInfo coreToken, String actor) {
        if (!coreToken.origin().isCore()) {
            throw new IllegalArgumentException("Only core's tokens are revoked outside the engine");
        }
        publish(
                AuditEventType.REVOKED,
                actor,
                coreToken,
                coreToken.origin().name().toLowerCase(Locale.ROOT) + " token");
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
                infos.add(info(userId, token));
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
        UserTokens tokens = existing(userId, tokenId);
        synchronized (tokens) {
            return info(userId, require(tokens, tokenId));
        }
    }

    /**
     * Checks a value presented as {@code userId}'s token. The token is found by the id inside the value, then its
     * hash is compared in constant time; malformed values are refused before any hashing.
     *
     * @param source where the request came from, recorded as the token's last use
     */
    public Verification verify(String userId, String value, String source) {
        long idKey = TokenFormat.keyOf(value);
        if (idKey == 0) {
            return Verification.rejected(Rejection.MALFORMED);
        }
        UserTokens tokens = repository.find(userId);
        StoredToken token = tokens == null ? null : tokens.byKey(idKey);
        if (token == null) {
            String id = TokenFormat.idOf(value).orElseThrow();
            boolean revoked = recentlyRevoked.contains(new TokenRef(userId, id));
            return Verification.rejected(revoked ? Rejection.REVOKED : Rejection.UNKNOWN);
        }
        if (!token.matches(value)) {
            return Verification.rejected(Rejection.UNKNOWN);
        }
        Instant now = clock.instant();
        if (token.isExpiredAt(now)) {
            return Verification.rejected(Rejection.EXPIRED);
        }
        if (policy.get().isUsageTracked() && usage.record(userId, token, now, source)) {
            announceFirstUse(userId, tokens, token);
        }
        return Verification.accepted(userId, token);
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
        Instant now = clock.instant();
        TokenPolicy rules = policy.get();
        List<TokenRef> endedBuildTokens = new ArrayList<>();
        List<TokenRef> unused = new ArrayList<>();
        for (String userId : repository.userIds()) {
            announceExpiries(userId, now);
            UserTokens tokens = repository.find(userId);
            if (tokens == null) {
                continue;
            }
            List<StoredToken> buildTokens = new ArrayList<>();
            synchronized (tokens) {
                for (StoredToken token : tokens.all()) {
                    if (token.origin() == TokenOrigin.BUILD) {
                        buildTokens.add(token);
                    } else if (rules.getRevokeUnusedAfter() != null
                            && info(userId, token).unusedFor(rules.getRevokeUnusedAfter(), now)) {
                        unused.add(new TokenRef(userId, token.id()));
                    }
                }
            }
            // Asked outside the user's lock: finding a run may load it from disk.
            for (StoredToken token : buildTokens) {
                if (token.isExpiredAt(now) || token.buildRun() == null || !runIsBuilding.test(token.buildRun())) {
                    endedBuildTokens.add(new TokenRef(userId, token.id()));
                }
            }
        }
        List<TokenInfo> revoked = new ArrayList<>();
        if (!endedBuildTokens.isEmpty()) {
            revoked.addAll(revokeAll(endedBuildTokens, AuditEvent.SYSTEM, "build ended"));
        }
        if (!unused.isEmpty()) {
            revoked.addAll(revokeAll(unused, AuditEvent.SYSTEM, "unused"));
        }
        return revoked;
    }

    private void announceExpiries(String userId, Instant now) {
        UserTokens tokens = repository.find(userId);
        if (tokens == null) {
            return;
        }
        List<TokenInfo> expired = new ArrayList<>();
        synchronized (tokens) {
            List<StoredToken> newlyExpired = new ArrayList<>();
            for (StoredToken token : tokens.all()) {
                if (token.isExpiredAt(now) && !token.expiryAnnounced()) {
                    token.announceExpiry();
                    newlyExpired.add(token);
                    expired.add(info(userId, token));
                }
            }
            if (newlyExpired.isEmpty()) {
                return;
            }
            try {
                repository.save(userId, tokens);
            } catch (IOException e) {
                // Announcing again after a restart is harmless; not announcing at all is not.
            }
        }
        expired.forEach(token -> publish(AuditEventType.EXPIRED, AuditEvent.SYSTEM, token, null));
    }

    private void announceFirstUse(String userId, UserTokens tokens, StoredToken token) {
        TokenInfo first = null;
        synchronized (tokens) {
            if (token.firstUse() == null && !token.firstUseAnnounced()) {
                token.markFirstUseAnnounced();
                first = info(userId, token);
            }
        }
        if (first != null) {
            publish(AuditEventType.FIRST_USE, userId, first, first.lastSource());
        }
    }

    private NewToken add(
            String userId,
            UserTokens tokens,
            String name,
            Scope scope,
            TokenOrigin origin,
            String originDetail,
            Instant now,
            Instant expiry,
            Consumer<StoredToken> provenance) {
        String id = format.newId();
        while (tokens.byId(id) != null) {
            id = format.newId();
        }
        String value = format.newValue(id);
        StoredToken token = new StoredToken(id, name, value, scope, origin, originDetail, now, expiry);
        provenance.accept(token);
        tokens.add(token);
        saveOrUndo(userId, tokens, () -> tokens.remove(token));
        return new NewToken(info(userId, token), value);
    }

    private void saveOrUndo(String userId, UserTokens tokens, Runnable undo) {
        try {
            repository.save(userId, tokens);
        } catch (IOException | RuntimeException e) {
            undo.run();
            throw new TokenStorageException(userId, e);
        }
    }

    private UserTokens existing(String userId, String tokenId) {
        UserTokens tokens = repository.find(userId);
        if (tokens == null) {
            throw new TokenNotFoundException(tokenId);
        }
        return tokens;
    }

    private static StoredToken require(UserTokens tokens, String tokenId) {
        StoredToken token = tokenId == null ? null : tokens.byId(tokenId);
        if (token == null) {
            throw new TokenNotFoundException(tokenId);
        }
        return token;
    }

    private static void requireNameFree(UserTokens tokens, String name, StoredToken self) {
        if (isNameTaken(tokens, name, self)) {
            throw new TokenRuleException("You already have a token named '" + name + "'; choose another name.");
        }
    }

    private static boolean isNameTaken(UserTokens tokens, String name, StoredToken self) {
        StoredToken holder = tokens.byName(name);
        return holder != null && holder != self;
    }

    private TokenInfo info(String userId, StoredToken token) {
        return token.info(userId);
    }

    private void publish(AuditEventType type, String actor, TokenInfo token, String detail) {
        audit.onEvent(new AuditEvent(clock.instant(), type, actor, token.userId(), token.id(), token.name(), detail));
    }
}
