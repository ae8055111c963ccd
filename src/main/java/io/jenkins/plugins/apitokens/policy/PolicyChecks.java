package io.jenkins.plugins.apitokens.policy;

import hudson.Util;
import hudson.model.User;
import hudson.util.FormValidation;
import io.jenkins.plugins.apitokens.engine.AgeThresholds;
import io.jenkins.plugins.apitokens.engine.TokenPolicy;
import io.jenkins.plugins.apitokens.engine.TokenRuleException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The form's checks of single fields, as the user types: each asks the engine's policy about the settings involved
 * (the same rules that refuse a save, JCasC or a setter), so the form can never accept what a save then refuses.
 */
final class PolicyChecks {

    private PolicyChecks() {}

    static FormValidation lifetimes(int maxLifetimeDays, int defaultLifetimeDays) {
        return verdict(() ->
                TokenPolicy.builder().maxLifetime(days(maxLifetimeDays)).defaultLifetime(days(defaultLifetimeDays)));
    }

    static FormValidation ageThresholds(int ageingAfterMonths, int oldAfterMonths) {
        return verdict(() -> TokenPolicy.builder().ageThresholds(new AgeThresholds(ageingAfterMonths, oldAfterMonths)));
    }

    static FormValidation maxTokensPerUser(int max) {
        return verdict(() -> TokenPolicy.builder().maxTokensPerUser(max));
    }

    static FormValidation revokeUnused(int days, boolean usageTracked) {
        return verdict(() -> TokenPolicy.builder().usageTracked(usageTracked).revokeUnusedAfter(days(days)));
    }

    static FormValidation buildTokenLifetime(int hours) {
        return verdict(() -> TokenPolicy.builder().buildTokenMaxLifetime(Duration.ofHours(hours)));
    }

    static FormValidation warningDays(String value) {
        return verdict(() -> TokenPolicy.builder().expiryWarningDays(TokenPolicy.parseWarningDays(value)));
    }

    static FormValidation alertAddresses(String value) {
        return verdict(() -> TokenPolicy.builder().alertAddresses(TokenPolicy.parseAlertAddresses(value)));
    }

    static FormValidation rotationGrace(int hours) {
        return verdict(() -> TokenPolicy.builder().maxRotationGrace(hours(hours)));
    }

    static FormValidation buildTokenUser(String value) {
        String id = Util.fixEmptyAndTrim(value);
        if (id != null && User.getById(id, false) == null) {
            return FormValidation.error(Messages.TokenPolicyConfiguration_NoSuchUser(id));
        }
        return FormValidation.ok();
    }

    /**
     * A date, and what it would block with the policy as saved: the administrator sees the number before saving,
     * and confirms it when saving.
     */
    static FormValidation enforcementDate(String value, TokenPolicy saved) {
        Instant start;
        try {
            start = TokenPolicy.parseEnforcementDate(value);
        } catch (TokenRuleException e) {
            return FormValidation.error(e.getMessage());
        }
        if (start == null) {
            return FormValidation.ok();
        }
        TokenPolicy dated = saved.toBuilder().enforcementStart(start).build();
        int blocked = BlockedTokens.of(dated).size();
        return blocked == 0
                ? FormValidation.ok(Messages.TokenPolicyConfiguration_BlocksNone())
                : FormValidation.warning(Messages.TokenPolicyConfiguration_Blocks(blocked, dated.getEnforcementDate()));
    }

    /** 0 means "no limit"; a negative number is kept as it is, for the engine to refuse by name. */
    static Duration days(int days) {
        return days == 0 ? null : Duration.ofDays(days);
    }

    /** 0 means "none"; a negative number is kept as it is, for the engine to refuse by name. */
    static Duration hours(int hours) {
        return hours == 0 ? null : Duration.ofHours(hours);
    }

    /** The engine's verdict on settings, as the form shows it. */
    private static FormValidation verdict(Supplier<TokenPolicy.Builder> settings) {
        try {
            settings.get().build();
            return FormValidation.ok();
        } catch (TokenRuleException e) {
            return FormValidation.error(e.getMessage());
        }
    }
}
