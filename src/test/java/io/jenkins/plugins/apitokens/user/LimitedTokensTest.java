package io.jenkins.plugins.apitokens.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.hudson.plugins.folder.Folder;
import hudson.cli.CLICommandInvoker;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import io.jenkins.plugins.apitokens.TokenApi;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.engine.AuditEvent;
import io.jenkins.plugins.apitokens.engine.NewToken;
import io.jenkins.plugins.apitokens.engine.TokenInfo;
import io.jenkins.plugins.apitokens.policy.TokenPolicyConfiguration;
import java.util.List;
import jenkins.model.Jenkins;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Creating, showing and rotating tokens limited to folders and jobs, through REST, the pages and the CLI. */
@WithJenkins
class LimitedTokensTest {

    private JenkinsRule r;
    private NewToken aliceScript;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        TokenApi.secure(r);
        Folder team = r.jenkins.createProject(Folder.class, "team");
        team.createProject(FreeStyleProject.class, "app");
        Folder secret = r.jenkins.createProject(Folder.class, "secret");
        secret.createProject(FreeStyleProject.class, "vault");
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ)
                .everywhere()
                .toAuthenticated()
                .grant(Item.READ)
                .onFolders(team)
                .toAuthenticated()
                .grant(Item.READ)
                .onFolders(secret)
                .to("admin")
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin"));
        aliceScript = TokenApi.mint("alice", "script");
    }

    private WebResponse asAlice(HttpMethod method, String action, String... params) throws Exception {
        return TokenApi.call(r, method, "user/alice/api-tokens/" + action, "alice", aliceScript.value(), params);
    }

    @Test
    void restCreatesALimitedTokenAndShowsItsItemsEverywhere() throws Exception {
        WebResponse created =
                asAlice(HttpMethod.POST, "create", "name", "deploy", "scope", "run-builds", "items", " TEAM/app/ ");
        assertEquals(201, created.getStatusCode(), created.getContentAsString());
        JSONObject token = TokenApi.json(created).getJSONObject("token");
        assertEquals("run-builds", token.getString("scope"));
        assertEquals(List.of("team/app"), token.getJSONArray("items"), "named as Jenkins spells it");

        JSONArray listed = TokenApi.json(asAlice(HttpMethod.GET, "")).getJSONArray("tokens");
        assertEquals(2, listed.size());
        assertTrue(listed.toString().contains("\"items\":[\"team/app\"]"), listed.toString());
        assertTrue(listed.toString().contains("\"items\":[]"), "the everywhere token lists none: " + listed);

        HtmlPage page = r.createWebClient().login("alice").goTo("user/alice/security/");
        assertTrue(page.getWebResponse().getContentAsString().contains("in team/app"));
        HtmlPage overview = r.createWebClient().login("admin").goTo("manage/api-tokens/?filter=limited");
        assertEquals(1, overview.querySelectorAll(".atm-overview-row").size());
        assertTrue(overview.getWebResponse().getContentAsString().contains("in team/app"));
        HtmlPage everywhere = r.createWebClient().login("admin").goTo("manage/api-tokens/?filter=everywhere");
        assertFalse(everywhere.getWebResponse().getContentAsString().contains("in team/app"));

        List<AuditEvent> trail =
                io.jenkins.plugins.apitokens.audit.AuditTrail.get().getEvents();
        assertTrue(
                trail.stream().anyMatch(e -> "scope run-builds, limited to team/app".equals(e.detail())),
                trail.toString());
    }

    @Test
    void itemsMustExistAndBeVisibleAndBeNames() throws Exception {
        WebResponse missing = asAlice(HttpMethod.POST, "create", "name", "x", "items", "team/nope");
        assertEquals(400, missing.getStatusCode());
        assertTrue(
                missing.getContentAsString().contains("There is no folder or job named 'team/nope' that you can see."),
                missing.getContentAsString());
        WebResponse hidden = asAlice(HttpMethod.POST, "create", "name", "x", "items", "secret/vault");
        assertEquals(400, hidden.getStatusCode(), "alice cannot see it, so she cannot aim a token at it");
        WebResponse dots = asAlice(HttpMethod.POST, "create", "name", "x", "items", "team/../secret");
        assertEquals(400, dots.getStatusCode());
        assertTrue(dots.getContentAsString().contains("is not the full name of a folder or job"));
        assertEquals(1, TokenEngine.get().service().list("alice").size(), "nothing was created");
    }

    @Test
    void thePolicyCanRequireLimitedTokensAndRotationKeepsTheItems() throws Exception {
        NewToken limited = TokenApi.mint("alice", "limited", null, "team");
        TokenPolicyConfiguration.get().setItemLimitRequired(true);

        WebResponse everywhere = asAlice(HttpMethod.POST, "create", "name", "wide");
        assertEquals(400, everywhere.getStatusCode());
        assertTrue(everywhere.getContentAsString().contains("Tokens must be limited to folders or jobs"));
        WebResponse narrow = asAlice(HttpMethod.POST, "create", "name", "narrow", "items", "team/app");
        assertEquals(201, narrow.getStatusCode(), narrow.getContentAsString());

        WebResponse rotateWide =
                asAlice(HttpMethod.POST, "rotate", "id", aliceScript.token().id());
        assertEquals(400, rotateWide.getStatusCode());
        assertTrue(rotateWide.getContentAsString().contains("create a new token limited to the items"));

        WebResponse rotated =
                asAlice(HttpMethod.POST, "rotate", "id", limited.token().id());
        assertEquals(200, rotated.getStatusCode(), rotated.getContentAsString());
        assertEquals(
                List.of("team"), TokenApi.json(rotated).getJSONObject("token").getJSONArray("items"));
    }

    @Test
    void theAddFormCompletesNamesTheUserCanSee() throws Exception {
        WebResponse suggestions = TokenApi.callAs(
                r, HttpMethod.POST, "user/alice/api-tokens/autoCompleteItems", "alice", "value", "ops, te");
        assertEquals(200, suggestions.getStatusCode());
        String body = suggestions.getContentAsString();
        assertTrue(body.contains("\"team\""), body);
        assertFalse(body.contains("secret"), body);
        WebResponse deeper = TokenApi.callAs(
                r, HttpMethod.POST, "user/alice/api-tokens/autoCompleteItems", "alice", "value", "team/");
        assertTrue(deeper.getContentAsString().contains("\"team/app\""), deeper.getContentAsString());
        WebResponse forBob =
                TokenApi.callAs(r, HttpMethod.POST, "user/alice/api-tokens/autoCompleteItems", "bob", "value", "te");
        assertFalse(forBob.getContentAsString().contains("team"), "not for someone else's tokens");
    }

    @Test
    void theCliCreatesAndListsLimitedTokens() throws Exception {
        CLICommandInvoker.Result created = new CLICommandInvoker(r, "create-api-token")
                .asUser("alice")
                .invokeWithArgs("deploy", "--scope", "run-builds", "--items", "team/app");
        assertEquals(0, created.returnCode(), created.stderr());
        CLICommandInvoker.Result listed =
                new CLICommandInvoker(r, "list-api-tokens").asUser("alice").invoke();
        assertTrue(listed.stdout().contains("\tuser\trun-builds\tteam/app\t"), listed.stdout());
        assertTrue(listed.stdout().contains("\tuser\tfull\t*\t"), listed.stdout());
        CLICommandInvoker.Result refused = new CLICommandInvoker(r, "create-api-token")
                .asUser("alice")
                .invokeWithArgs("hidden", "--items", "secret");
        assertTrue(refused.returnCode() != 0, refused.stdout());
        assertTrue(refused.stderr().contains("There is no folder or job named 'secret'"), refused.stderr());
        List<TokenInfo> tokens = TokenEngine.get().service().list("alice");
        assertEquals(2, tokens.size());
    }
}
