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
    BULK_REVOKED
}
