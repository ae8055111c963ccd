package io.jenkins.plugins.apitokens.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.apitokens.TokenApi;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.engine.NewToken;
import io.jenkins.plugins.apitokens.engine.Scope;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class TokenAuthenticationTest {

    private JenkinsRule r;

    @BeforeEach
    void setUp(JenkinsRule rule) {
        r = rule;
        TokenApi.secure(r);
    }

    @AfterEach
    void resetClock() {
        TokenEngine.get().setClock(Clock.systemUTC());
    }

    private int status(String user, String secret) throws Exception {
        return TokenApi.call(r, HttpMethod.GET, "me/api/json", user, secret).getStatusCode();
    }

    @Test
    void curlWithUserAndTokenReachesMe() throws Exception {
        NewToken token = TokenApi.mint("alice", "curl");
        WebResponse response = TokenApi.call(r, HttpMethod.GET, "me/api/json", "alice", token.value());
        assertEquals(200, response.getStatusCode());
        assertEquals("alice", TokenApi.json(response).getString("id"));
    }

    @Test
    void anotherUsersTokenIsRefused() throws Exception {
        NewToken token = TokenApi.mint("alice", "curl");
        assertEquals(401, status("bob", token.value()));
    }

    @Test
    void revokedTokenIsRefused() throws Exception {
        NewToken token = TokenApi.mint("alice", "curl");
        TokenEngine.get().service().revoke("alice", token.token().id(), "alice");
        assertEquals(401, status("alice", token.value()));
    }

    @Test
    void tamperedTokenIsRefused() throws Exception {
        NewToken token = TokenApi.mint("alice", "curl");
        String tampered = token.value().substring(0, 20)
                + (token.value().charAt(20) == 'a' ? 'b' : 'a')
                + token.value().substring(21);
        assertEquals(401, status("alice", tampered));
    }

    @Test
    void tokenWorksUntilTheMillisecondBeforeExpiry() throws Exception {
        Instant expiry = Instant.now().plusSeconds(3600);
        NewToken token = TokenApi.mint("alice", "short", expiry, null);
        TokenEngine.get().setClock(Clock.fixed(expiry.minusMillis(1), ZoneOffset.UTC));
        assertEquals(200, status("alice", token.value()));
    }

    @Test
    void tokenIsRefusedAtItsExpiryInstant() throws Exception {
        Instant expiry = Instant.now().plusSeconds(3600);
        NewToken token = TokenApi.mint("alice", "short", expiry, null);
        TokenEngine.get().setClock(Clock.fixed(expiry, ZoneOffset.UTC));
        assertEquals(401, status("alice", token.value()));
    }

    @Test
    void readOnlyTokenMayRead() throws Exception {
        NewToken token = TokenApi.mint("alice", "reader", null, Scope.READ_ONLY);
        assertEquals(200, status("alice", token.value()));
    }

    @Test
    void readOnlyTokenCannotPost() throws Exception {
        NewToken token = TokenApi.mint("alice", "reader", null, Scope.READ_ONLY);
        WebResponse response = TokenApi.call(
                r, HttpMethod.POST, "user/alice/api-tokens/create", "alice", token.value(), "name", "sneaky");
        assertEquals(403, response.getStatusCode());
        assertTrue(response.getContentAsString().contains("read-only"), response.getContentAsString());
        assertEquals(1, TokenEngine.get().service().list("alice").size());
    }

    @Test
    void tokenAuthenticatedPostNeedsNoCrumb() throws Exception {
        NewToken token = TokenApi.mint("alice", "script");
        WebResponse response = TokenApi.call(
                r, HttpMethod.POST, "user/alice/api-tokens/create", "alice", token.value(), "name", "second");
        assertEquals(201, response.getStatusCode());
    }

    @Test
    void passwordAuthenticatedPostStillNeedsACrumb() throws Exception {
        WebResponse response =
                TokenApi.call(r, HttpMethod.POST, "user/alice/api-tokens/create", "alice", "alice", "name", "x");
        assertEquals(403, response.getStatusCode());
        assertTrue(TokenEngine.get().service().list("alice").isEmpty());
    }

    /** A GET by a read-only token that offers to switch protocols. */
    private WebResponse upgradeRequest(String path, String upgrade, String connection) throws Exception {
        NewToken token = TokenApi.mint("alice", "reader", null, Scope.READ_ONLY);
        WebRequest request = TokenApi.request(r, HttpMethod.GET, path);
        request.setAdditionalHeader("Upgrade", upgrade);
        request.setAdditionalHeader("Connection", connection);
        return r.createWebClient()
                .withThrowExceptionOnFailingStatusCode(false)
                .withBasicCredentials("alice", token.value())
                .loadWebResponse(request);
    }

    @Test
    void readOnlyTokenCannotOpenAWebSocketSuchAsTheCli() throws Exception {
        WebResponse response = upgradeRequest("cli/ws", "websocket", "Upgrade");
        assertEquals(403, response.getStatusCode());
        assertTrue(response.getContentAsString().contains("WebSocket connections"), response.getContentAsString());
    }

    @Test
    void readOnlyTokenMayReadWhenTheClientOffersHttp2() throws Exception {
        assertEquals(
                200,
                upgradeRequest("me/api/json", "h2c", "Upgrade, HTTP2-Settings").getStatusCode());
    }
}
