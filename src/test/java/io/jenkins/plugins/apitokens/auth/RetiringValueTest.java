package io.jenkins.plugins.apitokens.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.User;
import io.jenkins.plugins.apitokens.RawHttp;
import io.jenkins.plugins.apitokens.TokenApi;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.engine.NewToken;
import io.jenkins.plugins.apitokens.engine.TokenInfo;
import io.jenkins.plugins.apitokens.policy.TokenPolicyConfiguration;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import jenkins.security.ApiTokenProperty;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The old value of a token rotated with a grace period works only so scripts can switch: it may read and act as its
 * token did, but never create, rotate or reveal tokens or credentials (measured on a real Jenkins before this: it
 * could rotate its own successor, handing whoever holds the old value a fresh one and cutting the owner off).
 */
@WithJenkins
class RetiringValueTest {

    private JenkinsRule r;
    private NewToken old;
    private NewToken successor;

    @BeforeEach
    void setUp(JenkinsRule rule) {
        r = rule;
        TokenApi.secure(r);
        TokenPolicyConfiguration.get().setMaxRotationGraceHours(24);
        old = TokenApi.mint("alice", "deploy");
        successor = TokenEngine.get().service().rotate("alice", old.token().id(), "alice", Duration.ofHours(12));
    }

    private WebResponse withOldValue(String path, String... params) throws Exception {
        return TokenApi.call(r, HttpMethod.POST, path, "alice", old.value(), params);
    }

    @Test
    void theOldValueStillReadsDuringItsGracePeriod() throws Exception {
        assertEquals(
                200,
                TokenApi.call(r, HttpMethod.GET, "whoAmI/api/json", "alice", old.value())
                        .getStatusCode());
    }

    @Test
    void theOldValueCannotRotateItsSuccessor() throws Exception {
        WebResponse refused = withOldValue(
                "user/alice/api-tokens/rotate", "id", successor.token().id());
        assertEquals(403, refused.getStatusCode(), refused.getContentAsString());
        assertTrue(refused.getContentAsString().contains("the old value of a rotation"), refused.getContentAsString());
        assertEquals(
                200,
                TokenApi.call(r, HttpMethod.GET, "whoAmI/api/json", "alice", successor.value())
                        .getStatusCode(),
                "the successor is untouched");
    }

    @Test
    void theOldValueCannotCreateTokensAnywhere() throws Exception {
        int before = TokenEngine.get().service().list("alice").size();
        List<String[]> creations = List.of(
                new String[] {"user/alice/api-tokens/create", "name"},
                new String[] {
                    "user/alice/descriptorByName/jenkins.security.ApiTokenProperty/generateNewToken", "newTokenName"
                },
                new String[] {"me/descriptorByName/jenkins.security.ApiTokenProperty/generateNewToken", "newTokenName"},
                new String[] {"cli?remoting=false", "x"});
        for (String[] creation : creations) {
            WebResponse refused = withOldValue(creation[0], creation[1], "from the old value");
            assertEquals(403, refused.getStatusCode(), creation[0] + ": " + refused.getContentAsString());
        }
        assertEquals(before, TokenEngine.get().service().list("alice").size(), "no plugin token was made");
        ApiTokenProperty core = User.getById("alice", false).getProperty(ApiTokenProperty.class);
        assertTrue(core == null || core.getTokenList().isEmpty(), "no core token was made");
    }

    @Test
    void theOldValueCannotRevealOrStoreCredentials() throws Exception {
        WebResponse refused =
                withOldValue("user/alice/credentials/store/user/domain/_/createCredentials", "json", "{}");
        assertEquals(403, refused.getStatusCode(), refused.getContentAsString());
    }

    @Test
    void theSuccessorKeepsEveryRightOfAFullToken() throws Exception {
        WebResponse created = TokenApi.call(
                r,
                HttpMethod.POST,
                "user/alice/api-tokens/create",
                "alice",
                successor.value(),
                "name",
                "made by the successor");
        assertEquals(201, created.getStatusCode(), created.getContentAsString());
        List<TokenInfo> tokens = TokenEngine.get().service().list("alice");
        assertTrue(tokens.stream().anyMatch(t -> t.name().equals("made by the successor")), tokens.toString());
    }

    @Test
    void theOldValueCannotReachTheAccountThroughDotSegmentsOrBackThroughAJobsParent() throws Exception {
        r.createFreeStyleProject("app");
        for (String path : List.of(
                "whoAmI/../user/alice/security/configSubmit",
                "./user/alice/security/configSubmit",
                "job/app/parent/user/alice/security/configSubmit",
                "job/app/parent/me/descriptorByName/jenkins.security.ApiTokenProperty/generateNewToken")) {
            RawHttp.Reply reply = RawHttp.send(r.getURL(), "POST", path, "alice", old.value(), Map.of());
            assertEquals(403, reply.status(), path + ": " + reply.body());
            assertTrue(reply.body().contains("the old value of a rotation"), path + ": " + reply.body());
        }
    }

    @Test
    void theOldValueCannotReadTheSecurityPageWhereCoreShowsTheLegacyToken() throws Exception {
        for (String path : List.of("me/security/", "user/alice/security/", "user/alice/configure")) {
            WebResponse refused = TokenApi.call(r, HttpMethod.GET, path, "alice", old.value());
            assertEquals(403, refused.getStatusCode(), path);
        }
        assertEquals(
                200,
                TokenApi.call(r, HttpMethod.GET, "me/security/", "alice", successor.value())
                        .getStatusCode(),
                "the successor, a full token, still may");
    }

    @Test
    void theOldValueCannotAddCredentialsThroughCoresDescriptorRoute() throws Exception {
        WebResponse refused = withOldValue(
                "descriptor/com.cloudbees.plugins.credentials.CredentialsSelectHelper/resolver/x/addCredentials");
        assertEquals(403, refused.getStatusCode(), refused.getContentAsString());
    }
}
