package io.jenkins.plugins.apitokens.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.UserCredentialsProvider;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.apitokens.TokenApi;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.engine.NewToken;
import io.jenkins.plugins.apitokens.pipeline.JenkinsApiTokenCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import net.sf.json.JSONObject;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.jvnet.localizer.LocaleProvider;
import org.kohsuke.stapler.Stapler;
import org.kohsuke.stapler.StaplerRequest2;

@WithJenkins
class ApiTokensActionTest {

    private JenkinsRule r;
    private NewToken aliceScript;

    @BeforeEach
    void setUp(JenkinsRule rule) {
        r = rule;
        TokenApi.secure(r);
        aliceScript = TokenApi.mint("alice", "script");
    }

    private WebResponse asAlice(HttpMethod method, String action, String... params) throws Exception {
        return TokenApi.call(r, method, "user/alice/api-tokens/" + action, "alice", aliceScript.value(), params);
    }

    @Test
    void createAnswersTheValueOnceAndTheListNever() throws Exception {
        WebResponse created =
                asAlice(HttpMethod.POST, "create", "name", "deploy", "expiry", "30d", "scope", "read-only");
        assertEquals(201, created.getStatusCode());
        JSONObject body = TokenApi.json(created);
        String value = body.getString("value");
        assertEquals("deploy", body.getJSONObject("token").getString("name"));
        assertEquals("read-only", body.getJSONObject("token").getString("scope"));
        assertFalse(body.getJSONObject("token").getString("expires").equals("null"));

        WebResponse listed = asAlice(HttpMethod.GET, "");
        assertEquals(200, listed.getStatusCode());
        assertEquals(2, TokenApi.json(listed).getJSONArray("tokens").size());
        assertFalse(listed.getContentAsString().contains(value));
        assertFalse(listed.getContentAsString().contains(aliceScript.value()));
    }

    @Test
    void sessionWithCrumbCanCreateAsTheSeedTutorialDoes() throws Exception {
        JenkinsRule.WebClient wc =
                r.createWebClient().withThrowExceptionOnFailingStatusCode(false).login("alice");
        WebRequest request = TokenApi.request(r, HttpMethod.POST, "user/alice/api-tokens/create", "name", "cookie");
        WebResponse response = wc.loadWebResponse(wc.addCrumb(request));
        assertEquals(201, response.getStatusCode());
    }

    @Test
    void duplicateNameIsA400WithAMessage() throws Exception {
        WebResponse response = asAlice(HttpMethod.POST, "create", "name", "SCRIPT");
        assertEquals(400, response.getStatusCode());
        assertEquals(
                "You already have a token named 'SCRIPT'; choose another name.",
                TokenApi.json(response).getString("message"));
    }

    /**
     * The test classpath holds a French translation of this one sentence (engine/EngineMessages_fr.properties). The
     * request's language reaches the engine through Jenkins' {@link LocaleProvider}, which a real Jenkins sets to the
     * request's locale at start-up (core's {@code WebAppMain}) and JenkinsRule does not: the test sets it the same way.
     */
    @Test
    void engineRefusalsSpeakTheLanguageOfTheRequest() throws Exception {
        LocaleProvider before = LocaleProvider.getProvider();
        LocaleProvider.setProvider(new LocaleProvider() {
            @Override
            public Locale get() {
                StaplerRequest2 request = Stapler.getCurrentRequest2();
                return request == null ? Locale.getDefault() : request.getLocale();
            }
        });
        try {
            WebRequest request = TokenApi.request(r, HttpMethod.POST, "user/alice/api-tokens/create", "name", " ");
            request.setAdditionalHeader("Accept-Language", "fr");
            JenkinsRule.WebClient wc = r.createWebClient()
                    .withThrowExceptionOnFailingStatusCode(false)
                    .withBasicCredentials("alice", aliceScript.value());
            WebResponse french = wc.loadWebResponse(request);
            assertEquals(400, french.getStatusCode());
            assertEquals("Un jeton doit avoir un nom.", TokenApi.json(french).getString("message"));

            WebResponse english = asAlice(HttpMethod.POST, "create", "name", " ");
            assertEquals("A token needs a name.", TokenApi.json(english).getString("message"));
        } finally {
            LocaleProvider.setProvider(before);
        }
    }

    @Test
    void badExpiryIsA400() throws Exception {
        WebResponse response = asAlice(HttpMethod.POST, "create", "name", "x", "expiry", "someday");
        assertEquals(400, response.getStatusCode());
        assertTrue(TokenApi.json(response).getString("message").contains("90d"));
    }

    @Test
    void unknownScopeIsA400() throws Exception {
        WebResponse response = asAlice(HttpMethod.POST, "create", "name", "x", "scope", "root");
        assertEquals(400, response.getStatusCode());
        assertEquals(
                "Unknown scope 'root'; use one of: full, run-builds, read-only.",
                TokenApi.json(response).getString("message"));
    }

    @Test
    void renameChangesTheName() throws Exception {
        WebResponse response =
                asAlice(HttpMethod.POST, "rename", "id", aliceScript.token().id(), "name", "ci job");
        assertEquals(200, response.getStatusCode());
        assertEquals(
                "ci job",
                TokenEngine.get()
                        .service()
                        .get("alice", aliceScript.token().id())
                        .name());
    }

    @Test
    void rotateAnswersANewValueAndRetiresTheOld() throws Exception {
        NewToken other = TokenApi.mint("alice", "other");
        WebResponse response =
                asAlice(HttpMethod.POST, "rotate", "id", other.token().id());
        assertEquals(200, response.getStatusCode());
        String newValue = TokenApi.json(response).getString("value");
        assertEquals(
                401,
                TokenApi.call(r, HttpMethod.GET, "me/api/json", "alice", other.value())
                        .getStatusCode());
        assertEquals(
                200,
                TokenApi.call(r, HttpMethod.GET, "me/api/json", "alice", newValue)
                        .getStatusCode());
    }

    @Test
    void revokeOfAnUnknownIdIsA404() throws Exception {
        WebResponse response = asAlice(HttpMethod.POST, "revoke", "id", "nothere1");
        assertEquals(404, response.getStatusCode());
        assertEquals("No token with id 'nothere1'.", TokenApi.json(response).getString("message"));
    }

    @Test
    void revokeWorks() throws Exception {
        NewToken other = TokenApi.mint("alice", "other");
        assertEquals(
                200,
                asAlice(HttpMethod.POST, "revoke", "id", other.token().id()).getStatusCode());
        assertEquals(1, TokenEngine.get().service().list("alice").size());
    }

    @Test
    void getOnAChangeIsRefused() throws Exception {
        assertEquals(
                404, // Stapler routes changes on POST only: a GET finds no such page
                asAlice(HttpMethod.GET, "revoke?id=" + aliceScript.token().id()).getStatusCode());
        assertEquals(1, TokenEngine.get().service().list("alice").size());
    }

    @Test
    void anotherUserCannotListOrChangeAlicesTokens() throws Exception {
        NewToken bob = TokenApi.mint("bob", "bob");
        String base = "user/alice/api-tokens/";
        assertEquals(
                403, TokenApi.call(r, HttpMethod.GET, base, "bob", bob.value()).getStatusCode());
        assertEquals(
                403,
                TokenApi.call(
                                r,
                                HttpMethod.POST,
                                base + "revoke",
                                "bob",
                                bob.value(),
                                "id",
                                aliceScript.token().id())
                        .getStatusCode());
        assertEquals(
                403,
                TokenApi.call(r, HttpMethod.POST, base + "create", "bob", bob.value(), "name", "x")
                        .getStatusCode());
        assertEquals(1, TokenEngine.get().service().list("alice").size());
    }

    @Test
    void anonymousCannotListTokens() throws Exception {
        WebResponse response = TokenApi.call(r, HttpMethod.GET, "user/alice/api-tokens/", null, null);
        assertTrue(response.getStatusCode() == 403 || response.getStatusCode() == 401, "" + response.getStatusCode());
        assertFalse(response.getContentAsString().contains(aliceScript.token().id()));
    }

    @Test
    void administratorManagesAnyonesTokens() throws Exception {
        NewToken admin = TokenApi.mint("admin", "admin");
        WebResponse response = TokenApi.call(
                r,
                HttpMethod.POST,
                "user/alice/api-tokens/revoke",
                "admin",
                admin.value(),
                "id",
                aliceScript.token().id());
        assertEquals(200, response.getStatusCode());
        assertTrue(TokenEngine.get().service().list("alice").isEmpty());
    }

    @Test
    void newTokenCanBeSavedInTheUsersOwnCredentialsInOneStep() throws Exception {
        WebResponse response = asAlice(HttpMethod.POST, "create", "name", "for pipelines", "saveAsCredential", "true");
        assertEquals(201, response.getStatusCode());
        JSONObject body = TokenApi.json(response);
        String credentialId = body.getString("credentialId");
        CredentialsStore store = null;
        for (CredentialsStore each : CredentialsProvider.lookupStores(User.getById("alice", false))) {
            if (each.getProvider() instanceof UserCredentialsProvider) {
                store = each;
            }
        }
        assertNotNull(store);
        JenkinsApiTokenCredentials saved = null;
        try (ACLContext ignored = ACL.as2(User.getById("alice", false).impersonate2())) {
            for (Credentials each : store.getCredentials(Domain.global())) {
                if (each instanceof JenkinsApiTokenCredentials c && c.getId().equals(credentialId)) {
                    saved = c;
                }
            }
        }
        assertNotNull(saved, "saved as " + credentialId);
        assertEquals("alice", saved.getUsername());
        assertEquals(body.getString("value"), saved.getPassword().getPlainText());
    }

    @Test
    void administratorCannotSaveIntoAnotherUsersCredentialsAndNoTokenIsLeftBehind() throws Exception {
        NewToken admin = TokenApi.mint("admin", "admin");
        WebResponse response = TokenApi.call(
                r,
                HttpMethod.POST,
                "user/alice/api-tokens/create",
                "admin",
                admin.value(),
                "name",
                "sneaky",
                "saveAsCredential",
                "true");
        assertEquals(400, response.getStatusCode());
        assertEquals(
                "Only alice can save a token into their own credentials.",
                TokenApi.json(response).getString("message"));
        assertEquals(1, TokenEngine.get().service().list("alice").size());
    }

    @Test
    void anUnreadableTokenFileIsReportedAndNeverOverwritten() throws Exception {
        User bob = User.getById("bob", false);
        bob.save();
        Path file = bob.getUserFolder().toPath().resolve("api-token-manager.xml");
        Files.writeString(file, "<not-xml");
        JenkinsRule.WebClient wc =
                r.createWebClient().withThrowExceptionOnFailingStatusCode(false).login("bob");
        WebResponse response = wc.loadWebResponse(
                wc.addCrumb(TokenApi.request(r, HttpMethod.POST, "user/bob/api-tokens/create", "name", "x")));
        assertEquals(500, response.getStatusCode());
        assertTrue(TokenApi.json(response).getString("message").contains("cannot be read"));
        assertEquals("<not-xml", Files.readString(file));
    }
}
