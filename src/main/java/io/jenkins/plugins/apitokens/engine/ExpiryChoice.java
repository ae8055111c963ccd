package io.jenkins.plugins.apitokens.engine;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The expiry a person or a script asks for: the policy's default, never, or a moment. "Never" and "the default" are
 * different wishes: under a policy with a default lifetime, {@code never} still means never (where the policy allows
 * it), and nothing at all means the default.
 */
public final class ExpiryChoice {

    /** The policy's default lifetime, or no expiry when the policy has none. */
    public static final ExpiryChoice DEFAULT = new ExpiryChoice(null, false);
    /** No expiry; refused by a policy that requires one. */
    public static final ExpiryChoice NEVER = new ExpiryChoice(null, true);

    private static final Pattern DAYS = Pattern.compile("(\\d{1,5})d");

    private final Instant at;
    private final boolean never;

    private ExpiryChoice(Instant at, boolean never) {
        this.at = at;
        this.never = never;
    }

    /** Expires at {@code instant}; {@code null} means {@link #DEFAULT}. */
    public static ExpiryChoice at(Instant instant) {
        return instant == null ? DEFAULT : new ExpiryChoice(instant, false);
    }

    /**
     * Reads {@code never}, nothing or {@code default} (the policy's default), a number of days such as {@code 90d},
     * a date {@code 2027-01-31} (valid through that whole day in UTC, as core's token expiry dates are), or an
     * ISO-8601 instant.
     *
     * @throws TokenRuleException saying which forms are understood
     */
    public static ExpiryChoice parse(String text, Instant now) {
        String choice = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (choice.isEmpty() || choice.equals("default")) {
            return DEFAULT;
        }
        if (choice.equals("never")) {
            return NEVER;
        }
        Matcher days = DAYS.matcher(choice);
        if (days.matches()) {
            return at(now.plus(Duration.ofDays(Integer.parseInt(days.group(1)))));
        }
        try {
            if (choice.length() == 10) {
                return at(LocalDate.parse(choice)
                        .plusDays(1)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant());
            }
            return at(Instant.parse(text.strip()));
        } catch (DateTimeException e) {
            throw new TokenRuleException(EngineMessage.of("ExpiryChoice.Unknown", text.strip()));
        }
    }

    /** The moment asked for, or {@code null} for {@link #DEFAULT} and {@link #NEVER}. */
    public Instant instant() {
        return at;
    }

    public boolean isNever() {
        return never;
    }

    public boolean isDefault() {
        return at == null && !never;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExpiryChoice that && never == that.never && Objects.equals(at, that.at);
    }

    @Override
    public int hashCode() {
        return Objects.hash(at, never);
    }

    @Override
    public String toString() {
        return never ? "never" : at == null ? "default" : at.toString();
    }
}
