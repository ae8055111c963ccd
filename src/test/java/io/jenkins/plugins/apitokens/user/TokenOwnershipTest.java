package io.jenkins.plugins.apitokens.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.apitokens.TokenApi;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.audit.AuditTrail;
import io.jenkins.plugins.apitokens.engine.AuditEvent;
import io.jenkins.plugins.apitokens.engine.NewToken;
import io.jenkins.plugins.apitokens.engine.TokenInfo;
import io.jenkins.plugins.apitokens.policy.TokenPolicyConfiguration;
import java.time.Duration;
import java.time.Instant;
import net.sf.json.JSONObject;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Only a token's owner ever holds its value, unless the policy lets administrators issue tokens for others; and
 * rotation hands out a value under the policy in force now.
 */
@WithJenkins
class TokenOwnershipTest {

    private JenkinsRule r;

    @BeforeEach
    void setUp(JenkinsRule rule) {
        r = rule;
        TokenApi.secure(r);
    }

    private WebResponse asAdmin(String action, String... params) throws Exception {
        return TokenApi.callAs(r, HttpMethod.POST, "user/alice/api-tokens/" + action, "admin", params);
    }

    @Test
    void administratorsListAndRevokeButNeitherCreateNorRotateOthersTokensByDefault() throws Exception {
        NewToken own = TokenApi.mint("alice", "own");
        WebResponse create = asAdmin("create", "name", "by-admin");
        assertEquals(403, create.getStatusCode());
        assertFalse(create.getContentAsString().contains("jnkapi_"));
        WebResponse rotate = asAdmin("rotate", "id", own.token().id());
        assertEquals(403, rotate.getStatusCode());
        assertFalse(rotate.getContentAsString().contains("jnkapi_"));
        assertEquals(1, TokenEngine.get().service().list("alice").size(), "nothing made, nothing rotated");
        assertEquals(
                200,
                TokenApi.callAs(r, HttpMethod.GET, "user/alice/api-tokens/", "admin")
                        .getStatusCode());
        assertEquals(200, asAdmin("revoke", "id", own.token().id()).getStatusCode());
        assertTrue(TokenEngine.get().service().list("alice").isEmpty());
    }

    @Test
    void theSecurityPageOffersNoAddOrRotateToAnAdministratorOnAnotherUsersPage() throws Exception {
        TokenApi.mint("alice", "own");
        JenkinsRule.WebClient wc = r.createWebClient().login("admin");
        HtmlPage page = wc.goTo("user/alice/security/");
        assertTrue(page.querySelectorAll(".atm-add-button").isEmpty());
        assertTrue(page.querySelectorAll(".atm-rotate").isEmpty());
        assertFalse(page.querySelectorAll(".atm-revoke").isEmpty(), "revoking stays possible");
        assertTrue(page.querySelector(".atm-not-issuing").getTextContent().contains("Only alice"));
    }

    @Test
    void withThePolicySwitchAdministratorsIssueTokensMarkedAsIssuedByThem() throws Exception {
        TokenPolicyConfiguration.get().setTokensForOthersAllowed(true);
        WebResponse create = asAdmin("create", "name", "service");
        assertEquals(201, create.getStatusCode());
        JSONObject body = TokenApi.json(create);
        assertEquals("admin", body.getJSONObject("token").getString("issuedBy"));
        TokenInfo issued = TokenEngine.get().service().list("alice").get(0);
        assertEquals("admin", issued.issuedBy());
        AuditEvent created = AuditTrail.get().getEvents().stream()
                .filter(e -> e.tokenId() != null && e.tokenId().equals(issued.id()))
                .findFirst()
                .orElseThrow();
        assertEquals("admin", created.actor());
        assertEquals("issued by admin", created.detail());
        HtmlPage page = r.createWebClient().login("alice").goTo("user/alice/security/");
        assertTrue(page.querySelector(".atm-issued-by").getTextContent().contains("issued by admin"));
        HtmlPage overview = r.createWebClient().login("admin").goTo("manage/api-tokens/");
        assertTrue(overview.querySelector(".atm-issued-by").getTextContent().contains("issued by admin"));
    }

    @Test
    void aUserCreatingTheirOwnTokenIsNotMarkedAsIssued() throws Exception {
        WebResponse create =
                TokenApi.callAs(r, HttpMethod.POST, "user/alice/api-tokens/create", "alice", "name", "mine");
        assertEquals(201, create.getStatusCode());
        assertTrue(TokenApi.json(create).getJSONObject("token").get("issuedBy") instanceof net.sf.json.JSONNull);
    }

    @Test
    void rotationOverRestAppliesThePolicyInForce() throws Exception {
        NewToken forever = TokenApi.mint("alice", "forever");
        TokenPolicyConfiguration policy = TokenPolicyConfiguration.get();
        policy.setExpiryRequired(true);
        policy.setMaxLifetimeDays(30);
        policy.setFullScopeAllowed(false);
        WebResponse refused = TokenApi.callAs(
                r,
                HttpMethod.POST,
                "user/alice/api-tokens/rotate",
                "alice",
                "id",
                forever.token().id());
        assertEquals(400, refused.getStatusCode());
        assertTrue(TokenApi.json(refused).getString("message").contains("no longer allowed"));
        assertEquals(
                200,
                TokenApi.call(r, HttpMethod.GET, "whoAmI/api/json", "alice", forever.value())
                        .getStatusCode(),
                "a refused rotation keeps the token");

        policy.setFullScopeAllowed(true);
        WebResponse rotated = TokenApi.callAs(
                r,
                HttpMethod.POST,
                "user/alice/api-tokens/rotate",
                "alice",
                "id",
                forever.token().id());
        assertEquals(200, rotated.getStatusCode());
        Instant expires =
                Instant.parse(TokenApi.json(rotated).getJSONObject("token").getString("expires"));
        Instant limit = Instant.now().plus(Duration.ofDays(30));
        assertTrue(!expires.isAfter(limit) && expires.isAfter(limit.minusSeconds(60)), expires.toString());
    }
}
