package io.jenkins.plugins.apitokens.admin;

import hudson.Extension;
import io.jenkins.plugins.apitokens.engine.TokenQuery;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Warns administrators while legacy tokens remain: core keeps them in a recoverable form. Links to the overview,
 * where they can be reviewed and revoked together with every other token.
 */
@Extension
@Restricted(NoExternalUse.class)
public class LegacyTokensMonitor extends TokenCountMonitor {

    public LegacyTokensMonitor() {
        super(TokenQuery.Filter.LEGACY);
    }

    @Override
    public String getDisplayName() {
        return Messages.LegacyTokensMonitor_DisplayName();
    }
}
