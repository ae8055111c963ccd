package io.jenkins.plugins.apitokens.web;

import hudson.model.User;
import io.jenkins.plugins.apitokens.coretokens.EveryToken;
import io.jenkins.plugins.apitokens.engine.PolicyCompliance;
import io.jenkins.plugins.apitokens.engine.TokenPolicy;
import io.jenkins.plugins.apitokens.engine.TokenService;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * A user's live tokens, the plugin's and core's, that break the policy in force while an enforcement date is set:
 * what their owner is told about on the menu badge and the Security page, before the date and after it.
 */
@Restricted(NoExternalUse.class)
public final class BreakingTokens {

    private BreakingTokens() {}

    /** How many; 0 when no enforcement date is set. */
    public static int countOf(TokenService service, User user) {
        TokenPolicy policy = service.policy();
        if (policy.getEnforcementStart() == null) {
            return 0;
        }
        return PolicyCompliance.assess(policy, EveryToken.of(service, user), service.now())
                .size();
    }
}
