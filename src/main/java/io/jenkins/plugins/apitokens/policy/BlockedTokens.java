package io.jenkins.plugins.apitokens.policy;

import hudson.ExtensionList;
import hudson.ExtensionPoint;
import io.jenkins.plugins.apitokens.engine.TokenPolicy;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * How many live tokens a policy would block from its enforcement date, so that saving a date asks the administrator
 * to confirm the number and JCasC logs it. The tokens are known above the policy (core's among them), so the count
 * is an extension implemented there.
 */
@Restricted(NoExternalUse.class)
public interface BlockedTokens extends ExtensionPoint {

    /** How many live tokens break {@code policy}; 0 when it has no enforcement date. */
    int countBlockedBy(TokenPolicy policy);

    /** The count of the one implementation; 0 while none is loaded (at start-up). */
    static int count(TokenPolicy policy) {
        if (policy.getEnforcementStart() == null) {
            return 0;
        }
        ExtensionList<BlockedTokens> counters = ExtensionList.lookup(BlockedTokens.class);
        return counters.isEmpty() ? 0 : counters.get(0).countBlockedBy(policy);
    }
}
