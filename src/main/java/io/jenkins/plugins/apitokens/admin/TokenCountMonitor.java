package io.jenkins.plugins.apitokens.admin;

import hudson.model.AdministrativeMonitor;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.engine.TokenQuery;
import io.jenkins.plugins.apitokens.engine.TokenService;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * A security warning about the tokens, the plugin's and core's, that one filter of the overview matches; its
 * message links to the overview with that filter.
 */
@Restricted(NoExternalUse.class)
public abstract class TokenCountMonitor extends AdministrativeMonitor {

    private final TokenQuery.Filter filter;

    TokenCountMonitor(TokenQuery.Filter filter) {
        this.filter = filter;
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
        return count(filter);
    }

    /** How many tokens, the plugin's and core's, the filter matches. */
    static int count(TokenQuery.Filter filter) {
        TokenService service = TokenEngine.get().service();
        return new TokenQuery(filter, 0, TokenQuery.Sort.USER, false, 0, 1)
                .matching(TokenOverview.everyToken(service), service.policy().getAgeThresholds(), service.now())
                .size();
    }
}
