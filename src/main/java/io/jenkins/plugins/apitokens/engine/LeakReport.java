package io.jenkins.plugins.apitokens.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The values a leak report names: every value of the token format in any text (a line, a scanner's JSON) whose
 * checksum is right, each once. A typo or a look-alike is not kept, so it costs no lookup.
 *
 * <p>A report is read whole or not at all: one over {@link #MAX_BYTES} or naming more than {@link #MAX_VALUES}
 * distinct values is refused with {@link OverLimitException}, so that a reporter is never told "received" while
 * part of what they sent was dropped and its tokens stay live. The limits are generous: gitleaks' JSON for a large
 * repository fits, and a thousand values per report is what GitHub's revocation API takes.
 */
public final class LeakReport {

    /** The largest report read, in bytes of UTF-8 (1 MiB). */
    public static final int MAX_BYTES = 1024 * 1024;
    /** The most distinct well-formed values one report may name. */
    public static final int MAX_VALUES = 1_000;

    /** The limit a report went over. */
    public enum Limit {
        /** {@link #MAX_BYTES} */
        SIZE,
        /** {@link #MAX_VALUES} */
        VALUES
    }

    /**
     * A report over a limit: none of its values is looked at. The Jenkins layer words the refusal itself, and raises
     * one for a body over {@link #MAX_BYTES} before it becomes text.
     */
    public static final class OverLimitException extends TokenRuleException {

        private static final long serialVersionUID = 1L;

        private final Limit limit;

        public OverLimitException(Limit limit) {
            super(
                    limit == Limit.SIZE
                            ? "A leak report may have at most " + MAX_BYTES + " bytes"
                            : "A leak report may name at most " + MAX_VALUES + " distinct token values");
            this.limit = limit;
        }

        /** Which limit the report went over. */
        public Limit limit() {
            return limit;
        }
    }

    private static final LeakReport EMPTY = new LeakReport(new LinkedHashSet<>(), new LinkedHashMap<>());

    private final Set<String> values;
    /** The values by {@link TokenFormat#keyOf packed id}: several made-up values may share one. */
    private final Map<Long, List<String>> valuesByKey;

    private LeakReport(Set<String> values, Map<Long, List<String>> valuesByKey) {
        this.values = Collections.unmodifiableSet(values);
        this.valuesByKey = Collections.unmodifiableMap(valuesByKey);
    }

    /**
     * The well-formed values in {@code text}, any text ({@code null} names none).
     *
     * @throws OverLimitException if the text is longer than {@link #MAX_BYTES} characters (so larger than that in
     *     any encoding; a body of at most that many bytes never is) or names more than {@link #MAX_VALUES} distinct
     *     values
     */
    public static LeakReport parse(String text) {
        if (text == null || text.isEmpty()) {
            return EMPTY;
        }
        if (text.length() > MAX_BYTES) {
            throw new OverLimitException(Limit.SIZE);
        }
        Set<String> values = new LinkedHashSet<>();
        Map<Long, List<String>> valuesByKey = new LinkedHashMap<>();
        Matcher candidates = TokenFormat.PATTERN.matcher(text);
        while (candidates.find()) {
            String candidate = candidates.group();
            long key = TokenFormat.keyOf(candidate);
            if (key == 0 || !values.add(candidate)) {
                continue;
            }
            if (values.size() > MAX_VALUES) {
                throw new OverLimitException(Limit.VALUES);
            }
            valuesByKey.computeIfAbsent(key, k -> new ArrayList<>(1)).add(candidate);
        }
        return values.isEmpty() ? EMPTY : new LeakReport(values, valuesByKey);
    }

    /** How many distinct well-formed values the report names: what the reporter may be told, live or not. */
    public int valuesFound() {
        return values.size();
    }

    /** The distinct well-formed values, in the order the report names them. Never to be logged. */
    Set<String> values() {
        return values;
    }

    /** The values by packed id, for lookups that never go value by value through every user. */
    Map<Long, List<String>> valuesByKey() {
        return valuesByKey;
    }
}
