package io.jenkins.plugins.apitokens.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.apitokens.TokenApi;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.engine.NewToken;
import io.jenkins.plugins.apitokens.policy.TokenPolicyConfiguration;
import java.util.Map;
import java.util.stream.Collectors;
import net.sf.json.JSONObject;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebResponse;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Rotation with a grace period through REST and the CLI, as the policy allows it, and how lists show it. */
@WithJenkins
class RotationGracePageTest {

    private JenkinsRule r;
    private NewToken deploy;

    @BeforeEach
    void setUp(JenkinsRule rule) {
        r = rule;
        TokenApi.secure(r);
        deploy = TokenApi.mint("alice", "deploy");
    }

    private WebResponse rotate(NewToken token, String grace) throws Exception {
        return TokenApi.call(
                r,
                HttpMethod.POST,
                "user/alice/api-tokens/rotate",
                "alice",
                token.value(),
                "id",
                token.token().id(),
                "grace",
                grace);
    }

    private int whoAmI(String value) throws Exception {
        return TokenApi.call(r, HttpMethod.GET, "whoAmI/api/json", "alice", value)
                .getStatusCode();
    }

    @Test
    void aGracePeriodIsRefusedUntilThePolicyAllowsOneThenBothValuesWork() throws Exception {
        WebResponse refused = rotate(deploy, "12h");
        assertEquals(400, refused.getStatusCode());
        assertTrue(TokenApi.json(refused).getString("message").contains("does not allow"));
        assertEquals(200, whoAmI(deploy.value()), "a refused rotation changes nothing");

        TokenPolicyConfiguration.get().setMaxRotationGraceHours(24);
        assertEquals(400, rotate(deploy, "2d").getStatusCode(), "beyond the maximum");
        assertEquals(400, rotate(deploy, "soon").getStatusCode(), "not a period");
        WebResponse rotated = rotate(deploy, "12h");
        assertEquals(200, rotated.getStatusCode(), rotated.getContentAsString());
        String newValue = TokenApi.json(rotated).getString("value");
        assertEquals(200, whoAmI(deploy.value()), "the old value works during the grace period");
        assertEquals(200, whoAmI(newValue));

        Map<String, JSONObject> listed = TokenApi.json(
                        TokenApi.call(r, HttpMethod.GET, "user/alice/api-tokens/", "alice", newValue))
                .getJSONArray("tokens")
                .stream()
                .map(JSONObject.class::cast)
                .collect(Collectors.toMap(t -> t.getString("id"), t -> t));
        JSONObject old = listed.get(deploy.token().id());
        assertTrue(old.getBoolean("retiring"), old.toString());
        assertEquals(TokenApi.json(rotated).getJSONObject("token").getString("id"), old.getString("replacedBy"));

        HtmlPage page = r.createWebClient().login("alice").goTo("user/alice/security/");
        DomElement row =
                page.querySelector("tr[data-token-id='" + deploy.token().id() + "']");
        DomElement badge = row.querySelector(".atm-retiring");
        assertNotNull(badge, row.asNormalizedText());
        assertTrue(badge.getTextContent().startsWith("retiring until "), badge.getTextContent());
        assertNull(row.querySelector(".atm-rotate"), "a retiring token is not rotated again");
        assertNull(row.querySelector(".atm-rename"));
        assertNotNull(row.querySelector(".atm-revoke"), "but it can be revoked at once");
        assertNotNull(page.querySelector(".atm-rotate-template"), "the rotate dialog offers grace periods");

        String overview = r.createWebClient()
                .login("admin")
                .goTo("manage/api-tokens/")
                .getWebResponse()
                .getContentAsString();
        assertTrue(overview.contains("retiring until "), "the overview shows it too");
        assertEquals(2, TokenEngine.get().service().list("alice").size());
    }
}
