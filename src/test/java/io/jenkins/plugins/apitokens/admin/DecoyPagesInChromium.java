package io.jenkins.plugins.apitokens.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.apitokens.TokenApi;
import io.jenkins.plugins.apitokens.coretokens.CoreTokens;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
        Path shots = Path.of("target", "browser");
        Files.createDirectories(shots);
        Path output = shots.resolve("decoys.txt");
        Process node = new ProcessBuilder(
                        "node",
                        new File("src/test/browser/decoy-flows.mjs").getAbsolutePath(),
                        r.getURL().toString(),
                        shots.toAbsolutePath().toString(),
                        SUFFIX)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        boolean done = node.waitFor(3, TimeUnit.MINUTES);
        node.destroyForcibly();
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        System.out.println(printed);
        assertTrue(done, "finished in time: " + printed);
        assertEquals(0, node.exitValue(), printed);
        assertTrue(printed.contains(" passed, 0 failed"), printed);
    }
}
