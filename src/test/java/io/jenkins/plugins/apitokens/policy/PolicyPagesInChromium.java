package io.jenkins.plugins.apitokens.policy;

import hudson.model.User;
import io.jenkins.plugins.apitokens.BrowserFlow;
import io.jenkins.plugins.apitokens.TokenApi;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.coretokens.CoreTokens;
import io.jenkins.plugins.apitokens.engine.ExpiryChoice;
import io.jenkins.plugins.apitokens.engine.TokenRequest;
import java.time.LocalDate;
import jenkins.security.ApiTokenProperty;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Runs {@code src/test/browser/policy-flows.mjs} (headless Chromium through playwright-core): core's token section
 * held to a strict policy, tokens marked as breaking it, the grouped policy form and the overview's filter, as people
 * see them on this Jenkins line; on a core whose tokens can expire, core's form trimmed to what the policy allows.
 * Not a {@code *Test}: the {@code browser} profile runs it.
 */
@WithJenkins
class PolicyPagesInChromium {

    /** Screenshots of the newer line carry its name, as those in docs/images do. */
    private static final String SUFFIX = CoreTokens.canExpire() ? "-2568" : "";

    @Test
    void coresSectionMarkedTokensGroupedFormAndOverviewAsABrowserShowsThem(JenkinsRule r) throws Exception {
        TokenApi.secure(r);
        r.createFreeStyleProject("app");
        TokenEngine.get().service().create("alice", new TokenRequest("old script", ExpiryChoice.NEVER, null), "alice");
        User.getById("alice", false).getProperty(ApiTokenProperty.class).generateNewToken("made in core's section");
        TokenApi.changePolicy(policy -> {
            policy.setExpiryRequired(true);
            policy.setMaxLifetimeDays(30);
            policy.setFullScopeAllowed(false);
            policy.setRunBuildsScopeAllowed(true);
            policy.setItemLimitRequired(true);
            policy.setEnforcementDate(LocalDate.now().plusDays(14).toString());
        });
        run(r, "held");

        if (CoreTokens.canExpire()) {
            TokenApi.changePolicy(policy -> {
                policy.setFullScopeAllowed(true);
                policy.setItemLimitRequired(false);
            });
            run(r, "trimmed");
        }
    }

    private static void run(JenkinsRule r, String mode) throws Exception {
        BrowserFlow.run(
                r,
                "policy-flows.mjs",
                "policy-" + mode + ".txt",
                mode,
                BrowserFlow.SHOTS.toAbsolutePath().toString(),
                SUFFIX);
    }
}
