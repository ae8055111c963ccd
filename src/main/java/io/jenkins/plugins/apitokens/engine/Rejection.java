package io.jenkins.plugins.apitokens.engine;

/**
 * Why a value did not authenticate. Kept for logs and tests only: callers answer every rejection the same way, so
 * a caller learns nothing about which tokens exist.
 */
public enum Rejection {
    MALFORMED,
    UNKNOWN,
    REVOKED,
    EXPIRED
}
