package io.jenkins.plugins.apitokens.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The administrator's rules for tokens, all of them: every way of configuring them (the form, JCasC, a setter)
 * builds one of these, and a combination that contradicts itself is refused here, naming the setting to change. The
 * default changes nothing for users' own tokens (no expiry required, no limits, every scope, everywhere, usage
 * tracked); per-build tokens are read-only and live at most a day. Immutable; build one with {@link #builder()}.
 */
public final class TokenPolicy {

    public static final TokenPolicy DEFAULT = builder().build();

    private final boolean legacyTokensAllowed;
    private final boolean expiryRequired;
    private final Duration maxLifetime;
    private final Duration defaultLifetime;
    private final int maxTokensPerUser;
    private final Set<Scope> allowedScopes;
    private final AgeThresholds ageThresholds;
    private final boolean usageTracked;
    private final Duration revokeUnusedAfter;
    private final boolean buildTokensAllowed;
    private final Duration buildTokenMaxLifetime;
    private final Set<Scope> buildTokenScopes;
    private final boolean tokensForOthersAllowed;
    private final List<Integer> expiryWarningDays;
    private final Duration maxRotationGrace;
    private final boolean itemLimitRequired;
    private final boolean coreTokensGoverned;
    private final Instant enforcementStart;
    private final List<String> alertAddresses;
    private final boolean userDecoysAllowed;

    /** Warnings before expiry: at most this many, each at most a year ahead. */
    static final int MAX_WARNINGS = 5;

    static final int MAX_WARNING_DAYS = 365;

    private TokenPolicy(Builder b) {
        this.legacyTokensAllowed = b.legacyTokensAllowed;
        this.expiryRequired = b.expiryRequired;
        this.maxLifetime = positiveOrNull(b.maxLifetime, PolicySetting.MAX_LIFETIME);
        this.defaultLifetime = positiveOrNull(b.defaultLifetime, PolicySetting.DEFAULT_LIFETIME);
        if (b.maxTokensPerUser < 0) {
            throw new TokenRuleException(
                    EngineMessage.of("Policy.NegativeMaxTokens"), PolicySetting.MAX_TOKENS_PER_USER);
        }
        this.maxTokensPerUser = b.maxTokensPerUser;
        if (b.allowedScopes.isEmpty()) {
            throw new TokenRuleException(EngineMessage.of("Policy.NoScope"), PolicySetting.ALLOWED_SCOPES);
        }
        this.allowedScopes = Collections.unmodifiableSet(EnumSet.copyOf(b.allowedScopes));
        this.ageThresholds = b.ageThresholds;
        this.usageTracked = b.usageTracked;
        this.revokeUnusedAfter = positiveOrNull(b.revokeUnusedAfter, PolicySetting.REVOKE_UNUSED_AFTER);
        if (revokeUnusedAfter != null && !usageTracked) {
            // Without tracking no use is ever recorded, so every token would look unused and be revoked.
            throw new TokenRuleException(
                    EngineMessage.of("Policy.RevokeUnusedNeedsTracking"), PolicySetting.REVOKE_UNUSED_AFTER);
        }
        this.buildTokensAllowed = b.buildTokensAllowed;
        if (b.buildTokenMaxLifetime == null) {
            // A build token must end even when its build is never seen to end (a crash, a lost controller).
            throw new TokenRuleException(
                    EngineMessage.of("Policy.BuildTokenLifetimeRequired"), PolicySetting.BUILD_TOKEN_MAX_LIFETIME);
        }
        this.buildTokenMaxLifetime = positiveOrNull(b.buildTokenMaxLifetime, PolicySetting.BUILD_TOKEN_MAX_LIFETIME);
        if (b.buildTokenScopes.isEmpty()) {
            throw new TokenRuleException(
                    EngineMessage.of("Policy.NoBuildTokenScope"), PolicySetting.BUILD_TOKEN_SCOPES);
        }
        this.buildTokenScopes = Collections.unmodifiableSet(EnumSet.copyOf(b.buildTokenScopes));
        this.tokensForOthersAllowed = b.tokensForOthersAllowed;
        this.expiryWarningDays = checkWarningDays(b.expiryWarningDays);
        this.maxRotationGrace = positiveOrNull(b.maxRotationGrace, PolicySetting.MAX_ROTATION_GRACE);
        this.itemLimitRequired = b.itemLimitRequired;
        this.coreTokensGoverned = b.coreTokensGoverned;
        this.enforcementStart = b.enforcementStart;
        this.alertAddresses = checkAlertAddresses(b.alertAddresses);
        this.userDecoysAllowed = b.userDecoysAllowed;
        if (maxLifetime != null && defaultLifetime != null && defaultLifetime.compareTo(maxLifetime) > 0) {
            throw new TokenRuleException(
                    EngineMessage.of("Policy.DefaultAboveMaximum", describe(defaultLifetime), describe(maxLifetime)),
                    PolicySetting.DEFAULT_LIFETIME);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.legacyTokensAllowed = legacyTokensAllowed;
        b.expiryRequired = expiryRequired;
        b.maxLifetime = maxLifetime;
        b.defaultLifetime = defaultLifetime;
        b.maxTokensPerUser = maxTokensPerUser;
        b.allowedScopes = EnumSet.copyOf(allowedScopes);
        b.ageThresholds = ageThresholds;
        b.usageTracked = usageTracked;
        b.revokeUnusedAfter = revokeUnusedAfter;
        b.buildTokensAllowed = buildTokensAllowed;
        b.buildTokenMaxLifetime = buildTokenMaxLifetime;
        b.buildTokenScopes = EnumSet.copyOf(buildTokenScopes);
        b.tokensForOthersAllowed = tokensForOthersAllowed;
        b.expiryWarningDays = expiryWarningDays;
        b.maxRotationGrace = maxRotationGrace;
        b.itemLimitRequired = itemLimitRequired;
        b.coreTokensGoverned = coreTokensGoverned;
        b.enforcementStart = enforcementStart;
        b.alertAddresses = alertAddresses;
        b.userDecoysAllowed = userDecoysAllowed;
        return b;
    }

    /**
     * The expiry a new token gets: the moment asked for, no expiry for {@link ExpiryChoice#NEVER}, and for
     * {@link ExpiryChoice#DEFAULT} the default lifetime from now, else none.
     *
     * @return the expiry instant, or {@code null} for a token that never expires
     * @throws TokenRuleException when the result breaks the policy, saying what would be accepted
     */
    public Instant expiryFor(ExpiryChoice requested, Instant now) {
        Instant expiry = requested.instant();
        if (requested.isDefault() && defaultLifetime != null) {
            expiry = now.plus(defaultLifetime);
        }
        if (expiry == null) {
            if (requiresExpiry()) {
                String key = (maxLifetime == null ? "Policy.ExpiryRequired" : "Policy.ExpiryRequiredWithin")
                        + (requested.isNever() ? ".Never" : "");
                throw new TokenRuleException(
                        maxLifetime == null ? EngineMessage.of(key) : EngineMessage.of(key, describe(maxLifetime)));
            }
            return null;
        }
        if (!expiry.isAfter(now)) {
            throw new TokenRuleException(EngineMessage.of("Policy.ExpiryInPast"));
        }
        if (maxLifetime != null && Duration.between(now, expiry).compareTo(maxLifetime) > 0) {
            throw new TokenRuleException(EngineMessage.of("Policy.ExpiryTooLate", describe(maxLifetime)));
        }
        return expiry;
    }

    /** Whether every new token must have an expiry date. */
    public boolean requiresExpiry() {
        return expiryRequired || maxLifetime != null;
    }

    /**
     * The expiry of a rotated token: rotation hands out a new value, so it obeys the policy in force now, not the
     * one the old token was made under. An expiry within the maximum is kept; a later one, or none where the policy
     * requires one, is brought to the default lifetime, else the maximum, from now.
     *
     * @param current the expiry of the token being rotated, {@code null} for none
     * @throws TokenRuleException when the policy requires an expiry but gives no lifetime to apply
     */
    public Instant expiryForRotation(Instant current, Instant now) {
        Instant latest = maxLifetime == null ? null : now.plus(maxLifetime);
        if (current != null && (latest == null || !current.isAfter(latest))) {
            return current;
        }
        if (current == null && !requiresExpiry()) {
            return null;
        }
        if (defaultLifetime != null) {
            return now.plus(defaultLifetime);
        }
        if (latest != null) {
            return latest;
        }
        throw new TokenRuleException(EngineMessage.of("Policy.RotationNeedsExpiry"));
    }

    /**
     * A rotated token keeps its scope only if users may still choose it.
     *
     * @throws TokenRuleException saying what to do instead
     */
    public void checkScopeForRotation(Scope scope) {
        if (!allowedScopes.contains(scope)) {
            throw new TokenRuleException(
                    EngineMessage.of("Policy.ScopeNoLongerAllowed", scope.id(), scopeList(allowedScopes)));
        }
    }

    /**
     * Whether administrators may create and rotate tokens of other users, and so see their values. Off by default,
     * as in core: only a token's owner ever holds its value.
     */
    public boolean isTokensForOthersAllowed() {
        return tokensForOthersAllowed;
    }

    /**
     * How long the old value of a rotated token may keep working: {@code null} or zero for not at all; at most the
     * policy's maximum grace period, which is none unless the administrator sets one.
     *
     * @return the grace period, {@code null} for none
     * @throws TokenRuleException when the policy does not allow it
     */
    public Duration checkRotationGrace(Duration grace) {
        if (grace == null || grace.isZero()) {
            return null;
        }
        if (grace.isNegative()) {
            throw new TokenRuleException(EngineMessage.of("Rotation.GraceNegative"));
        }
        if (maxRotationGrace == null) {
            throw new TokenRuleException(EngineMessage.of("Rotation.GraceNotAllowed"));
        }
        if (grace.compareTo(maxRotationGrace) > 0) {
            throw new TokenRuleException(EngineMessage.of("Rotation.GraceTooLong", describe(maxRotationGrace)));
        }
        return grace;
    }

    /** The longest grace period a rotation may give the old value; {@code null} for none. */
    public Duration getMaxRotationGrace() {
        return maxRotationGrace;
    }

    /**
     * Whether new tokens must be limited to some folders and jobs. Off by default; per-build tokens are limited to
     * their job anyway.
     */
    public boolean isItemLimitRequired() {
        return itemLimitRequired;
    }

    /** @throws TokenRuleException when the policy requires tokens limited to items and this one is not */
    public void checkReach(Reach reach) {
        if (itemLimitRequired && reach.isEverywhere()) {
            throw new TokenRuleException(EngineMessage.of("Policy.ItemLimitRequired"));
        }
    }

    /**
     * A rotated token keeps its reach only if a new token could have it.
     *
     * @throws TokenRuleException saying what to do instead
     */
    public void checkReachForRotation(Reach reach) {
        if (itemLimitRequired && reach.isEverywhere()) {
            throw new TokenRuleException(EngineMessage.of("Policy.ItemLimitNowRequired"));
        }
    }

    /** @throws TokenRuleException when users may not choose this scope */
    public void checkScope(Scope scope) {
        if (!allowedScopes.contains(scope)) {
            throw new TokenRuleException(
                    EngineMessage.of("Policy.ScopeNotAllowed", scope.id(), scopeList(allowedScopes)));
        }
    }

    /**
     * A per-build token's scope must be one users may choose and one the administrator allows for builds, so that,
     * for example, builds can be kept to read-only tokens while users may still make full ones.
     *
     * @throws TokenRuleException when a build may not mint a token of this scope
     */
    public void checkBuildTokenScope(Scope scope) {
        checkScope(scope);
        if (!buildTokenScopes.contains(scope)) {
            throw new TokenRuleException(
                    EngineMessage.of("Policy.BuildScopeNotAllowed", scope.id(), scopeList(buildTokenScopes)));
        }
    }

    /** @throws TokenRuleException when a user who has {@code existing} tokens may not add one more */
    public void checkRoomForOneMore(int existing) {
        if (maxTokensPerUser > 0 && existing >= maxTokensPerUser) {
            throw new TokenRuleException(EngineMessage.of("Policy.TooManyTokens", maxTokensPerUser));
        }
    }

    /** The expiry of a per-build token: the build token lifetime, never beyond the general maximum. */
    public Instant buildTokenExpiry(Instant now) {
        if (!buildTokensAllowed) {
            throw new TokenRuleException(EngineMessage.of("Policy.BuildTokensDisabled"));
        }
        Duration lifetime = buildTokenMaxLifetime;
        if (maxLifetime != null && maxLifetime.compareTo(lifetime) < 0) {
            lifetime = maxLifetime;
        }
        return now.plus(lifetime);
    }

    /**
     * Whether core's own tokens (its API Token section, legacy tokens included) are held to this policy: their
     * creation is refused where a core token cannot meet it, and existing ones are judged like the plugin's. On by
     * default; off leaves core's section as core made it.
     */
    public boolean isCoreTokensGoverned() {
        return coreTokensGoverned;
    }

    /**
     * From when a token that breaks this policy is refused ({@link PolicyCompliance}); {@code null} for never. Before
     * it, such tokens only get marked and their owners told.
     */
    public Instant getEnforcementStart() {
        return enforcementStart;
    }

    /** The enforcement date as people read it, {@code yyyy-MM-dd} (from 00:00 UTC); {@code null} for never. */
    public String getEnforcementDate() {
        return enforcementStart == null
                ? null
                : LocalDate.ofInstant(enforcementStart, ZoneOffset.UTC).toString();
    }

    /** Whether tokens that break this policy are refused at {@code now}. */
    public boolean isEnforcedAt(Instant now) {
        return enforcementStart != null && !now.isBefore(enforcementStart);
    }

    /**
     * Whether core may create a token for a user: a core token always has full access everywhere, never expires on a
     * core without expiry dates, and may expire only on whole days on a core with them. Nothing is refused when the
     * policy leaves core's tokens alone.
     *
     * @param coreHasExpiry whether this core's tokens can have an expiry date (Jenkins 2.548 and later)
     * @param lifetime the lifetime asked for, {@code null} for a token that never expires
     * @param ownTokens how many tokens the user holds already, core's and the plugin's, per-build ones aside
     * @throws TokenRuleException naming the rule: where no core token can meet it, pointing to the plugin's section;
     *     otherwise as a new token of the plugin would be refused (a shorter expiry, a token fewer)
     */
    public void checkCoreTokenCreation(boolean coreHasExpiry, Duration lifetime, int ownTokens) {
        if (!coreTokensGoverned) {
            return;
        }
        // What no core token can give: the way out is the plugin's section.
        EngineMessage never = null;
        if (!allowedScopes.contains(Scope.FULL)) {
            never = EngineMessage.of("CoreCreation.Scope", scopeList(allowedScopes));
        } else if (itemLimitRequired) {
            never = EngineMessage.of("CoreCreation.NotLimited");
        } else if (requiresExpiry() && !coreHasExpiry) {
            never = EngineMessage.of("CoreCreation.NoExpiryOnThisCore");
        }
        if (never != null) {
            throw new TokenRuleException(EngineMessage.of("CoreCreation.Refused", never));
        }
        // What this core token does not give, as any new token would be refused.
        if (requiresExpiry() && lifetime == null) {
            throw new TokenRuleException(
                    maxLifetime == null
                            ? EngineMessage.of("Policy.ExpiryRequired")
                            : EngineMessage.of("Policy.ExpiryRequiredWithin", describe(maxLifetime)));
        }
        if (maxLifetime != null && lifetime != null && lifetime.compareTo(maxLifetime) > 0) {
            throw new TokenRuleException(EngineMessage.of("Policy.ExpiryTooLate", describe(maxLifetime)));
        }
        checkRoomForOneMore(ownTokens);
    }

    /** The longest lifetime core's section may offer a token; {@code null} for any (or core's tokens left alone). */
    public Duration coreTokenLifetimeLimit() {
        return coreTokensGoverned ? maxLifetime : null;
    }

    /** Whether core's section may not offer tokens that never expire. */
    public boolean isCoreTokenExpiryRequired() {
        return coreTokensGoverned && requiresExpiry();
    }

    /**
     * Reads the enforcement date as administrators write it: {@code yyyy-MM-dd}, from 00:00 UTC that day; nothing for
     * never.
     *
     * @throws TokenRuleException for anything else, naming the setting
     */
    public static Instant parseEnforcementDate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new TokenRuleException(
                    EngineMessage.of("Policy.EnforcementDate", text.strip()), PolicySetting.ENFORCEMENT_DATE);
        }
    }

    /**
     * Whether users may plant decoys of their own (administrators always may). A user sees only the decoys they made;
     * alerts go where every decoy's go.
     */
    public boolean isUserDecoysAllowed() {
        return userDecoysAllowed;
    }

    /** Where alerts of tried decoys are mailed; empty for nowhere (the audit trail and the log still have them). */
    public List<String> getAlertAddresses() {
        return alertAddresses;
    }

    /**
     * The alert addresses as administrators write them: separated by commas or spaces, such as
     * {@code security@example.com, ops@example.com}; nothing for none.
     *
     * @throws TokenRuleException for anything that is not an address, naming it
     */
    public static List<String> parseAlertAddresses(String text) {
        List<String> addresses = new ArrayList<>();
        for (String word : (text == null ? "" : text).split("[,\\s]+")) {
            if (!word.isEmpty()) {
                addresses.add(word);
            }
        }
        return checkAlertAddresses(addresses);
    }

    /** A plain {@code local@domain}, without display names, quotes or anything a mail header could be bent with. */
    private static final Pattern ADDRESS =
            Pattern.compile("[A-Za-z0-9.!#$%&*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*");

    static final int MAX_ALERT_ADDRESSES = 20;

    private static List<String> checkAlertAddresses(List<String> addresses) {
        for (String address : addresses) {
            if (address == null
                    || address.length() > 254
                    || !ADDRESS.matcher(address).matches()) {
                throw new TokenRuleException(
                        EngineMessage.of("Policy.AlertAddress", String.valueOf(address)),
                        PolicySetting.ALERT_ADDRESSES);
            }
        }
        if (addresses.size() > MAX_ALERT_ADDRESSES) {
            throw new TokenRuleException(
                    EngineMessage.of("Policy.TooManyAlertAddresses", MAX_ALERT_ADDRESSES),
                    PolicySetting.ALERT_ADDRESSES);
        }
        return List.copyOf(new LinkedHashSet<>(addresses));
    }

    private static List<Integer> checkWarningDays(List<Integer> days) {
        TreeSet<Integer> distinct = new TreeSet<>(Comparator.reverseOrder());
        boolean inRange = days.stream().allMatch(d -> d != null && d >= 1 && d <= MAX_WARNING_DAYS);
        if (inRange) {
            distinct.addAll(days);
        }
        if (!inRange || distinct.size() > MAX_WARNINGS) {
            throw new TokenRuleException(
                    EngineMessage.of("Policy.WarningDays", MAX_WARNINGS, MAX_WARNING_DAYS),
                    PolicySetting.EXPIRY_WARNING_DAYS);
        }
        return List.copyOf(distinct);
    }

    /**
     * The warning days as administrators write them: whole numbers separated by commas or spaces, such as
     * {@code 30, 7, 1}; nothing for no warnings.
     *
     * @throws TokenRuleException for anything else, naming the setting
     */
    public static List<Integer> parseWarningDays(String text) {
        List<Integer> days = new ArrayList<>();
        for (String word : (text == null ? "" : text).split("[,\\s]+")) {
            if (word.isEmpty()) {
                continue;
            }
            try {
                days.add(Integer.valueOf(word));
            } catch (NumberFormatException e) {
                throw new TokenRuleException(
                        EngineMessage.of("Policy.WarningDays", MAX_WARNINGS, MAX_WARNING_DAYS),
                        PolicySetting.EXPIRY_WARNING_DAYS);
            }
        }
        return days;
    }

    static String scopeList(Set<Scope> scopes) {
        return scopes.stream().map(Scope::id).collect(Collectors.joining(", "));
    }

    /** A duration the way the policy texts show it: whole days where it is whole days. */
    static EngineMessage describe(Duration duration) {
        long days = duration.toDays();
        if (Duration.ofDays(days).equals(duration)) {
            return EngineMessage.of("Duration.Days", days);
        }
        return EngineMessage.of("Duration.Hours", duration.toHours());
    }

    private static Duration positiveOrNull(Duration duration, PolicySetting setting) {
        if (duration != null && (duration.isZero() || duration.isNegative())) {
            throw new TokenRuleException(EngineMessage.of("Policy.NotPositive." + setting.name()), setting);
        }
        return duration;
    }

    public boolean isLegacyTokensAllowed() {
        return legacyTokensAllowed;
    }

    public boolean isExpiryRequired() {
        return expiryRequired;
    }

    public Duration getMaxLifetime() {
        return maxLifetime;
    }

    public Duration getDefaultLifetime() {
        return defaultLifetime;
    }

    public int getMaxTokensPerUser() {
        return maxTokensPerUser;
    }

    public Set<Scope> getAllowedScopes() {
        return allowedScopes;
    }

    public AgeThresholds getAgeThresholds() {
        return ageThresholds;
    }

    public boolean isUsageTracked() {
        return usageTracked;
    }

    public Duration getRevokeUnusedAfter() {
        return revokeUnusedAfter;
    }

    public boolean isBuildTokensAllowed() {
        return buildTokensAllowed;
    }

    public Duration getBuildTokenMaxLifetime() {
        return buildTokenMaxLifetime;
    }

    public Set<Scope> getBuildTokenScopes() {
        return buildTokenScopes;
    }

    /** How many days before expiry owners are warned, longest first; empty for no warnings. */
    public List<Integer> getExpiryWarningDays() {
        return expiryWarningDays;
    }

    /** Collects the settings of a {@link TokenPolicy}; {@link #build()} checks them together. */
    public static final class Builder {
        private boolean legacyTokensAllowed = true;
        private boolean expiryRequired;
        private Duration maxLifetime;
        private Duration defaultLifetime;
        private int maxTokensPerUser;
        private Set<Scope> allowedScopes = EnumSet.allOf(Scope.class);
        private AgeThresholds ageThresholds = AgeThresholds.DEFAULT;
        private boolean usageTracked = true;
        private Duration revokeUnusedAfter;
        private boolean buildTokensAllowed = true;
        private Duration buildTokenMaxLifetime = Duration.ofDays(1);
        /* Read-only (in the build's own job unless the step names more) unless the administrator allows more: a
         * Jenkinsfile's author is not always trusted as much as the account its builds run as. */
        private Set<Scope> buildTokenScopes = EnumSet.of(Scope.READ_ONLY);
        private boolean tokensForOthersAllowed;
        private List<Integer> expiryWarningDays = List.of(30, 7, 1);
        private Duration maxRotationGrace;
        private boolean itemLimitRequired;
        private boolean coreTokensGoverned = true;
        private Instant enforcementStart;
        private List<String> alertAddresses = List.of();
        private boolean userDecoysAllowed;

        private Builder() {}

        /** Whether users may plant decoys of their own; by default only administrators may. */
        public Builder userDecoysAllowed(boolean allowed) {
            this.userDecoysAllowed = allowed;
            return this;
        }

        /** Where alerts of tried decoys are mailed; empty for nowhere. */
        public Builder alertAddresses(List<String> addresses) {
            this.alertAddresses = new ArrayList<>(addresses);
            return this;
        }

        /** Whether core's own tokens are held to the policy (the default). */
        public Builder coreTokensGoverned(boolean governed) {
            this.coreTokensGoverned = governed;
            return this;
        }

        /** From when tokens that break the policy are refused; {@code null} for never. */
        public Builder enforcementStart(Instant start) {
            this.enforcementStart = start;
            return this;
        }

        /** Whether new tokens must be limited to some folders and jobs. */
        public Builder itemLimitRequired(boolean required) {
            this.itemLimitRequired = required;
            return this;
        }

        public Builder legacyTokensAllowed(boolean allowed) {
            this.legacyTokensAllowed = allowed;
            return this;
        }

        public Builder expiryRequired(boolean required) {
            this.expiryRequired = required;
            return this;
        }

        /** {@code null} for no maximum. */
        public Builder maxLifetime(Duration lifetime) {
            this.maxLifetime = lifetime;
            return this;
        }

        /** {@code null} for tokens that never expire unless the user picks a date. */
        public Builder defaultLifetime(Duration lifetime) {
            this.defaultLifetime = lifetime;
            return this;
        }

        /** 0 for no limit. */
        public Builder maxTokensPerUser(int max) {
            this.maxTokensPerUser = max;
            return this;
        }

        public Builder allowedScopes(Set<Scope> scopes) {
            this.allowedScopes = scopes.isEmpty() ? EnumSet.noneOf(Scope.class) : EnumSet.copyOf(scopes);
            return this;
        }

        public Builder ageThresholds(AgeThresholds thresholds) {
            this.ageThresholds = thresholds;
            return this;
        }

        public Builder usageTracked(boolean tracked) {
            this.usageTracked = tracked;
            return this;
        }

        /** {@code null} to keep unused tokens. */
        public Builder revokeUnusedAfter(Duration period) {
            this.revokeUnusedAfter = period;
            return this;
        }

        public Builder buildTokensAllowed(boolean allowed) {
            this.buildTokensAllowed = allowed;
            return this;
        }

        /** How long a per-build token may outlive the start of its build at most; required. */
        public Builder buildTokenMaxLifetime(Duration lifetime) {
            this.buildTokenMaxLifetime = lifetime;
            return this;
        }

        /** The scopes a per-build token may have (within those users may choose). */
        public Builder buildTokenScopes(Set<Scope> scopes) {
            this.buildTokenScopes = scopes.isEmpty() ? EnumSet.noneOf(Scope.class) : EnumSet.copyOf(scopes);
            return this;
        }

        public Builder tokensForOthersAllowed(boolean allowed) {
            this.tokensForOthersAllowed = allowed;
            return this;
        }

        /** Days before expiry on which owners are warned; empty for none. */
        public Builder expiryWarningDays(List<Integer> days) {
            this.expiryWarningDays = new ArrayList<>(days);
            return this;
        }

        /** {@code null} for rotations that end the old value at once (the default). */
        public Builder maxRotationGrace(Duration grace) {
            this.maxRotationGrace = grace;
            return this;
        }

        public TokenPolicy build() {
            return new TokenPolicy(this);
        }
    }
}
