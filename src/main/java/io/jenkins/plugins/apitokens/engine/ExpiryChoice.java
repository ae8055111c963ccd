package io.jenkins.plugins.apitokens.engine;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the expiry a person or a script asks for: {@code never} (or nothing) for the policy's default, a number of
 * days such as {@code 90d}, a date {@code 2027-01-31} (the token expires as that day begins, in UTC), or an
 * ISO-8601 instant.
 */
public final class ExpiryChoice {

    private static final Pattern DAYS = Pattern.compile("(\\d{1,5})d");

    private ExpiryChoice() {}

    /**
     * @return the requested expiry, or {@code null} for the policy's default (never, if it has none)
     * @throws TokenRuleException saying which forms are understood
     */
    public static Instant parse(String text, Instant now) {
        String choice = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (choice.isEmpty() || choice.equals("never") || choice.equals("default")) {
            return null;
        }
        Matcher days = DAYS.matcher(choice);
        if (days.matches()) {
            return now.plus(Duration.ofDays(Integer.parseInt(days.group(1))));
        }
        try {
            if (choice.length() == 10) {
                return LocalDate.parse(choice).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(text.strip());
        } catch (DateTimeException e) {
            throw new TokenRuleException("Unknown expiry '" + text.strip()
                    + "'; use a date such as 2027-01-31, a number of days such as" + " 90d, or never.");
        }
    }
}
