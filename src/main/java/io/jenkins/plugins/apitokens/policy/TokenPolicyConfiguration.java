package io.jenkins.plugins.apitokens.policy;

import hudson.BulkChange;
import hudson.Extension;
import hudson.Util;
import hudson.XmlFile;
import hudson.util.FormValidation;
import io.jenkins.plugins.apitokens.engine.AgeThresholds;
import io.jenkins.plugins.apitokens.engine.PolicySetting;
import io.jenkins.plugins.apitokens.engine.Scope;
import io.jenkins.plugins.apitokens.engine.TokenPolicy;
import io.jenkins.plugins.apitokens.engine.TokenRef;
import io.jenkins.plugins.apitokens.engine.TokenRuleException;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.GlobalConfiguration;
import jenkins.model.GlobalConfigurationCategory;
import jenkins.model.Jenkins;
import jenkins.security.apitoken.ApiTokenPropertyConfiguration;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * The administrator's token policy, in Manage Jenkins › Security and in JCasC ({@code security: apiTokenManager}).
 * The defaults change nothing for users' own tokens: no expiry required, no limits, all scopes, usage tracked. The two
 * legacy-token switches are core's own ({@link ApiTokenPropertyConfiguration}), shown and set here so the two pages
 * can never disagree.
 *
 * <p>Every way in validates the same way, through the engine's {@link TokenPolicy}: the form, JCasC (which sets the
 * attributes inside a {@link BulkChange}) and a setter called from a script. A combination the engine refuses is
 * refused with a message naming the attribute, and the last saved policy, which is always valid, stays in force:
 * {@link #save()} is where the check happens, so several settings changed together (the form, JCasC) are checked
 * together, and a setter called alone is checked at once.
 */
@Extension
@Symbol("apiTokenManager")
public class TokenPolicyConfiguration extends GlobalConfiguration {

    private static final Logger LOGGER = Logger.getLogger(TokenPolicyConfiguration.class.getName());

    /* Defaults: see resetToDefaults(), the one place that sets them. */
    private boolean expiryRequired;
    private int maxLifetimeDays;
    /** {@code null} on an instance that never saved a policy: {@link #FRESH_DEFAULT_LIFETIME_DAYS}, within the maximum. */
    private Integer defaultLifetimeDays;

    private int maxTokensPerUser;
    private boolean fullScopeAllowed;
    private boolean readOnlyScopeAllowed;
    /** {@code null} (as in files written before this setting existed): as {@link #fullScopeAllowed}. */
    private Boolean runBuildsScopeAllowed;

    private boolean itemLimitRequired;
    private int ageingAfterMonths;
    private int oldAfterMonths;
    private boolean usageTracked;
    private int revokeUnusedAfterDays;
    private boolean buildTokensAllowed;
    private int buildTokenMaxLifetimeHours;
    private boolean buildTokenFullAccessAllowed;
    private boolean buildTokenRunBuildsAllowed;
    private String buildTokenUser;
    private boolean tokensForOthersAllowed;
    private String expiryWarningDays;
    private int maxRotationGraceHours;
    private boolean coreTokensGoverned;
    /** {@code yyyy-MM-dd}; {@code null} for never. */
    private String enforcementDate;
    /** Where alerts of tried decoys are mailed, separated by commas; {@code null} for nowhere. */
    private String alertAddresses;

    private boolean userDecoysAllowed;

    private static final int DEFAULT_BUILD_TOKEN_HOURS = 24;
    private static final String DEFAULT_WARNING_DAYS = "30, 7, 1";

    /**
     * The default lifetime of a new token on an instance whose policy was never saved. Core (2.548 and later) and
     * GitHub suggest 30 days; 90 is chosen here because the owners' warnings come 30, 7 and 1 days ahead, so a
     * 30-day token would be announced as expiring the day it is made, and because a quarter is the rotation period
     * most security baselines ask of long-lived credentials. A user may still pick a shorter expiry, or never where
     * the policy allows it; a saved policy keeps its own value, none included.
     */
    static final int FRESH_DEFAULT_LIFETIME_DAYS = 90;

    /**
     * The policy in force: built when a valid configuration is loaded or saved, never from settings being changed.
     * The engine asks for it on every authenticated request.
     */
    private transient volatile TokenPolicy policy;

    /** The name the file gives this type, wherever the class lives; release 1.0 named the class in full. */
    static final String ALIAS = "api-token-manager-policy";

    static {
        Jenkins.XSTREAM2.alias(ALIAS, TokenPolicyConfiguration.class);
        Jenkins.XSTREAM2.addCompatibilityAlias(
                "io.jenkins.plugins.apitokens.admin.TokenPolicyConfiguration", TokenPolicyConfiguration.class);
    }

    public TokenPolicyConfiguration() {
        load();
    }

    /**
     * The file keeps the name it has always had, whatever the class is called or wherever it lives, and its root
     * element is the alias {@value #ALIAS}.
     */
    @Override
    protected XmlFile getConfigFile() {
        return new XmlFile(Jenkins.XSTREAM2, new File(Jenkins.get().getRootDir(), CONFIG_FILE_NAME));
    }

    static final String CONFIG_FILE_NAME = "io.jenkins.plugins.apitokens.admin.TokenPolicyConfiguration.xml";

    public static TokenPolicyConfiguration get() {
        return GlobalConfiguration.all().get(TokenPolicyConfiguration.class);
    }

    @Override
    public GlobalConfigurationCategory getCategory() {
        return GlobalConfigurationCategory.get(GlobalConfigurationCategory.Security.class);
    }

    /**
     * The policy the engine enforces, as last saved. Its legacy-token flag is core's switch: the engine only reports
     * it, core enforces it. Never fails: what is in force was checked when it was saved or loaded.
     */
    public TokenPolicy toPolicy() {
        TokenPolicy current = policy;
        if (current == null) {
            try {
                current = buildPolicy(); // first use after loading: core's switch can be read now
                policy = current;
            } catch (TokenRuleException e) {
                return TokenPolicy.DEFAULT; // only while a JCasC apply is half done at start-up
            }
        }
        return current;
    }

    /**
     * Saves the settings if together they make a valid policy. Inside a {@link BulkChange} (the form, JCasC) the
     * check waits for the commit, so that settings changed together are checked together.
     *
     * @throws IllegalArgumentException naming the attribute to change; the last saved settings are then restored
     */
    @Override
    public synchronized void save() {
        if (BulkChange.contains(this)) {
            return;
        }
        TokenPolicy checked;
        try {
            checked = buildPolicy();
        } catch (TokenRuleException e) {
            load();
            throw new IllegalArgumentException(PolicyAttributes.refusal(e), e);
        }
        super.save();
        policy = checked;
        logBlockedCount(checked);
    }

    /**
     * JCasC and scripts set an enforcement date without being asked to confirm: what it blocks goes into the log.
     * Counting reads every token, so a failure to count never fails the save.
     */
    private static void logBlockedCount(TokenPolicy saved) {
        if (saved.getEnforcementStart() == null) {
            return;
        }
        try {
            LOGGER.log(
                    Level.INFO,
                    "API token policy saved: {0} live tokens break it and are blocked from {1}",
                    new Object[] {BlockedTokens.of(saved).size(), saved.getEnforcementStart()});
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "Could not count the API tokens the saved policy blocks", e);
        }
    }

    /**
     * Reads the saved settings over the defaults, so a setting absent from the file (XStream leaves out null
     * fields) is its default rather than whatever a refused change left in memory.
     */
    @Override
    public synchronized void load() {
        resetToDefaults();
        super.load();
        repairLoadedSettings();
        policy = null; // built on first use: while extensions load, core's legacy switch cannot be read yet
    }

    /**
     * Settings saved by an older version may break a rule added since (a build token lifetime of "no limit", say):
     * each such setting falls back to its default, with a warning, so that token checks never fail on a
     * configuration.
     */
    private void repairLoadedSettings() {
        for (int attempt = 0; attempt <= PolicySetting.values().length; attempt++) {
            try {
                settings().build();
                return;
            } catch (TokenRuleException e) {
                LOGGER.log(
                        Level.WARNING, "Ignoring a stored API token policy setting: {0}", PolicyAttributes.refusal(e));
                if (e.setting() == null) {
                    resetToDefaults();
                    return;
                }
                resetSetting(e.setting());
            }
        }
    }

    /** Every setting at its default, which for users' own tokens changes nothing on an instance. */
    private void resetToDefaults() {
        for (PolicySetting setting : PolicySetting.values()) {
            resetSetting(setting);
        }
        maxTokensPerUser = 0;
        buildTokensAllowed = true;
        buildTokenUser = null;
        tokensForOthersAllowed = false;
        itemLimitRequired = false;
        coreTokensGoverned = true;
        userDecoysAllowed = false;
    }

    /** Puts the settings behind {@code setting} back to their defaults. */
    private void resetSetting(PolicySetting setting) {
        switch (setting) {
            case EXPIRY_REQUIRED -> expiryRequired = false;
            case MAX_LIFETIME, DEFAULT_LIFETIME -> {
                maxLifetimeDays = 0;
                defaultLifetimeDays = null;
            }
            case MAX_TOKENS_PER_USER -> maxTokensPerUser = 0;
            case ALLOWED_SCOPES -> {
                fullScopeAllowed = true;
                runBuildsScopeAllowed = null;
                readOnlyScopeAllowed = true;
            }
            case AGE_THRESHOLDS_AGEING, AGE_THRESHOLDS_OLD -> {
                ageingAfterMonths = AgeThresholds.DEFAULT.ageingAfterMonths();
                oldAfterMonths = AgeThresholds.DEFAULT.oldAfterMonths();
            }
            case USAGE_TRACKED -> usageTracked = true;
            case REVOKE_UNUSED_AFTER -> revokeUnusedAfterDays = 0;
            case BUILD_TOKEN_MAX_LIFETIME -> buildTokenMaxLifetimeHours = DEFAULT_BUILD_TOKEN_HOURS;
            case BUILD_TOKEN_SCOPES -> {
                buildTokenFullAccessAllowed = false;
                buildTokenRunBuildsAllowed = false;
            }
            case EXPIRY_WARNING_DAYS -> expiryWarningDays = DEFAULT_WARNING_DAYS;
            case MAX_ROTATION_GRACE -> maxRotationGraceHours = 0;
            case ENFORCEMENT_DATE -> enforcementDate = null;
            case ALERT_ADDRESSES -> alertAddresses = null;
        }
    }

    private TokenPolicy buildPolicy() {
        return settings().legacyTokensAllowed(isLegacyTokenCreationAllowed()).build();
    }

    /** The plugin's own settings as the engine's policy builder; core's legacy switch is added by the caller. */
    private TokenPolicy.Builder settings() {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        if (fullScopeAllowed) {
            scopes.add(Scope.FULL);
        }
        if (isRunBuildsScopeAllowed()) {
            scopes.add(Scope.RUN_BUILDS);
        }
        if (readOnlyScopeAllowed) {
            scopes.add(Scope.READ_ONLY);
        }
        return TokenPolicy.builder()
                .expiryRequired(expiryRequired)
                .maxLifetime(PolicyChecks.days(maxLifetimeDays))
                .defaultLifetime(PolicyChecks.days(getDefaultLifetimeDays()))
                .maxTokensPerUser(maxTokensPerUser)
                .allowedScopes(scopes)
                .ageThresholds(new AgeThresholds(ageingAfterMonths, oldAfterMonths))
                .usageTracked(usageTracked)
                .revokeUnusedAfter(PolicyChecks.days(revokeUnusedAfterDays))
                .buildTokensAllowed(buildTokensAllowed)
                .buildTokenMaxLifetime(Duration.ofHours(buildTokenMaxLifetimeHours))
                .itemLimitRequired(itemLimitRequired)
                .buildTokenScopes(buildTokenScopes())
                .tokensForOthersAllowed(tokensForOthersAllowed)
                .expiryWarningDays(TokenPolicy.parseWarningDays(expiryWarningDays))
                .maxRotationGrace(PolicyChecks.hours(maxRotationGraceHours))
                .coreTokensGoverned(coreTokensGoverned)
                .enforcementStart(TokenPolicy.parseEnforcementDate(enforcementDate))
                .alertAddresses(TokenPolicy.parseAlertAddresses(alertAddresses))
                .userDecoysAllowed(userDecoysAllowed);
    }

    private Set<Scope> buildTokenScopes() {
        if (buildTokenFullAccessAllowed) {
            return EnumSet.allOf(Scope.class);
        }
        return buildTokenRunBuildsAllowed ? EnumSet.of(Scope.READ_ONLY, Scope.RUN_BUILDS) : EnumSet.of(Scope.READ_ONLY);
    }

    /** Saves the submitted settings only if together they make a valid policy; otherwise keeps the old ones. */
    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        TokenPolicy before = toPolicy();
        try (BulkChange change = new BulkChange(this)) {
            req.bindJSON(this, json);
            requireConfirmedBlocks(before, buildPolicy(), json.optString(CONFIRMATION_FIELD));
            change.commit();
        } catch (FormException e) {
            load();
            throw e;
        } catch (TokenRuleException e) {
            load();
            throw new FormException(PolicyAttributes.refusal(e), PolicyAttributes.attributeOf(e.setting()));
        } catch (IllegalArgumentException e) {
            load(); // nothing half-bound stays in memory for a later save to write
            throw new FormException(e.getMessage(), e, null);
        } catch (IOException e) {
            load();
            throw new FormException(e, null);
        }
        return true;
    }

    /** The form's field where the administrator confirms how many tokens a date blocks; never stored. */
    static final String CONFIRMATION_FIELD = "blockedTokensConfirmed";

    /**
     * A form that would block tokens not blocked today (a new date, an earlier one, or a stricter policy with a date
     * set, even one blocking as many others) must say how many, as the overview's bulk revocation does: the
     * administrator confirms what they see.
     *
     * @throws FormException naming the count to confirm
     */
    private static void requireConfirmedBlocks(TokenPolicy before, TokenPolicy after, String confirmed)
            throws FormException {
        Set<TokenRef> blocked = BlockedTokens.of(after);
        if (blocked.isEmpty() || BlockedTokens.of(before).containsAll(blocked) && noEarlier(before, after)) {
            return;
        }
        if (!String.valueOf(blocked.size()).equals(confirmed == null ? "" : confirmed.strip())) {
            throw new FormException(
                    Messages.TokenPolicyConfiguration_ConfirmBlocked(blocked.size(), after.getEnforcementDate()),
                    CONFIRMATION_FIELD);
        }
    }

    /** Whether the tokens blocked before are blocked no sooner than they were. */
    private static boolean noEarlier(TokenPolicy before, TokenPolicy after) {
        return before.getEnforcementStart() != null
                && !after.getEnforcementStart().isBefore(before.getEnforcementStart());
    }

    // --- core's legacy-token switches, never stored here

    public boolean isLegacyTokenCreationAllowed() {
        return ApiTokenPropertyConfiguration.get().isCreationOfLegacyTokenEnabled();
    }

    @DataBoundSetter
    public void setLegacyTokenCreationAllowed(boolean allowed) {
        ApiTokenPropertyConfiguration.get().setCreationOfLegacyTokenEnabled(allowed);
        save(); // the policy reports core's switch
    }

    public boolean isLegacyTokenForNewUsers() {
        return ApiTokenPropertyConfiguration.get().isTokenGenerationOnCreationEnabled();
    }

    @DataBoundSetter
    public void setLegacyTokenForNewUsers(boolean enabled) {
        ApiTokenPropertyConfiguration.get().setTokenGenerationOnCreationEnabled(enabled);
    }

    // --- the plugin's own settings

    public boolean isExpiryRequired() {
        return expiryRequired;
    }

    @DataBoundSetter
    public void setExpiryRequired(boolean expiryRequired) {
        this.expiryRequired = expiryRequired;
        save();
    }

    public int getMaxLifetimeDays() {
        return maxLifetimeDays;
    }

    @DataBoundSetter
    public void setMaxLifetimeDays(int maxLifetimeDays) {
        this.maxLifetimeDays = maxLifetimeDays;
        save();
    }

    /** The default lifetime in days, 0 for none; on a fresh instance {@link #FRESH_DEFAULT_LIFETIME_DAYS}, within the maximum. */
    public int getDefaultLifetimeDays() {
        if (defaultLifetimeDays != null) {
            return defaultLifetimeDays;
        }
        return maxLifetimeDays > 0
                ? Math.min(FRESH_DEFAULT_LIFETIME_DAYS, maxLifetimeDays)
                : FRESH_DEFAULT_LIFETIME_DAYS;
    }

    @DataBoundSetter
    public void setDefaultLifetimeDays(int defaultLifetimeDays) {
        this.defaultLifetimeDays = defaultLifetimeDays;
        save();
    }

    public int getMaxTokensPerUser() {
        return maxTokensPerUser;
    }

    @DataBoundSetter
    public void setMaxTokensPerUser(int maxTokensPerUser) {
        this.maxTokensPerUser = maxTokensPerUser;
        save();
    }

    public boolean isFullScopeAllowed() {
        return fullScopeAllowed;
    }

    @DataBoundSetter
    public void setFullScopeAllowed(boolean fullScopeAllowed) {
        this.fullScopeAllowed = fullScopeAllowed;
        save();
    }

    public boolean isReadOnlyScopeAllowed() {
        return readOnlyScopeAllowed;
    }

    @DataBoundSetter
    public void setReadOnlyScopeAllowed(boolean readOnlyScopeAllowed) {
        this.readOnlyScopeAllowed = readOnlyScopeAllowed;
        save();
    }

    /**
     * Whether users may choose <i>Run builds</i>. Until an administrator decides, it follows <i>Full access</i>: an
     * instance that kept users from full tokens does not hand them a new way to run builds on upgrade.
     */
    public boolean isRunBuildsScopeAllowed() {
        return runBuildsScopeAllowed != null ? runBuildsScopeAllowed : fullScopeAllowed;
    }

    @DataBoundSetter
    public void setRunBuildsScopeAllowed(boolean runBuildsScopeAllowed) {
        this.runBuildsScopeAllowed = runBuildsScopeAllowed;
        save();
    }

    public boolean isItemLimitRequired() {
        return itemLimitRequired;
    }

    @DataBoundSetter
    public void setItemLimitRequired(boolean itemLimitRequired) {
        this.itemLimitRequired = itemLimitRequired;
        save();
    }

    public int getAgeingAfterMonths() {
        return ageingAfterMonths;
    }

    @DataBoundSetter
    public void setAgeingAfterMonths(int ageingAfterMonths) {
        this.ageingAfterMonths = ageingAfterMonths;
        save();
    }

    public int getOldAfterMonths() {
        return oldAfterMonths;
    }

    @DataBoundSetter
    public void setOldAfterMonths(int oldAfterMonths) {
        this.oldAfterMonths = oldAfterMonths;
        save();
    }

    public boolean isUsageTracked() {
        return usageTracked;
    }

    @DataBoundSetter
    public void setUsageTracked(boolean usageTracked) {
        this.usageTracked = usageTracked;
        save();
    }

    public int getRevokeUnusedAfterDays() {
        return revokeUnusedAfterDays;
    }

    @DataBoundSetter
    public void setRevokeUnusedAfterDays(int revokeUnusedAfterDays) {
        this.revokeUnusedAfterDays = revokeUnusedAfterDays;
        save();
    }

    public boolean isBuildTokensAllowed() {
        return buildTokensAllowed;
    }

    @DataBoundSetter
    public void setBuildTokensAllowed(boolean buildTokensAllowed) {
        this.buildTokensAllowed = buildTokensAllowed;
        save();
    }

    public int getBuildTokenMaxLifetimeHours() {
        return buildTokenMaxLifetimeHours;
    }

    @DataBoundSetter
    public void setBuildTokenMaxLifetimeHours(int buildTokenMaxLifetimeHours) {
        this.buildTokenMaxLifetimeHours = buildTokenMaxLifetimeHours;
        save();
    }

    /** Whether a build may mint a full-access token; otherwise build tokens are read-only. */
    public boolean isBuildTokenFullAccessAllowed() {
        return buildTokenFullAccessAllowed;
    }

    @DataBoundSetter
    public void setBuildTokenFullAccessAllowed(boolean buildTokenFullAccessAllowed) {
        this.buildTokenFullAccessAllowed = buildTokenFullAccessAllowed;
        save();
    }

    public boolean isBuildTokenRunBuildsAllowed() {
        return buildTokenRunBuildsAllowed;
    }

    @DataBoundSetter
    public void setBuildTokenRunBuildsAllowed(boolean buildTokenRunBuildsAllowed) {
        this.buildTokenRunBuildsAllowed = buildTokenRunBuildsAllowed;
        save();
    }

    /**
     * Whether administrators may create and rotate other users' tokens (and so see their values), for service
     * accounts. Off by default, as in core.
     */
    public boolean isTokensForOthersAllowed() {
        return tokensForOthersAllowed;
    }

    @DataBoundSetter
    public void setTokensForOthersAllowed(boolean tokensForOthersAllowed) {
        this.tokensForOthersAllowed = tokensForOthersAllowed;
        save();
    }

    /** Days before expiry on which owners are told, such as {@code 30, 7, 1}; empty for none. */
    public String getExpiryWarningDays() {
        return expiryWarningDays;
    }

    @DataBoundSetter
    public void setExpiryWarningDays(String expiryWarningDays) {
        this.expiryWarningDays = expiryWarningDays == null ? "" : expiryWarningDays.strip();
        save();
    }

    /** How long, in hours, a rotated token's old value may keep working at most; 0 for not at all. */
    public int getMaxRotationGraceHours() {
        return maxRotationGraceHours;
    }

    @DataBoundSetter
    public void setMaxRotationGraceHours(int maxRotationGraceHours) {
        this.maxRotationGraceHours = maxRotationGraceHours;
        save();
    }

    /**
     * Whether core's own API Token section is held to this policy: creation refused where a core token cannot meet
     * it, and core's existing tokens judged and blocked like the plugin's. On by default.
     */
    public boolean isCoreTokensGoverned() {
        return coreTokensGoverned;
    }

    @DataBoundSetter
    public void setCoreTokensGoverned(boolean coreTokensGoverned) {
        this.coreTokensGoverned = coreTokensGoverned;
        save();
    }

    /** From when ({@code yyyy-MM-dd}, 00:00 UTC) tokens that break the policy are refused; {@code null} for never. */
    public String getEnforcementDate() {
        return enforcementDate;
    }

    @DataBoundSetter
    public void setEnforcementDate(String enforcementDate) {
        this.enforcementDate = Util.fixEmptyAndTrim(enforcementDate);
        save();
    }

    /** Whether users may plant decoys of their own (REST and CLI); administrators always may. */
    public boolean isUserDecoysAllowed() {
        return userDecoysAllowed;
    }

    @DataBoundSetter
    public void setUserDecoysAllowed(boolean userDecoysAllowed) {
        this.userDecoysAllowed = userDecoysAllowed;
        save();
    }

    /** Where alerts of tried decoys are mailed, such as {@code security@example.com, ops@example.com}. */
    public String getAlertAddresses() {
        return alertAddresses;
    }

    @DataBoundSetter
    public void setAlertAddresses(String alertAddresses) {
        this.alertAddresses = Util.fixEmptyAndTrim(alertAddresses);
        save();
    }

    /** The account build tokens belong to when a build runs as SYSTEM; {@code null} for none. */
    public String getBuildTokenUser() {
        return buildTokenUser;
    }

    @DataBoundSetter
    public void setBuildTokenUser(String buildTokenUser) {
        this.buildTokenUser = Util.fixEmptyAndTrim(buildTokenUser);
        save();
    }

    // --- form validation: the engine's rules, as the user types

    @POST
    public FormValidation doCheckMaxLifetimeDays(@QueryParameter int value, @QueryParameter int defaultLifetimeDays) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return PolicyChecks.lifetimes(value, defaultLifetimeDays);
    }

    @POST
    public FormValidation doCheckDefaultLifetimeDays(@QueryParameter int value, @QueryParameter int maxLifetimeDays) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return PolicyChecks.lifetimes(maxLifetimeDays, value);
    }

    @POST
    public FormValidation doCheckOldAfterMonths(@QueryParameter int value, @QueryParameter int ageingAfterMonths) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return PolicyChecks.ageThresholds(ageingAfterMonths, value);
    }

    @POST
    public FormValidation doCheckBuildTokenUser(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return PolicyChecks.buildTokenUser(value);
    }

    @POST
    public FormValidation doCheckMaxTokensPerUser(@QueryParameter int value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return PolicyChecks.maxTokensPerUser(value);
    }

    @POST
    public FormValidation doCheckRevokeUnusedAfterDays(
            @QueryParameter int value, @QueryParameter("usageTracked") boolean usageTracked) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return PolicyChecks.revokeUnused(value, usageTracked);
    }

    @POST
    public FormValidation doCheckMaxRotationGraceHours(@QueryParameter int value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return PolicyChecks.rotationGrace(value);
    }

    @POST
    public FormValidation doCheckExpiryWarningDays(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return PolicyChecks.warningDays(value);
    }

    @POST
    public FormValidation doCheckAlertAddresses(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return PolicyChecks.alertAddresses(value);
    }

    @POST
    public FormValidation doCheckEnforcementDate(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return PolicyChecks.enforcementDate(value, toPolicy());
    }

    @POST
    public FormValidation doCheckBuildTokenMaxLifetimeHours(@QueryParameter int value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return PolicyChecks.buildTokenLifetime(value);
    }
}
