package io.jenkins.plugins.apitokens.user;

import io.jenkins.plugins.apitokens.engine.GracePeriod;
import io.jenkins.plugins.apitokens.engine.TokenPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** A choice in the rotate dialog: how long the old value keeps working; only what the policy allows is offered. */
@Restricted(NoExternalUse.class)
public record GraceOption(String value, String label) {

    private static final List<Duration> CHOICES = List.of(Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(7));

    static List<GraceOption> allowedBy(TokenPolicy policy) {
        Duration max = policy.getMaxRotationGrace();
        List<GraceOption> options = new ArrayList<>();
        if (max == null) {
            return options;
        }
        for (Duration choice : CHOICES) {
            if (choice.compareTo(max) < 0) {
                options.add(of(choice));
            }
        }
        options.add(of(max));
        return options;
    }

    private static GraceOption of(Duration grace) {
        long hours = grace.toHours();
        String label = hours % 24 == 0 ? Messages.GraceOption_Days(hours / 24) : Messages.GraceOption_Hours(hours);
        return new GraceOption(GracePeriod.format(grace), label);
    }

    public String getValue() {
        return value;
    }

    public String getLabel() {
        return label;
    }
}
