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
    BLOCKED
}
