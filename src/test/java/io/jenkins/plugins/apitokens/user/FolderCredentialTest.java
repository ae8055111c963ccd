package io.jenkins.plugins.apitokens.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.cloudbees.hudson.plugins.folder.Folder;
import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.model.Item;
import hudson.model.User;
import io.jenkins.plugins.apitokens.TokenApi;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.engine.NewToken;
import io.jenkins.plugins.apitokens.pipeline.JenkinsApiTokenCredentials;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** A new token saved, in the same request, as a credential of a folder the user may add credentials to. */
@WithJenkins
class FolderCredentialTest {

    private JenkinsRule r;
    private Folder team;
    private NewToken aliceScript;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        team = r.jenkins.createProject(Folder.class, "team");
        Folder other = r.jenkins.createProject(Folder.class, "other");
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ)
                .everywhere()
                .to("alice")
                .grant(CredentialsProvider.CREATE, CredentialsProvider.VIEW)
                .onItems(team)
                .to("alice"));
        User.getById("alice", true);
        aliceScript = TokenApi.mint("alice", "script");
        assertNotNull(other);
    }

    private WebResponse createInto(String folder) throws Exception {
        return TokenApi.call(
                r,
                HttpMethod.POST,
                "user/alice/api-tokens/create",
                "alice",
                aliceScript.value(),
                "name",
                "for the team",
                "saveAsCredential",
                "true",
                "credentialFolder",
                folder);
    }

    @Test
    void tokenIsSavedInTheFolderForItsBuilds() throws Exception {
        WebResponse response = createInto("team");
        assertEquals(201, response.getStatusCode(), response.getContentAsString());
        JSONObject body = TokenApi.json(response);
        JenkinsApiTokenCredentials saved = null;
        for (CredentialsStore store : CredentialsProvider.lookupStores(team)) {
            if (store.getContext() == team) {
                for (Credentials each : store.getCredentials(Domain.global())) {
                    if (each instanceof JenkinsApiTokenCredentials c
                            && c.getId().equals(body.getString("credentialId"))) {
                        saved = c;
                    }
                }
            }
        }
        assertNotNull(saved, "saved in the folder's own store");
        assertEquals("alice", saved.getUsername());
        assertEquals(body.getString("value"), saved.getPassword().getPlainText());
        assertEquals(CredentialsScope.GLOBAL, saved.getScope(), "usable by the folder's builds");
    }

    @Test
    void aFolderTheUserMayNotAddCredentialsToIsRefusedAndNoTokenIsLeft() throws Exception {
        WebResponse response = createInto("other");
        assertEquals(400, response.getStatusCode());
        assertEquals(
                "You may not add credentials to the folder 'other'.",
                TokenApi.json(response).getString("message"));
        assertEquals(1, TokenEngine.get().service().list("alice").size());
    }

    @Test
    void anUnknownFolderIsRefused() throws Exception {
        WebResponse response = createInto("nowhere");
        assertEquals(400, response.getStatusCode());
        assertEquals(
                "There is no folder 'nowhere' that you can see.",
                TokenApi.json(response).getString("message"));
        assertEquals(1, TokenEngine.get().service().list("alice").size());
    }

    @Test
    void thePageOffersOnlyTheFoldersTheUserMayAddTo() throws Exception {
        HtmlPage page = r.createWebClient().login("alice").goTo("user/alice/security/");
        assertNotNull(page.querySelector(".atm-credential-folder option[value='team']"));
        assertNull(page.querySelector(".atm-credential-folder option[value='other']"));
    }
}
