package io.jenkins.plugins.apitokens.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Which existing tokens break the policy in force, and why: one rule for the request check, the user's page, the
 * overview, REST, the CLI, the monitor and the owners' notices. A token is judged by what it is (its lifetime, scope
 * and reach) and by its place among its user's tokens (the per-user maximum); nothing here changes a token.
 *
 * <p>Judged are users' own tokens (the old values of rotations included) and, where the policy governs them, core's
 * and legacy tokens. Per-build tokens follow the per-build rules and die with their build.
 */
public final class PolicyCompliance {

    /**
     * Core keeps whole expiry days: its token dated the last allowed day expires when that day ends, in the
     * controller's time zone, whose day may be 25 hours long when the clocks go back.
     */
    private static final Duration CORE_EXPIRY_DAY = Duration.ofHours(25);

    private static final Comparator<TokenInfo> BY_CREATION =
            Comparator.comparing(TokenInfo::created).thenComparing(TokenInfo::id);

    private PolicyCompliance() {}

    /** Why a request with a token breaking the policy in force is refused: the rules, and what to do. */
    public static EngineMessage refusal(TokenPolicy policy, List<PolicyBreach> breaches) {
        String date = policy.getEnforcementDate();
        return EngineMessage.of("Blocked", date == null ? "" : date, reasons(policy, breaches));
    }

    /** Each rule broken, with what to do, one sentence after the other. */
    public static EngineMessage reasons(TokenPolicy policy, List<PolicyBreach> breaches) {
        EngineMessage all = null;
        for (PolicyBreach breach : breaches) {
            EngineMessage one = breach.describe(policy);
            all = all == null ? one : EngineMessage.of("Sentences", all, one);
        }
        return all == null ? EngineMessage.of("Sentences", "", "") : all;
    }

    /** Whether the policy judges tokens of this kind at all. */
    public static boolean isJudged(TokenPolicy policy, TokenInfo token) {
        return switch (token.origin()) {
            case USER -> true;
            case CORE, LEGACY -> policy.isCoreTokensGoverned();
            case BUILD -> false;
        };
    }

    /**
     * The rules {@code token} breaks, cheaply: the per-user maximum is looked at only when the user holds more tokens
     * than it allows.
     *
     * @param ownCount how many tokens its user holds that count against the maximum (see {@link #countsAgainstMaximum})
     * @param ownTokens all tokens of its user, asked for only when {@code ownCount} is above the maximum
     * @return the breaches, empty for a compliant token or one the policy does not judge
     */
    public static List<PolicyBreach> breachesOf(
            TokenPolicy policy,
            TokenInfo token,
            IntSupplier ownCount,
            Supplier<? extends Collection<TokenInfo>> ownTokens) {
        if (!isJudged(policy, token)) {
            return List.of();
        }
        List<PolicyBreach> breaches = ownBreaches(policy, token);
        int maximum = policy.getMaxTokensPerUser();
        if (maximum > 0 && ownCount.getAsInt() > maximum) {
            List<TokenInfo> counted = counted(policy, ownTokens.get());
            int rank = indexOf(counted, placeOf(token), token.origin());
            if (rank >= maximum) {
                breaches = joined(breaches, List.of(PolicyBreach.BEYOND_MAXIMUM_COUNT));
            }
        }
        return breaches;
    }

    /**
     * The breaches of every live token in {@code tokens}, which may belong to many users: each user's tokens are
     * counted together against the per-user maximum (expired ones too, as creation counts them), and only tokens
     * still working at {@code now} are reported: an expired one is refused anyway.
     *
     * @return only the live tokens that break a rule, each with its breaches, by identity
     */
    public static Map<TokenInfo, List<PolicyBreach>> assess(
            TokenPolicy policy, Collection<TokenInfo> tokens, Instant now) {
        Map<TokenInfo, List<PolicyBreach>> found = new IdentityHashMap<>();
        Map<String, List<TokenInfo>> byUser = new HashMap<>();
        for (TokenInfo token : tokens) {
            if (!isJudged(policy, token)) {
                continue;
            }
            List<PolicyBreach> breaches = ownBreaches(policy, token);
            if (!breaches.isEmpty()) {
                found.put(token, breaches);
            }
            byUser.computeIfAbsent(token.userId(), user -> new ArrayList<>()).add(token);
        }
        int maximum = policy.getMaxTokensPerUser();
        if (maximum > 0) {
            for (List<TokenInfo> own : byUser.values()) {
                List<TokenInfo> counted = counted(policy, own);
                Set<String> beyond = new HashSet<>();
                for (TokenInfo token : counted.subList(Math.min(maximum, counted.size()), counted.size())) {
                    beyond.add(token.id());
                }
                for (TokenInfo token : own) {
                    if (beyond.contains(placeOf(token))) {
                        found.merge(token, List.of(PolicyBreach.BEYOND_MAXIMUM_COUNT), PolicyCompliance::joined);
                    }
                }
            }
        }
        found.keySet().removeIf(token -> token.isExpiredAt(now));
        return found;
    }

    /**
     * Whether the token takes a place among its user's tokens for the per-user maximum: users' own tokens, and core's
     * where governed; not per-build tokens, nor old values of rotations (their successor has the place).
     */
    public static boolean countsAgainstMaximum(TokenPolicy policy, TokenInfo token) {
        return isJudged(policy, token) && !token.isRetiring();
    }

    /** The rules the token breaks by itself: lifetime, expiry, scope and reach. */
    private static List<PolicyBreach> ownBreaches(TokenPolicy policy, TokenInfo token) {
        List<PolicyBreach> breaches = new ArrayList<>(2);
        Duration maximum = policy.getMaxLifetime();
        if (token.expires() == null) {
            if (policy.requiresExpiry()) {
                breaches.add(PolicyBreach.NO_EXPIRY);
            }
        } else if (maximum != null && lifetimeOf(token).compareTo(maximum) > 0) {
            breaches.add(PolicyBreach.LIFETIME_BEYOND_MAXIMUM);
        }
        if (!policy.getAllowedScopes().contains(token.scope())) {
            breaches.add(PolicyBreach.SCOPE_NOT_ALLOWED);
        }
        if (policy.isItemLimitRequired() && token.reach().isEverywhere()) {
            breaches.add(PolicyBreach.NOT_LIMITED);
        }
        return breaches.isEmpty() ? List.of() : List.copyOf(breaches);
    }

    /**
     * From creation to expiry. A core token's expiry is the end of its last day, so a token made for 30 days lasts
     * up to 31 by the clock; counted from the start of that day it is within a 30-day maximum, as core made it.
     */
    private static Duration lifetimeOf(TokenInfo token) {
        Duration lifetime = Duration.between(token.created(), token.expires());
        return token.origin() == TokenOrigin.CORE ? lifetime.minus(CORE_EXPIRY_DAY) : lifetime;
    }

    /** The old value of a rotation stands in its successor's place: rotating never frees a place. */
    private static String placeOf(TokenInfo token) {
        return token.isRetiring() ? token.replacedBy() : token.id();
    }

    /** The tokens that count against the maximum, oldest first: those made after the first that many are beyond it. */
    private static List<TokenInfo> counted(TokenPolicy policy, Collection<TokenInfo> own) {
        List<TokenInfo> counted = new ArrayList<>();
        for (TokenInfo token : own) {
            if (countsAgainstMaximum(policy, token)) {
                counted.add(token);
            }
        }
        counted.sort(BY_CREATION);
        return counted;
    }

    /** Where the token with this id (and kind: core's ids and the plugin's never meet) is among the counted. */
    private static int indexOf(List<TokenInfo> counted, String id, TokenOrigin origin) {
        for (int i = 0; i < counted.size(); i++) {
            TokenInfo candidate = counted.get(i);
            if (candidate.id().equals(id) && candidate.origin().isCore() == origin.isCore()) {
                return i;
            }
        }
        return -1;
    }

    private static List<PolicyBreach> joined(List<PolicyBreach> first, List<PolicyBreach> second) {
        List<PolicyBreach> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
