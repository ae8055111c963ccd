package io.jenkins.plugins.apitokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;
import net.sf.json.JSONObject;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebResponse;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.LogRecorder;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** After a token is created, used and rotated, its values exist nowhere under JENKINS_HOME, in the log or in pages. */
@WithJenkins
class SecretHygieneTest {

    @Test
    void valuesAreNeitherOnDiskNorInTheLogNorOnThePage(JenkinsRule r) throws Exception {
        try (LogRecorder log = new LogRecorder()
                .record("io.jenkins.plugins.apitokens", Level.ALL)
                .capture(1000)) {
            TokenApi.secure(r);
            WebResponse created = TokenApi.call(
                    r,
                    HttpMethod.POST,
                    "user/alice/api-tokens/create",
                    "alice",
                    TokenApi.mint("alice", "bootstrap").value(),
                    "name",
                    "deploy");
            JSONObject body = TokenApi.json(created);
            String value = body.getString("value");
            String id = body.getJSONObject("token").getString("id");
            assertEquals(
                    200,
                    TokenApi.call(r, HttpMethod.GET, "me/api/json", "alice", value)
                            .getStatusCode());
            String rotated = TokenApi.json(
                            TokenApi.call(r, HttpMethod.POST, "user/alice/api-tokens/rotate", "alice", value, "id", id))
                    .getString("value");
            TokenEngine.get().service().flushUsage();
            r.jenkins.save();

            assertTrue(Files.exists(r.jenkins.getRootDir().toPath().resolve("users")));
            for (String secret : List.of(value, rotated)) {
                assertFalse(anyFileContains(r.jenkins.getRootDir().toPath(), secret), "a value is on disk");
                assertTrue(log.getMessages().stream().noneMatch(m -> m.contains(secret)), "a value is in the log");
            }
            assertTrue(
                    log.getMessages().stream().anyMatch(m -> m.contains("CREATED") && m.contains("deploy")),
                    "the audit log names the token: " + log.getMessages());

            JenkinsRule.WebClient wc = r.createWebClient().login("alice");
            String page = wc.goTo("user/alice/security/").getWebResponse().getContentAsString();
            assertTrue(page.contains("deploy"));
            assertFalse(page.contains(rotated));
        }
    }

    private static boolean anyFileContains(Path root, String secret) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).anyMatch(file -> {
                try {
                    return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(secret);
                } catch (IOException e) {
                    return false;
                }
            });
        }
    }
}
