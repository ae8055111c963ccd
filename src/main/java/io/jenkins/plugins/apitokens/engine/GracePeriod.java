package io.jenkins.plugins.apitokens.engine;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A rotation's grace period as people and scripts write it: {@code 12h}, {@code 2d}, or none. */
public final class GracePeriod {

    private static final Pattern AMOUNT = Pattern.compile("(\\d{1,4})([hd])");

    private GracePeriod() {}

    /**
     * @return the period, {@code null} for none ({@code null}, blank, {@code 0}, {@code none})
     * @throws TokenRuleException for anything else
     */
    public static Duration parse(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (value.isEmpty() || value.equals("0") || value.equals("none")) {
            return null;
        }
        Matcher amount = AMOUNT.matcher(value);
        if (!amount.matches()) {
            throw new TokenRuleException(EngineMessage.of("Rotation.UnknownGrace", text.strip()));
        }
        long number = Long.parseLong(amount.group(1));
        return amount.group(2).equals("h") ? Duration.ofHours(number) : Duration.ofDays(number);
    }

    /** How {@link #parse} reads it back: {@code 36h}, {@code 2d}. */
    public static String format(Duration grace) {
        return grace.toHours() % 24 == 0 ? grace.toDays() + "d" : grace.toHours() + "h";
    }
}
