package io.jenkins.plugins.apitokens.admin;

import hudson.Extension;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.engine.TokenPolicy;
import io.jenkins.plugins.apitokens.engine.TokenQuery;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Warns administrators when the policy now requires tokens to expire but some, made before, never do: the policy
 * applies to new tokens only, so those must be revoked or rotated by hand.
 */
@Extension
@Restricted(NoExternalUse.class)
public class NeverExpiringTokensMonitor extends TokenCountMonitor {

    public NeverExpiringTokensMonitor() {
        super(TokenQuery.Filter.NO_EXPIRY);
    }

    @Override
    public String getDisplayName() {
        return Messages.NeverExpiringTokensMonitor_DisplayName();
    }

    @Override
    public boolean isActivated() {
        TokenPolicy policy = TokenEngine.get().service().policy();
        return (policy.isExpiryRequired() || policy.getMaxLifetime() != null) && super.isActivated();
    }
}
