package io.jenkins.plugins.apitokens.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.cli.CLICommandInvoker;
import hudson.model.User;
import io.jenkins.plugins.apitokens.TokenApi;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.cli.ListApiTokensCommand;
import io.jenkins.plugins.apitokens.cli.RevokeApiTokenCommand;
import io.jenkins.plugins.apitokens.engine.AuditEvent;
import io.jenkins.plugins.apitokens.engine.Reach;
import io.jenkins.plugins.apitokens.policy.TokenPolicyConfiguration;
import java.util.Locale;
import jenkins.security.ApiTokenProperty;
import net.sf.json.JSONArray;
import net.sf.json.JSONNull;
import net.sf.json.JSONObject;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** REST and the CLI list the same tokens as the page (core's too), and read expiries as the form does. */
@WithJenkins
class OneListTest {

    private JenkinsRule r;

    @BeforeEach
    void setUp(JenkinsRule rule) {
        r = rule;
        TokenApi.secure(r);
    }

    private String coreToken(String name) throws Exception {
        return User.getById("alice", false).getProperty(ApiTokenProperty.class).generateNewToken(name).tokenUuid;
    }

    private JSONArray restList() throws Exception {
        return TokenApi.json(TokenApi.callAs(r, HttpMethod.GET, "user/alice/api-tokens/", "alice"))
                .getJSONArray("tokens");
    }

    private JSONObject create(String... params) throws Exception {
        WebResponse response = TokenApi.callAs(r, HttpMethod.POST, "user/alice/api-tokens/create", "alice", params);
        JSONObject body = TokenApi.json(response);
        body.put("status", response.getStatusCode());
        return body;
    }

    @Test
    void restListsCoreTokensMarkedByOriginAndRevokesThemThroughCore() throws Exception {
        TokenApi.mint("alice", "plugin");
        String uuid = coreToken("from core");
        JSONArray tokens = restList();
        assertEquals(2, tokens.size(), tokens.toString());
        JSONObject core = tokens.getJSONObject(1);
        assertEquals(uuid, core.getString("id"));
        assertEquals("core", core.getString("origin"));
        assertEquals("plugin", tokens.getJSONObject(0).getString("name"));

        WebResponse revoked = TokenApi.callAs(r, HttpMethod.POST, "user/alice/api-tokens/revoke", "alice", "id", uuid);
        assertEquals(200, revoked.getStatusCode(), revoked.getContentAsString());
        assertTrue(User.getById("alice", false)
                .getProperty(ApiTokenProperty.class)
                .getTokenList()
                .isEmpty());
        assertEquals(1, restList().size());
        assertEquals(
                404,
                TokenApi.callAs(r, HttpMethod.POST, "user/alice/api-tokens/revoke", "alice", "id", "nope")
                        .getStatusCode());
    }

    @Test
    void theCliListsAndRevokesCoreTokensToo() throws Exception {
        String uuid = coreToken("from core");
        CLICommandInvoker.Result list = new CLICommandInvoker(r, new ListApiTokensCommand())
                .asUser("alice")
                .invoke();
        assertEquals(0, list.returnCode(), list.stderr());
        assertTrue(list.stdout().contains(uuid + "\tfrom core\tcore\t"), list.stdout());
        CLICommandInvoker.Result revoke = new CLICommandInvoker(r, new RevokeApiTokenCommand())
                .asUser("alice")
                .invokeWithArgs(uuid);
        assertEquals(0, revoke.returnCode(), revoke.stderr());
        assertTrue(User.getById("alice", false)
                .getProperty(ApiTokenProperty.class)
                .getTokenList()
                .isEmpty());
    }

    @Test
    void neverMeansNeverWhereAllowedEvenWithADefaultLifetime() throws Exception {
        TokenPolicyConfiguration.get().setDefaultLifetimeDays(90);
        JSONObject never = create("name", "forever", "expiry", "never");
        assertEquals(201, never.getInt("status"), never.toString());
        assertEquals(JSONNull.getInstance(), never.getJSONObject("token").get("expires"));
        JSONObject byDefault = create("name", "default");
        assertTrue(byDefault.getJSONObject("token").getString("expires").length() > 0, "the default lifetime");
    }

    @Test
    void neverIsRefusedWithAMessageWhereThePolicyRequiresAnExpiry() throws Exception {
        TokenPolicyConfiguration.get().setExpiryRequired(true);
        TokenPolicyConfiguration.get().setDefaultLifetimeDays(30);
        JSONObject never = create("name", "forever", "expiry", "never");
        assertEquals(400, never.getInt("status"));
        assertTrue(never.getString("message").contains("'Never' is not allowed"), never.toString());
        assertTrue(TokenEngine.get().service().list("alice").isEmpty());
    }

    @Test
    void aDateIsValidThroughThatWholeDayAsCoresAre() throws Exception {
        JSONObject token = create("name", "dated", "expiry", "2099-01-31");
        assertEquals("2099-02-01T00:00:00Z", token.getJSONObject("token").getString("expires"));
    }

    @Test
    void namesThatChangeHowAListReadsAreRefused() throws Exception {
        JSONObject bidi = create("name", "deploy\u202Etxt.exe");
        assertEquals(400, bidi.getInt("status"));
        JSONObject separator = create("name", "one\u2028two");
        assertEquals(400, separator.getInt("status"));
        assertTrue(TokenEngine.get().service().list("alice").isEmpty());
    }

    @Test
    void jsonIsTheSameInATurkishLocale() throws Exception {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try {
            TokenPolicyConfiguration.get().setBuildTokenUser("alice");
            TokenEngine.get()
                    .service()
                    .createForBuild("alice", "build job #1", "job#1", null, Reach.EVERYWHERE, AuditEvent.SYSTEM);
            JSONObject token = restList().getJSONObject(0);
            assertEquals("build", token.getString("origin"));
            assertEquals("fresh", token.getString("ageBand"));
        } finally {
            Locale.setDefault(before);
        }
    }
}
