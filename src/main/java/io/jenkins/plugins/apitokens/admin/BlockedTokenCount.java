package io.jenkins.plugins.apitokens.admin;

import hudson.Extension;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.coretokens.EveryToken;
import io.jenkins.plugins.apitokens.engine.TokenPolicy;
import io.jenkins.plugins.apitokens.engine.TokenQuery;
import io.jenkins.plugins.apitokens.engine.TokenRef;
import io.jenkins.plugins.apitokens.engine.TokenService;
import io.jenkins.plugins.apitokens.policy.BlockedTokens;
import java.util.HashSet;
import java.util.Set;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** The live tokens a policy would block, for its confirmation and log: the overview's filter. */
@Extension
@Restricted(NoExternalUse.class)
public class BlockedTokenCount implements BlockedTokens {

    @Override
    public Set<TokenRef> blockedBy(TokenPolicy policy) {
        TokenService service = TokenEngine.get().service();
        Set<TokenRef> blocked = new HashSet<>();
        new TokenQuery(TokenQuery.Filter.BREAKING_POLICY, 0, TokenQuery.Sort.USER, false, 0, 1)
                .matching(EveryToken.onInstance(service), policy, service.now())
                .forEach(token -> blocked.add(EveryToken.refOf(token)));
        return blocked;
    }
}
