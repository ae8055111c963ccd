package io.jenkins.plugins.apitokens.admin;

import hudson.model.AdministrativeMonitor;
import io.jenkins.plugins.apitokens.engine.TokenQuery;
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

    /** As of the last count ({@link TokenCounts}): rendering a monitor never scans every token. */
    public int getCount() {
        return TokenCounts.get().of(filter);
    }
}
