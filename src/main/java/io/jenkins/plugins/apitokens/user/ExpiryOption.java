package io.jenkins.plugins.apitokens.user;

import io.jenkins.plugins.apitokens.engine.TokenPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** A choice in the page's expiry list; only the choices the policy accepts are offered. */
@Restricted(NoExternalUse.class)
public record ExpiryOption(String value, String label, boolean selected) {

    private static final int[] DAYS = {7, 30, 90, 365};

    static List<ExpiryOption> allowedBy(TokenPolicy policy) {
        Duration max = policy.getMaxLifetime();
        Duration fallback = policy.getDefaultLifetime();
        List<ExpiryOption> options = new ArrayList<>();
        for (int days : DAYS) {
            if (max == null || Duration.ofDays(days).compareTo(max) <= 0) {
                boolean isDefault = fallback != null && fallback.equals(Duration.ofDays(days));
                options.add(new ExpiryOption(days + "d", Messages.ExpiryOption_Days(days), isDefault));
            }
        }
        if (fallback != null && options.stream().noneMatch(ExpiryOption::selected)) {
            options.add(0, new ExpiryOption("default", Messages.ExpiryOption_DefaultDays(fallback.toDays()), true));
        }
        if (!policy.isExpiryRequired() && max == null) {
            options.add(new ExpiryOption("never", Messages.ExpiryOption_Never(), fallback == null));
        }
        return options;
    }

    public String getValue() {
        return value;
    }

    public String getLabel() {
        return label;
    }

    public boolean isSelected() {
        return selected;
    }
}
