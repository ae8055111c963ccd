package io.jenkins.plugins.apitokens.admin;

import hudson.Extension;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.coretokens.EveryToken;
import io.jenkins.plugins.apitokens.engine.TokenPolicy;
import io.jenkins.plugins.apitokens.engine.TokenQuery;
import io.jenkins.plugins.apitokens.engine.TokenService;
import io.jenkins.plugins.apitokens.policy.BlockedTokens;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** Counts, for the policy's confirmation and log, the live tokens a policy would block: the overview's filter. */
@Extension
@Restricted(NoExternalUse.class)
public class BlockedTokenCount implements BlockedTokens {

    @Override
    public int countBlockedBy(TokenPolicy policy) {
        TokenService service = TokenEngine.get().service();
        return new TokenQuery(TokenQuery.Filter.BREAKING_POLICY, 0, TokenQuery.Sort.USER, false, 0, 1)
                .matching(EveryToken.onInstance(service), policy, service.now())
                .size();
    }
}
