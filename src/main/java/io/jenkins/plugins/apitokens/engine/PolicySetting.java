package io.jenkins.plugins.apitokens.engine;

/**
 * The settings of a {@link TokenPolicy}, so that a refusal can say which one is wrong: the Jenkins layer maps each to
 * the field of its form and the attribute of its JCasC block.
 */
public enum PolicySetting {
    EXPIRY_REQUIRED,
    MAX_LIFETIME,
    DEFAULT_LIFETIME,
    MAX_TOKENS_PER_USER,
    ALLOWED_SCOPES,
    AGE_THRESHOLDS_AGEING,
    AGE_THRESHOLDS_OLD,
    USAGE_TRACKED,
    REVOKE_UNUSED_AFTER,
    BUILD_TOKEN_MAX_LIFETIME,
    BUILD_TOKEN_SCOPES,
    EXPIRY_WARNING_DAYS,
    MAX_ROTATION_GRACE,
    ENFORCEMENT_DATE,
    ALERT_ADDRESSES
}
