package io.jenkins.plugins.apitokens.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A filtered, sorted page of tokens for the administrators' overview. The filter and sort are engine rules, so the
 * page only renders what it is given.
 *
 * @param unusedDays for {@link Filter#UNUSED}: tokens not used for this many days
 * @param page zero-based
 */
public record TokenQuery(Filter filter, int unusedDays, Sort sort, boolean descending, int page, int pageSize) {

    /** Tokens expiring within this window count as expiring soon. */
    public static final Duration EXPIRING_WINDOW = Duration.ofDays(7);

    public enum Filter {
        ALL,
        EXPIRED,
        EXPIRING,
        UNUSED,
        OLD,
        NO_EXPIRY,
        BUILD,
        LEGACY,
        /** Tokens that work wherever their user may go. */
        EVERYWHERE,
        /** Tokens limited to some folders and jobs. */
        LIMITED,
        /** Live tokens that break the policy in force ({@link PolicyCompliance}). */
        BREAKING_POLICY;

        /**
         * The filter named in a URL; {@link #ALL} when none is named.
         *
         * @throws TokenRuleException for a name it does not know: a typo must never widen a bulk action to every
         *     token
         */
        public static Filter parse(String text) {
            return named(values(), text, ALL, "TokenQuery.UnknownFilter");
        }
    }

    public enum Sort {
        USER(Comparator.comparing((TokenInfo t) -> t.userId().toLowerCase(Locale.ROOT))),
        NAME(Comparator.comparing((TokenInfo t) -> TokenName.uniquenessKey(t.name()))),
        CREATED(Comparator.comparing(TokenInfo::created)),
        EXPIRES(Comparator.comparing(TokenInfo::expires, Comparator.nullsLast(Comparator.naturalOrder()))),
        LAST_USED(Comparator.comparing(TokenInfo::lastUse, Comparator.nullsFirst(Comparator.naturalOrder()))),
        USES(Comparator.comparingLong(TokenInfo::useCount));

        private final Comparator<TokenInfo> order;

        Sort(Comparator<TokenInfo> order) {
            this.order = order;
        }

        /**
         * The sort named in a URL; {@link #USER} when none is named.
         *
         * @throws TokenRuleException for a name it does not know
         */
        public static Sort parse(String text) {
            return named(values(), text, USER, "TokenQuery.UnknownSort");
        }
    }

    /** The constant named {@code text} ignoring case and underscores, {@code absent} for none, else a refusal. */
    private static <E extends Enum<E>> E named(E[] values, String text, E absent, String unknownKey) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        String key = text.strip().replace("_", "").replace("-", "");
        for (E value : values) {
            if (value.name().replace("_", "").equalsIgnoreCase(key)) {
                return value;
            }
        }
        throw new TokenRuleException(EngineMessage.of(
                unknownKey,
                text.strip(),
                Arrays.stream(values).map(TokenQuery::urlName).collect(Collectors.joining(", "))));
    }

    /**
     * The query a page's URL describes, read strictly: its parameters {@code filter}, {@code days} (90 when absent),
     * {@code sort}, {@code order} ({@code asc} or {@code desc}) and {@code page}.
     *
     * @param parameter a URL parameter's value by name, {@code null} when absent
     * @throws TokenRuleException naming any parameter it does not understand: a typo must never widen a bulk
     *     action to every token
     */
    public static TokenQuery parse(Function<String, String> parameter, int pageSize) {
        return new TokenQuery(
                Filter.parse(parameter.apply("filter")),
                number(parameter, "days", 90),
                Sort.parse(parameter.apply("sort")),
                descending(parameter.apply("order")),
                number(parameter, "page", 0),
                pageSize);
    }

    private static boolean descending(String order) {
        if (order == null || order.isBlank() || order.strip().equals("asc")) {
            return false;
        }
        if (order.strip().equals("desc")) {
            return true;
        }
        throw new TokenRuleException(EngineMessage.of("TokenQuery.UnknownOrder", order.strip()));
    }

    private static int number(Function<String, String> parameter, String name, int absent) {
        String text = parameter.apply(name);
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new TokenRuleException(EngineMessage.of("TokenQuery.NotANumber", name, text.strip()));
    }

    /** How a filter or sort is written in a URL: {@code noExpiry}, {@code lastUsed}. */
    public static String urlName(Enum<?> constant) {
        String[] words = constant.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder name = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return name.toString();
    }

    /** One page of the result, with the total so the page can offer the others. */
    public record Result(List<TokenInfo> tokens, int total, int page, int pageCount) {}

    public TokenQuery {
        if (pageSize < 1) {
            throw new TokenRuleException(EngineMessage.of("TokenQuery.EmptyPage"));
        }
        page = Math.max(0, page);
        unusedDays = Math.max(0, unusedDays);
    }

    /** Every token the filter keeps, in order: for bulk actions on "all filtered". */
    public List<TokenInfo> matching(List<TokenInfo> tokens, TokenPolicy policy, Instant now) {
        Comparator<TokenInfo> order = descending ? sort.order.reversed() : sort.order;
        return tokens.stream()
                .filter(predicate(tokens, policy, now))
                .sorted(order.thenComparing(TokenInfo::userId).thenComparing(TokenInfo::id))
                .toList();
    }

    public Result apply(List<TokenInfo> tokens, TokenPolicy policy, Instant now) {
        List<TokenInfo> matching = matching(tokens, policy, now);
        int pageCount = Math.max(1, (matching.size() + pageSize - 1) / pageSize);
        int current = Math.min(page, pageCount - 1);
        int from = current * pageSize;
        return new Result(
                matching.subList(from, Math.min(matching.size(), from + pageSize)),
                matching.size(),
                current,
                pageCount);
    }

    /** @param tokens all tokens looked at: a user's count against the maximum depends on their other tokens */
    private Predicate<TokenInfo> predicate(List<TokenInfo> tokens, TokenPolicy policy, Instant now) {
        AgeThresholds thresholds = policy.getAgeThresholds();
        return switch (filter) {
            case ALL -> token -> true;
            case EXPIRED -> token -> token.isExpiredAt(now);
            case EXPIRING -> token -> token.expiresWithin(EXPIRING_WINDOW, now);
            case UNUSED -> token -> token.unusedFor(Duration.ofDays(unusedDays), now);
            case OLD -> token -> token.ageBand(thresholds, now) == AgeBand.OLD;
            case NO_EXPIRY -> token -> token.expires() == null;
            case BUILD -> token -> token.origin() == TokenOrigin.BUILD;
            case LEGACY -> token -> token.origin() == TokenOrigin.LEGACY;
            case EVERYWHERE -> token -> token.reach().isEverywhere();
            case LIMITED -> token -> !token.reach().isEverywhere();
            case BREAKING_POLICY -> {
                Set<TokenInfo> breaking =
                        PolicyCompliance.assess(policy, tokens, now).keySet();
                yield breaking::contains;
            }
        };
    }
}
