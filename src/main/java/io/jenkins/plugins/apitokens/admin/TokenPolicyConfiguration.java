package io.jenkins.plugins.apitokens.admin;

import hudson.BulkChange;
import hudson.Extension;
import hudson.Util;
import hudson.model.User;
import hudson.util.FormValidation;
import io.jenkins.plugins.apitokens.engine.AgeThresholds;
import io.jenkins.plugins.apitokens.engine.Scope;
import io.jenkins.plugins.apitokens.engine.TokenPolicy;
import io.jenkins.plugins.apitokens.engine.TokenRuleException;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
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
 * Every default changes nothing: no expiry required, no limits, all scopes, usage tracked. The two legacy-token
 * switches are core's own ({@link ApiTokenPropertyConfiguration}), shown and set here so the two pages can never
 * disagree.
 */
@Extension
@Symbol("apiTokenManager")
public class TokenPolicyConfiguration extends GlobalConfiguration {

    private boolean expiryRequired;
    private int maxLifetimeDays;
    private int defaultLifetimeDays;
    private int maxTokensPerUser;
    private boolean fullScopeAllowed = true;
    private boolean readOnlyScopeAllowed = true;
    private int ageingAfterMonths = AgeThresholds.DEFAULT.ageingAfterMonths();
    private int oldAfterMonths = AgeThresholds.DEFAULT.oldAfterMonths();
    private boolean usageTracked = true;
    private int revokeUnusedAfterDays;
    private boolean buildTokensAllowed = true;
    private int buildTokenMaxLifetimeHours = 24;
    private boolean buildTokenFullAccessAllowed = true;
    private String buildTokenUser;

    /** Built once per change: the engine asks for the policy on every authenticated request. */
    private transient volatile TokenPolicy policy;

    public TokenPolicyConfiguration() {
        load();
    }

    public static TokenPolicyConfiguration get() {
        return GlobalConfiguration.all().get(TokenPolicyConfiguration.class);
    }

    @Override
    public GlobalConfigurationCategory getCategory() {
        return GlobalConfigurationCategory.get(GlobalConfigurationCategory.Security.class);
    }

    /**
     * The policy the engine enforces, as last saved. Its legacy-token flag is core's switch as it was then: the
     * engine only reports it, core enforces it.
     *
     * @throws TokenRuleException if the settings contradict each other
     */
    public TokenPolicy toPolicy() {
        TokenPolicy current = policy;
        if (current == null) {
            current = buildPolicy();
            policy = current;
        }
        return current;
    }

    @Override
    public synchronized void save() {
        policy = null;
        super.save();
    }

    @Override
    public synchronized void load() {
        policy = null;
        super.load();
    }

    private TokenPolicy buildPolicy() {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        if (fullScopeAllowed) {
            scopes.add(Scope.FULL);
        }
        if (readOnlyScopeAllowed) {
            scopes.add(Scope.READ_ONLY);
        }
        return TokenPolicy.builder()
                .legacyTokensAllowed(isLegacyTokenCreationAllowed())
                .expiryRequired(expiryRequired)
                .maxLifetime(days(maxLifetimeDays))
                .defaultLifetime(days(defaultLifetimeDays))
                .maxTokensPerUser(maxTokensPerUser)
                .allowedScopes(scopes)
                .ageThresholds(new AgeThresholds(ageingAfterMonths, oldAfterMonths))
                .usageTracked(usageTracked)
                .revokeUnusedAfter(days(revokeUnusedAfterDays))
                .buildTokensAllowed(buildTokensAllowed)
                .buildTokenMaxLifetime(
                        buildTokenMaxLifetimeHours <= 0 ? null : Duration.ofHours(buildTokenMaxLifetimeHours))
                .buildTokenScopes(
                        buildTokenFullAccessAllowed ? EnumSet.allOf(Scope.class) : EnumSet.of(Scope.READ_ONLY))
                .build();
    }

    private static Duration days(int days) {
        return days <= 0 ? null : Duration.ofDays(days);
    }

    /** Saves the submitted settings only if together they make a valid policy; otherwise keeps the old ones. */
    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        if (!getConfigFile().exists()) {
            save(); // the state to go back to if the submission is refused
        }
        try (BulkChange change = new BulkChange(this)) {
            req.bindJSON(this, json);
            buildPolicy();
            change.commit();
        } catch (TokenRuleException e) {
            load();
            throw new FormException(e.getMessage(), "maxLifetimeDays");
        } catch (IOException e) {
            load();
            throw new FormException(e, "maxLifetimeDays");
        }
        return true;
    }

    // --- core's legacy-token switches, never stored here

    public boolean isLegacyTokenCreationAllowed() {
        return ApiTokenPropertyConfiguration.get().isCreationOfLegacyTokenEnabled();
    }

    @DataBoundSetter
    public void setLegacyTokenCreationAllowed(boolean allowed) {
        ApiTokenPropertyConfiguration.get().setCreationOfLegacyTokenEnabled(allowed);
        policy = null;
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
        this.maxLifetimeDays = Math.max(0, maxLifetimeDays);
        save();
    }

    public int getDefaultLifetimeDays() {
        return defaultLifetimeDays;
    }

    @DataBoundSetter
    public void setDefaultLifetimeDays(int defaultLifetimeDays) {
        this.defaultLifetimeDays = Math.max(0, defaultLifetimeDays);
        save();
    }

    public int getMaxTokensPerUser() {
        return maxTokensPerUser;
    }

    @DataBoundSetter
    public void setMaxTokensPerUser(int maxTokensPerUser) {
        this.maxTokensPerUser = Math.max(0, maxTokensPerUser);
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
        this.revokeUnusedAfterDays = Math.max(0, revokeUnusedAfterDays);
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
        this.buildTokenMaxLifetimeHours = Math.max(0, buildTokenMaxLifetimeHours);
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

    /** The account build tokens belong to when a build runs as SYSTEM; {@code null} for none. */
    public String getBuildTokenUser() {
        return buildTokenUser;
    }

    @DataBoundSetter
    public void setBuildTokenUser(String buildTokenUser) {
        this.buildTokenUser = Util.fixEmptyAndTrim(buildTokenUser);
        save();
    }

    // --- form validation

    @POST
    public FormValidation doCheckMaxLifetimeDays(@QueryParameter int value, @QueryParameter int defaultLifetimeDays) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        if (value < 0) {
            return FormValidation.error(Messages.TokenPolicyConfiguration_NotNegative());
        }
        if (value > 0 && defaultLifetimeDays > value) {
            return FormValidation.error(
                    Messages.TokenPolicyConfiguration_DefaultAboveMaximum(defaultLifetimeDays, value));
        }
        return FormValidation.ok();
    }

    @POST
    public FormValidation doCheckDefaultLifetimeDays(@QueryParameter int value, @QueryParameter int maxLifetimeDays) {
        return doCheckMaxLifetimeDays(maxLifetimeDays, value);
    }

    @POST
    public FormValidation doCheckOldAfterMonths(@QueryParameter int value, @QueryParameter int ageingAfterMonths) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        if (ageingAfterMonths < 1) {
            return FormValidation.error(Messages.TokenPolicyConfiguration_AgeingAtLeastOneMonth());
        }
        if (value <= ageingAfterMonths) {
            return FormValidation.error(Messages.TokenPolicyConfiguration_OldAfterAgeing());
        }
        return FormValidation.ok();
    }

    @POST
    public FormValidation doCheckBuildTokenUser(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        String id = Util.fixEmptyAndTrim(value);
        if (id != null && User.getById(id, false) == null) {
            return FormValidation.error(Messages.TokenPolicyConfiguration_NoSuchUser(id));
        }
        return FormValidation.ok();
    }

    @POST
    public FormValidation doCheckMaxTokensPerUser(@QueryParameter int value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return value < 0 ? FormValidation.error(Messages.TokenPolicyConfiguration_NotNegative()) : FormValidation.ok();
    }

    @POST
    public FormValidation doCheckRevokeUnusedAfterDays(@QueryParameter int value) {
        return doCheckMaxTokensPerUser(value);
    }
}
