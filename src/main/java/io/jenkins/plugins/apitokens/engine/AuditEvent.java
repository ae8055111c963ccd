package io.jenkins.plugins.apitokens.engine;

import java.time.Instant;

/**
 * One entry of the token audit trail. It names tokens by id and name only; there is no field a value could go in.
 *
 * @param actor who did it: a user id, {@link #SYSTEM} for the plugin's own sweeps, {@link #LEAK_REPORT}
 * @param userId whose token it is; for {@link AuditEventType#BULK_REVOKED}, {@code null}
 * @param tokenId {@code null} for a bulk action
 * @param detail a short human text (old name of a renamed token, the new id of a rotated one, a count)
 */
public record AuditEvent(
        Instant at, AuditEventType type, String actor, String userId, String tokenId, String tokenName, String detail) {

    public static final String SYSTEM = "SYSTEM";

    /** The actor of a revocation asked for by a report of a leaked value: anyone, not logged in. */
    public static final String LEAK_REPORT = "leak report";
}
