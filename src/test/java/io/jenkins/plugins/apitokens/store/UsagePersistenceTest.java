package io.jenkins.plugins.apitokens.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.jenkins.plugins.apitokens.TokenApi;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.engine.NewToken;
import io.jenkins.plugins.apitokens.engine.TokenInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.htmlunit.HttpMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/** Tokens and their usage survive a clean restart, and a burst of requests does not rewrite the file each time. */
class UsagePersistenceTest {

    @RegisterExtension
    private final JenkinsSessionExtension session = new JenkinsSessionExtension();

    @Test
    void usageCountsSurviveARestartWithoutAWritePerRequest() throws Throwable {
        String[] value = new String[1];
        session.then(r -> {
            TokenApi.secure(r);
            NewToken token = TokenApi.mint("alice", "busy");
            value[0] = token.value();
            Path file = r.jenkins.getRootDir().toPath().resolve("users");
            Path stored;
            try (var files = Files.walk(file)) {
                stored = files.filter(p -> p.endsWith(UserFolderTokenStore.FILE_NAME))
                        .findFirst()
                        .orElseThrow();
            }
            long writtenAt = Files.getLastModifiedTime(stored).toMillis();
            String before = Files.readString(stored);
            for (int i = 0; i < 20; i++) {
                assertEquals(
                        200,
                        TokenApi.call(r, HttpMethod.GET, "me/api/json", "alice", value[0])
                                .getStatusCode());
            }
            assertEquals(before, Files.readString(stored), "no write per request");
            assertEquals(writtenAt, Files.getLastModifiedTime(stored).toMillis());
            assertEquals(20, TokenEngine.get().service().list("alice").get(0).useCount());
            r.jenkins.save();
        });
        session.then(r -> {
            TokenInfo token = TokenEngine.get().service().list("alice").get(0);
            assertEquals("busy", token.name());
            assertEquals(20, token.useCount());
            assertNotNull(token.lastUse());
            assertEquals(
                    200,
                    TokenApi.call(r, HttpMethod.GET, "me/api/json", "alice", value[0])
                            .getStatusCode());
        });
    }
}
