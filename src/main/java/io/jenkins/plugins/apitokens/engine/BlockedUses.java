package io.jenkins.plugins.apitokens.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Puts refused uses of tokens that break the policy into the audit trail, once an hour per token: a script retrying
 * every second must not push every other event out of the bounded trail, and the first refusal of each hour says
 * all there is to say.
 */
final class BlockedUses {

    static final Duration QUIET_PERIOD = Duration.ofHours(1);
    /** Bounded: when full it starts afresh, which at worst announces a token once more. */
    private static final int MAX_REMEMBERED = 10_000;

    private final AuditPublisher audit;
    private final Map<TokenRef, Instant> lastAnnounced = new ConcurrentHashMap<>();

    BlockedUses(AuditPublisher audit) {
        this.audit = audit;
    }

    /** @return whether it was announced now */
    boolean refused(TokenInfo token, String why, String source, Instant now) {
        TokenRef ref = new TokenRef(token.userId(), token.origin().name() + ":" + token.id());
        Instant last = lastAnnounced.get(ref);
        if (last != null && now.isBefore(last.plus(QUIET_PERIOD))) {
            return false;
        }
        if (lastAnnounced.size() >= MAX_REMEMBERED) {
            lastAnnounced.clear();
        }
        if (last == null ? lastAnnounced.putIfAbsent(ref, now) != null : !lastAnnounced.replace(ref, last, now)) {
            return false; // another request announced it at the same moment
        }
        audit.publish(
                AuditEventType.BLOCKED, token.userId(), token, why + (source == null ? "" : " (from " + source + ")"));
        return true;
    }
}
