package io.jenkins.plugins.apitokens.admin;

import io.jenkins.plugins.apitokens.BrowserFlow;
import io.jenkins.plugins.apitokens.TokenApi;
import io.jenkins.plugins.apitokens.coretokens.CoreTokens;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Runs {@code src/test/browser/decoy-flows.mjs} (headless Chromium through playwright-core): a decoy planted from the
 * Decoys page, its value shown once, tried, and the trip shown. Not a {@code *Test}: the {@code browser} profile runs
 * it.
 */
@WithJenkins
class DecoyPagesInChromium {

    /** Screenshots of the newer line carry its name, as those in docs/images do. */
    private static final String SUFFIX = CoreTokens.canExpire() ? "-2568" : "";

    @Test
    void aDecoyPlantedTriedAndShownAsABrowserShowsIt(JenkinsRule r) throws Exception {
        TokenApi.secure(r);
        BrowserFlow.run(
                r,
                "decoy-flows.mjs",
                "decoys.txt",
                BrowserFlow.SHOTS.toAbsolutePath().toString(),
                SUFFIX);
    }
}
