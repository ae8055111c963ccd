package io.jenkins.plugins.apitokens.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.apitokens.TokenApi;
import org.htmlunit.HttpMethod;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The credential form's token check decrypts what it is given, so only those who may add credentials get an answer. */
@WithJenkins
class CredentialCheckPermissionTest {

    private static final String CHECK =
            "descriptorByName/io.jenkins.plugins.apitokens.pipeline.JenkinsApiTokenCredentials/checkToken";

    private JenkinsRule r;

    @BeforeEach
    void setUp(JenkinsRule rule) {
        r = rule;
        TokenApi.secure(r);
    }

    private String check(String user) throws Exception {
        return TokenApi.callAs(r, HttpMethod.POST, CHECK, user, "value", "not-a-token")
                .getContentAsString();
    }

    @Test
    void onlyThoseWhoMayAddCredentialsLearnWhatAValueLooksLike() throws Exception {
        assertTrue(check("admin").contains("does not look like a Jenkins API token"), "administrators are told");
        assertFalse(check("bob").contains("does not look like"), "a reader learns nothing");
    }
}
