package io.jenkins.plugins.apitokens.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The check made on every authenticated request, kept as cheap as an anonymous request: one map lookup by the id
 * inside the value, one constant-time hash comparison, and usage counted in memory (written behind, never here).
 */
final class TokenVerifier {

    private final TokenRepository repository;
    private final Clock clock;
    private final Supplier<TokenPolicy> policy;
    private final UsageRecorder usage;
    private final RecentlyRevoked recentlyRevoked;
    private final AuditPublisher audit;
    private final Consumer<String> placesToTell;

    TokenVerifier(
            TokenRepository repository,
            Clock clock,
            Supplier<TokenPolicy> policy,
            UsageRecorder usage,
            RecentlyRevoked recentlyRevoked,
            AuditPublisher audit,
            Consumer<String> placesToTell) {
        this.repository = repository;
        this.clock = clock;
        this.policy = policy;
        this.usage = usage;
        this.recentlyRevoked = recentlyRevoked;
        this.audit = audit;
        this.placesToTell = placesToTell;
    }

    /** See {@link TokenService#verify}. */
    Verification verify(String userId, String value, String source) {
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
        if (policy.get().isUsageTracked()) {
            if (usage.record(userId, token, now, source)) {
                announceFirstUse(userId, tokens, token);
            }
            if (token.notePlace(source)) {
                announceNewPlace(userId, tokens, token, source);
            }
        }
        return Verification.accepted(userId, token);
    }

    /**
     * A use from an address the token was not used from lately: into the audit trail now, and to the owner (if they
     * asked) by the next delivery of notices, never on this request's thread.
     */
    private void announceNewPlace(String userId, UserTokens tokens, StoredToken token, String source) {
        if (tokens.placeNoticesWanted()) {
            token.tellPlace(source);
            placesToTell.accept(userId);
        }
        audit.publish(AuditEventType.NEW_PLACE, userId, token.info(userId), source);
    }

    private void announceFirstUse(String userId, UserTokens tokens, StoredToken token) {
        TokenInfo first = null;
        synchronized (tokens) {
            if (token.firstUse() == null && !token.firstUseAnnounced()) {
                token.markFirstUseAnnounced();
                first = token.info(userId);
            }
        }
        if (first != null) {
            audit.publish(AuditEventType.FIRST_USE, userId, first, first.lastSource());
        }
    }
}
