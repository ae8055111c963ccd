package io.jenkins.plugins.apitokens.engine;

import java.time.Clock;

/** Announces what happened to tokens to the audit listener, stamped with the engine's clock. */
final class AuditPublisher {

    private final Clock clock;
    private final AuditListener listener;

    AuditPublisher(Clock clock, AuditListener listener) {
        this.clock = clock;
        this.listener = listener;
    }

    void publish(AuditEventType type, String actor, TokenInfo token, String detail) {
        listener.onEvent(
                new AuditEvent(clock.instant(), type, actor, token.userId(), token.id(), token.name(), detail));
    }

    /** One event for a revocation of many tokens, beside the event of each. */
    void publishBulkRevocation(String actor, int count) {
        listener.onEvent(new AuditEvent(
                clock.instant(), AuditEventType.BULK_REVOKED, actor, null, null, null, count + " tokens revoked"));
    }
}
