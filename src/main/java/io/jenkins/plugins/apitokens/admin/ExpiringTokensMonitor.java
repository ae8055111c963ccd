package io.jenkins.plugins.apitokens.admin;

import hudson.Extension;
import io.jenkins.plugins.apitokens.engine.TokenQuery;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** Warns administrators of tokens that expire within 7 days, so the scripts using them can be given new ones. */
@Extension
@Restricted(NoExternalUse.class)
public class ExpiringTokensMonitor extends TokenCountMonitor {

    public ExpiringTokensMonitor() {
        super(TokenQuery.Filter.EXPIRING);
    }

    @Override
    public String getDisplayName() {
        return Messages.ExpiringTokensMonitor_DisplayName();
    }
}
