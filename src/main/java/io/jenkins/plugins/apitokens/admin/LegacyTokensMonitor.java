package io.jenkins.plugins.apitokens.admin;

import hudson.Extension;
import hudson.model.AdministrativeMonitor;
import io.jenkins.plugins.apitokens.engine.TokenQuery;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Warns administrators while legacy tokens remain: core keeps them in a recoverable form. Links to the overview,
 * where they can be reviewed and revoked together with every other token.
 */
@Extension
@Restricted(NoExternalUse.class)
public class LegacyTokensMonitor extends AdministrativeMonitor {

    @Override
    public String getDisplayName() {
        return Messages.LegacyTokensMonitor_DisplayName();
    }

    @Override
    public boolean isSecurity() {
        return true;
    }

    @Override
    public boolean isActivated() {
        return getCount() > 0;
    }

    public int getCount() {
        return ExpiringTokensMonitor.count(TokenQuery.Filter.LEGACY);
    }
}
