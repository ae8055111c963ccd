package io.jenkins.plugins.apitokens.admin;

import hudson.Extension;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.engine.TokenPolicy;
import io.jenkins.plugins.apitokens.engine.TokenQuery;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Warns administrators of live tokens, the plugin's and core's, that break the policy in force (made before it was
 * tightened, or in core's section): refused from the enforcement date, or kept working while none is set.
 */
@Extension
@Restricted(NoExternalUse.class)
public class BreakingPolicyTokensMonitor extends TokenCountMonitor {

    public BreakingPolicyTokensMonitor() {
        super(TokenQuery.Filter.BREAKING_POLICY);
    }

    @Override
    public String getDisplayName() {
        return Messages.BreakingPolicyTokensMonitor_DisplayName();
    }

    /** The enforcement date, {@code yyyy-MM-dd}; {@code null} for none. */
    public String getEnforcementDate() {
        return TokenEngine.get().service().policy().getEnforcementDate();
    }

    /** Whether the date has come: those tokens are refused now. */
    public boolean isEnforced() {
        TokenPolicy policy = TokenEngine.get().service().policy();
        return policy.isEnforcedAt(TokenEngine.get().service().now());
    }
}
