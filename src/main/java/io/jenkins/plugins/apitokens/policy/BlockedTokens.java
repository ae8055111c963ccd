package io.jenkins.plugins.apitokens.policy;

import hudson.ExtensionList;
import hudson.ExtensionPoint;
import io.jenkins.plugins.apitokens.engine.TokenPolicy;
import io.jenkins.plugins.apitokens.engine.TokenRef;
import java.util.Set;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * How many live tokens a policy would block from its enforcement date, so that saving a date asks the administrator
 * to confirm the number and JCasC logs it. The tokens are known above the policy (core's among them), so the count
 * is an extension implemented there.
 */
@Restricted(NoExternalUse.class)
public interface BlockedTokens extends ExtensionPoint {

    /** The live tokens that break {@code policy}, named as bulk actions name them; none without an enforcement date. */
    Set<TokenRef> blockedBy(TokenPolicy policy);

    /** Those of the one implementation; none while none is loaded (at start-up). */
    static Set<TokenRef> of(TokenPolicy policy) {
        if (policy.getEnforcementStart() == null) {
            return Set.of();
        }
        ExtensionList<BlockedTokens> counters = ExtensionList.lookup(BlockedTokens.class);
        return counters.isEmpty() ? Set.of() : counters.get(0).blockedBy(policy);
    }
}
