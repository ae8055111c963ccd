package io.jenkins.plugins.apitokens.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.User;
import io.jenkins.plugins.apitokens.TokenApi;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.engine.AuditEvent;
import io.jenkins.plugins.apitokens.engine.NewToken;
import io.jenkins.plugins.apitokens.engine.Reach;
import io.jenkins.plugins.apitokens.engine.Scope;
import io.jenkins.plugins.apitokens.policy.TokenPolicyConfiguration;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import jenkins.security.ApiTokenProperty;
import net.sf.json.JSONObject;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * A token authenticates the request that carries it and nothing more: no remember-me cookie, no session, no other
 * cookie, whatever the request asks for, for every kind of token (core's included).
 */
@WithJenkins
class NoSessionFromTokenTest {

    private JenkinsRule r;

    @BeforeEach
    void setUp(JenkinsRule rule) {
        r = rule;
        TokenApi.secure(r);
        TokenPolicyConfiguration.get().setBuildTokenFullAccessAllowed(true);
    }

    /** One value of each kind of token alice can have. */
    private List<String> everyKindOfToken() throws Exception {
        NewToken full = TokenApi.mint("alice", "full");
        NewToken readOnly = TokenApi.mint("alice", "read-only", null, Scope.READ_ONLY);
        NewToken build = TokenEngine.get()
                .service()
                .createForBuild("alice", "build job #1", "job#1", Scope.FULL, Reach.EVERYWHERE, AuditEvent.SYSTEM);
        String core =
                User.getById("alice", false).getProperty(ApiTokenProperty.class).generateNewToken("core").plainValue;
        return List.of(full.value(), readOnly.value(), build.value(), core);
    }

    private WebResponse send(HttpMethod method, String path, String secret, String... params) throws Exception {
        JenkinsRule.WebClient wc = r.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        wc.withBasicCredentials("alice", secret);
        WebRequest request = TokenApi.request(r, method, path, params);
        return wc.loadWebResponse(request);
    }

    private static List<NameValuePair> cookiesSet(WebResponse response) {
        return response.getResponseHeaders().stream()
                .filter(header -> header.getName().equalsIgnoreCase("Set-Cookie"))
                .toList();
    }

    @Test
    void rememberMeIsNeverGrantedToATokenOnGet() throws Exception {
        for (String token : everyKindOfToken()) {
            WebResponse response = send(HttpMethod.GET, "whoAmI/api/json?remember_me=true", token);
            assertEquals(200, response.getStatusCode());
            assertEquals("alice", TokenApi.json(response).getString("name"), "the token itself works");
            assertEquals(List.of(), cookiesSet(response), "no cookie for " + token.substring(0, 7));
        }
    }

    @Test
    void rememberMeIsNeverGrantedToATokenOnPost() throws Exception {
        int n = 0;
        for (String token : everyKindOfToken()) {
            WebResponse response =
                    send(HttpMethod.POST, "user/alice/api-tokens/create?remember_me=true", token, "name", "n" + n++);
            assertEquals(List.of(), cookiesSet(response), "no cookie, status " + response.getStatusCode());
        }
    }

    @Test
    void aPasswordLoginStillGetsItsRememberMeCookie() throws Exception {
        // The dummy realm's password is the user name: the protection is for tokens only.
        WebResponse response = send(HttpMethod.GET, "whoAmI/api/json?remember_me=true", "alice");
        assertEquals(200, response.getStatusCode());
        assertTrue(
                cookiesSet(response).stream().anyMatch(c -> c.getValue().startsWith("remember-me=")),
                "core's behaviour for passwords is unchanged");
    }

    @Test
    void aTokenRequestNeverChangesWhoTheSessionItArrivesWithIs() throws Exception {
        NewToken readOnly = TokenApi.mint("alice", "read-only", null, Scope.READ_ONLY);
        JenkinsRule.WebClient wc = r.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        wc.login("bob"); // a browser session of someone else
        wc.getOptions().setRedirectEnabled(false);
        // Stapler redirects to add the trailing slash: the response is committed while alice's token is in force,
        // which is when Spring Security saves the identity of the moment into an existing session.
        WebRequest me = TokenApi.request(r, HttpMethod.GET, "user/alice");
        me.setAdditionalHeader(
                "Authorization",
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString(("alice:" + readOnly.value()).getBytes(StandardCharsets.UTF_8)));
        WebResponse redirected = wc.loadWebResponse(me);
        assertEquals(302, redirected.getStatusCode());
        JSONObject who = TokenApi.json(wc.loadWebResponse(TokenApi.request(r, HttpMethod.GET, "whoAmI/api/json")));
        assertEquals("bob", who.getString("name"), "the session is still bob's: " + who);
    }

    @Test
    void aRefusedTokenGetsNoCookieEither() throws Exception {
        NewToken token = TokenApi.mint("alice", "revoked");
        TokenEngine.get().service().revoke("alice", token.token().id(), "alice");
        WebResponse response = send(HttpMethod.GET, "whoAmI/api/json?remember_me=true", token.value());
        assertEquals(401, response.getStatusCode());
        assertNull(
                cookiesSet(response).stream()
                        .filter(c -> c.getValue().startsWith("remember-me=")
                                && !c.getValue().startsWith("remember-me=;"))
                        .findFirst()
                        .orElse(null),
                "no remember-me cookie with a value");
    }
}
