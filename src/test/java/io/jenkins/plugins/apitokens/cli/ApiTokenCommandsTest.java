package io.jenkins.plugins.apitokens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.cli.CLICommandInvoker;
import io.jenkins.plugins.apitokens.TokenApi;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.engine.NewToken;
import io.jenkins.plugins.apitokens.engine.TokenFormat;
import io.jenkins.plugins.apitokens.policy.TokenPolicyConfiguration;
import org.htmlunit.HttpMethod;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class ApiTokenCommandsTest {

    private JenkinsRule r;

    @BeforeEach
    void setUp(JenkinsRule rule) {
        r = rule;
        TokenApi.secure(r);
    }

    @Test
    void createPrintsOnlyTheValueAndItAuthenticates() throws Exception {
        CLICommandInvoker.Result result = new CLICommandInvoker(r, "create-api-token")
                .asUser("alice")
                .invokeWithArgs("cli", "--scope", "read-only");
        assertEquals(0, result.returnCode(), result.stderr());
        String value = result.stdout().strip();
        assertTrue(TokenFormat.isWellFormed(value), value);
        assertEquals(
                200,
                TokenApi.call(r, HttpMethod.GET, "me/api/json", "alice", value).getStatusCode());
    }

    @Test
    void listShowsNamesButNoValues() throws Exception {
        NewToken token = TokenApi.mint("alice", "listed");
        CLICommandInvoker.Result result =
                new CLICommandInvoker(r, "list-api-tokens").asUser("alice").invoke();
        assertEquals(0, result.returnCode());
        assertTrue(result.stdout().contains("listed"));
        assertTrue(result.stdout().contains(token.token().id()));
        assertFalse(result.stdout().contains(token.value()));
    }

    @Test
    void rotateThenRevoke() throws Exception {
        NewToken token = TokenApi.mint("alice", "cycle");
        CLICommandInvoker.Result rotated = new CLICommandInvoker(r, "rotate-api-token")
                .asUser("alice")
                .invokeWithArgs(token.token().id());
        assertEquals(0, rotated.returnCode(), rotated.stderr());
        String newId = TokenFormat.idOf(rotated.stdout().strip()).orElseThrow();
        CLICommandInvoker.Result revoked =
                new CLICommandInvoker(r, "revoke-api-token").asUser("alice").invokeWithArgs(newId);
        assertEquals(0, revoked.returnCode(), revoked.stderr());
        assertTrue(TokenEngine.get().service().list("alice").isEmpty());
    }

    @Test
    void rotateWithAGracePeriodKeepsTheOldValueAndTheListSaysItIsRetiring() throws Exception {
        NewToken token = TokenApi.mint("alice", "ci");
        CLICommandInvoker.Result refused = new CLICommandInvoker(r, "rotate-api-token")
                .asUser("alice")
                .invokeWithArgs(token.token().id(), "--grace", "2h");
        assertEquals(3, refused.returnCode(), "not allowed by default: " + refused.stderr());
        TokenPolicyConfiguration.get().setMaxRotationGraceHours(12);
        CLICommandInvoker.Result rotated = new CLICommandInvoker(r, "rotate-api-token")
                .asUser("alice")
                .invokeWithArgs(token.token().id(), "--grace", "2h");
        assertEquals(0, rotated.returnCode(), rotated.stderr());
        String newId = TokenFormat.idOf(rotated.stdout().strip()).orElseThrow();
        String listed = new CLICommandInvoker(r, "list-api-tokens")
                .asUser("alice")
                .invoke()
                .stdout();
        assertTrue(
                listed.lines()
                        .anyMatch(line -> line.startsWith(token.token().id() + "\t")
                                && line.split("\t")[9].equals(newId)), // RETIRING FOR
                listed);
        assertTrue(
                TokenEngine.get().service().verify("alice", token.value(), "x").isAccepted());
    }

    @Test
    void aRefusalIsOneLineWithoutAStackTrace() throws Exception {
        TokenApi.mint("alice", "taken");
        CLICommandInvoker.Result result =
                new CLICommandInvoker(r, "create-api-token").asUser("alice").invokeWithArgs("TAKEN");
        assertEquals(3, result.returnCode());
        assertTrue(result.stderr().contains("You already have a token named 'TAKEN'"), result.stderr());
        assertFalse(result.stderr().contains("at io.jenkins"), result.stderr());
    }

    @Test
    void usersCannotManageOthersAndAdministratorsListAndRevokeButIssueOnlyWhereThePolicySays() throws Exception {
        CLICommandInvoker.Result refused =
                new CLICommandInvoker(r, "create-api-token").asUser("bob").invokeWithArgs("x", "--user", "alice");
        assertEquals(6, refused.returnCode());
        CLICommandInvoker.Result notByDefault =
                new CLICommandInvoker(r, "create-api-token").asUser("admin").invokeWithArgs("x", "--user", "alice");
        assertEquals(6, notByDefault.returnCode(), notByDefault.stderr());
        assertTrue(notByDefault.stderr().contains("Only a token's owner"), notByDefault.stderr());
        assertTrue(TokenEngine.get().service().list("alice").isEmpty());

        TokenPolicyConfiguration.get().setTokensForOthersAllowed(true);
        CLICommandInvoker.Result allowed =
                new CLICommandInvoker(r, "create-api-token").asUser("admin").invokeWithArgs("x", "--user", "alice");
        assertEquals(0, allowed.returnCode(), allowed.stderr());
        assertEquals("admin", TokenEngine.get().service().list("alice").get(0).issuedBy());
        CLICommandInvoker.Result listed =
                new CLICommandInvoker(r, "list-api-tokens").asUser("admin").invokeWithArgs("--user", "alice");
        assertTrue(listed.stdout().contains("\tx\t"), listed.stdout());
    }
}
