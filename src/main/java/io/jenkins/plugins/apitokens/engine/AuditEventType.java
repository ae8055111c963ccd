package io.jenkins.plugins.apitokens.engine;

/** What happened to a token. */
public enum AuditEventType {
    CREATED,
    RENAMED,
    ROTATED,
    REVOKED,
    EXPIRED,
    FIRST_USE,
    NEW_PLACE,
    BULK_REVOKED,
    /** A request with a token that breaks the policy was refused (at most once an hour per token). */
    BLOCKED,
    /** A decoy was made (its value shown once, to its creator). */
    DECOY_CREATED,
    /** A decoy was removed: its value is an unknown value from now on. */
    DECOY_REMOVED,
    /** A decoy's value was presented, or found in a leak report: somebody has it. */
    DECOY_TRIPPED
}
