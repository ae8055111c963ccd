package io.jenkins.plugins.apitokens.engine;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** The periodic clean-up the Jenkins layer runs hourly: see {@link #sweep}. */
final class TokenSweeper {

    private final TokenRepository repository;
    private final Clock clock;
    private final Supplier<TokenPolicy> policy;
    private final TokenChanges changes;
    private final AuditPublisher audit;
    private final TokenNotices notices;

    TokenSweeper(
            TokenRepository repository,
            Clock clock,
            Supplier<TokenPolicy> policy,
            TokenChanges changes,
            AuditPublisher audit,
            TokenNotices notices) {
        this.repository = repository;
        this.clock = clock;
        this.policy = policy;
        this.changes = changes;
        this.audit = audit;
        this.notices = notices;
    }

    /**
     * The periodic clean-up: announces tokens that expired, revokes build tokens that expired or whose build is
     * over, sends owners the notices due (see {@link TokenNotices}), and revokes tokens unused for longer than the
     * policy allows (when it says so), a week after their owners were warned.
     *
     * @param runIsBuilding whether the run a build token belongs to is still building; a token whose run is
     *     unknown or finished is revoked
     * @return the tokens revoked
     */
    List<TokenInfo> sweep(Predicate<String> runIsBuilding) {
        Instant now = clock.instant();
        TokenPolicy rules = policy.get();
        List<TokenRef> endedBuildTokens = new ArrayList<>();
        List<TokenRef> unused = new ArrayList<>();
        List<TokenRef> retired = new ArrayList<>();
        for (String userId : repository.userIds()) {
            announceExpiries(userId, now);
            notices.deliverDue(userId, rules, now);
            UserTokens tokens = repository.find(userId);
            if (tokens == null) {
                continue;
            }
            List<StoredToken> buildTokens = new ArrayList<>();
            synchronized (tokens) {
                for (StoredToken token : tokens.all()) {
                    if (token.origin() == TokenOrigin.BUILD) {
                        buildTokens.add(token);
                    } else if (token.replacedBy() != null) {
                        if (token.isExpiredAt(now)) {
                            retired.add(new TokenRef(userId, token.id()));
                        }
                    } else if (rules.getRevokeUnusedAfter() != null
                            && TokenNotices.isDueForDisuseRevocation(
                                    token.info(userId), token.disuseWarned(), rules.getRevokeUnusedAfter(), now)) {
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
            revoked.addAll(changes.revokeAll(endedBuildTokens, AuditEvent.SYSTEM, "build ended"));
        }
        if (!retired.isEmpty()) {
            revoked.addAll(changes.revokeAll(retired, AuditEvent.SYSTEM, "grace period after rotation over"));
        }
        if (!unused.isEmpty()) {
            revoked.addAll(changes.revokeAll(unused, AuditEvent.SYSTEM, "unused"));
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
                if (token.isExpiredAt(now) && !token.expiryAnnounced() && token.replacedBy() == null) {
                    token.announceExpiry();
                    newlyExpired.add(token);
                    expired.add(token.info(userId));
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
        expired.forEach(token -> audit.publish(AuditEventType.EXPIRED, AuditEvent.SYSTEM, token, null));
    }
}
