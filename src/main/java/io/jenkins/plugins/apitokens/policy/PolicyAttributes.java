package io.jenkins.plugins.apitokens.policy;

import io.jenkins.plugins.apitokens.engine.PolicySetting;
import io.jenkins.plugins.apitokens.engine.TokenRuleException;

/** How the form and JCasC name the engine's policy settings, so that every refusal names what to change there. */
final class PolicyAttributes {

    private PolicyAttributes() {}

    /** The engine's refusal, naming the attribute of the form and of JCasC it is about. */
    static String refusal(TokenRuleException e) {
        String attribute = attributeOf(e.setting());
        return attribute == null ? e.getMessage() : attribute + ": " + e.getMessage();
    }

    /** The form field and JCasC attribute of a policy setting; {@code null} for none. */
    static String attributeOf(PolicySetting setting) {
        if (setting == null) {
            return null;
        }
        return switch (setting) {
            case EXPIRY_REQUIRED -> "expiryRequired";
            case MAX_LIFETIME -> "maxLifetimeDays";
            case DEFAULT_LIFETIME -> "defaultLifetimeDays";
            case MAX_TOKENS_PER_USER -> "maxTokensPerUser";
            case ALLOWED_SCOPES -> "fullScopeAllowed";
            case AGE_THRESHOLDS_AGEING -> "ageingAfterMonths";
            case AGE_THRESHOLDS_OLD -> "oldAfterMonths";
            case USAGE_TRACKED -> "usageTracked";
            case REVOKE_UNUSED_AFTER -> "revokeUnusedAfterDays";
            case BUILD_TOKEN_MAX_LIFETIME -> "buildTokenMaxLifetimeHours";
            case BUILD_TOKEN_SCOPES -> "buildTokenFullAccessAllowed";
            case EXPIRY_WARNING_DAYS -> "expiryWarningDays";
            case MAX_ROTATION_GRACE -> "maxRotationGraceHours";
            case ENFORCEMENT_DATE -> "enforcementDate";
            case ALERT_ADDRESSES -> "alertAddresses";
        };
    }
}
