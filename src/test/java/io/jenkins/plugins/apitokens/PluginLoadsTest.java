package io.jenkins.plugins.apitokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import hudson.model.User;
import io.jenkins.plugins.apitokens.store.ApiTokenStore;
import io.jenkins.plugins.apitokens.store.UserFolderTokenStore;
import jenkins.security.ApiTokenProperty;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebResponse;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class PluginLoadsTest {

    @Test
    void pluginIsLoadedWithItsStore(JenkinsRule r) {
        assertNotNull(r.jenkins.getPlugin("api-token-manager"));
        assertEquals(UserFolderTokenStore.class, ApiTokenStore.get().getClass());
    }

    @Test
    void coreApiTokenStillAuthenticates(JenkinsRule r) throws Exception {
        TokenApi.secure(r);
        String coreToken =
                User.getById("alice", false).getProperty(ApiTokenProperty.class).generateNewToken("core").plainValue;
        WebResponse response = TokenApi.call(r, HttpMethod.GET, "whoAmI/api/json", "alice", coreToken);
        assertEquals(200, response.getStatusCode());
        assertEquals("alice", TokenApi.json(response).getString("name"));
    }
}
