package io.jenkins.plugins.apitokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * Runs one of the page-flow scripts of {@code src/test/browser} (headless Chromium through playwright-core) against
 * a Jenkins, and fails unless every check in it passed. Screenshots and the script's output go to
 * {@code target/browser}.
 */
public final class BrowserFlow {

    /** Where the scripts put their screenshots. */
    public static final Path SHOTS = Path.of("target", "browser");

    private BrowserFlow() {}

    /**
     * @param script a file of {@code src/test/browser}
     * @param output the name of the file, in {@link #SHOTS}, that keeps what the script printed
     * @param args the script's arguments after Jenkins' URL
     */
    public static void run(JenkinsRule r, String script, String output, String... args) throws Exception {
        Files.createDirectories(SHOTS);
        Path printedTo = SHOTS.resolve(output);
        List<String> command = new ArrayList<>(List.of(
                "node",
                new File("src/test/browser/" + script).getAbsolutePath(),
                r.getURL().toString()));
        command.addAll(List.of(args));
        Process node = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(printedTo.toFile())
                .start();
        boolean done = node.waitFor(3, TimeUnit.MINUTES);
        node.destroyForcibly();
        String printed = Files.readString(printedTo, StandardCharsets.UTF_8);
        System.out.println(printed);
        assertTrue(done, "finished in time: " + printed);
        assertEquals(0, node.exitValue(), printed);
        assertTrue(printed.contains(" passed, 0 failed"), printed);
    }
}
