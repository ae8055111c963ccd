package io.jenkins.plugins.apitokens.admin;

import hudson.Extension;
import hudson.model.AdministrativeMonitor;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.engine.TokenQuery;
import io.jenkins.plugins.apitokens.engine.TokenService;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** Warns administrators of tokens that expire within 7 days, so the scripts using them can be given new ones. */
@Extension
@Restricted(NoExternalUse.class)
public class ExpiringTokensMonitor extends AdministrativeMonitor {

    @Override
    public String getDisplayName() {
        return Messages.ExpiringTokensMonitor_DisplayName();
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
        return count(TokenQuery.Filter.EXPIRING);
    }

    /** How many tokens, the plugin's and core's, the filter matches. */
    static int count(TokenQuery.Filter filter) {
        TokenService service = TokenEngine.get().service();
        return new TokenQuery(filter, 0, TokenQuery.Sort.USER, false, 0, 1)
                .matching(TokenOverview.everyToken(service), service.policy().getAgeThresholds(), service.now())
                .size();
    }
}
