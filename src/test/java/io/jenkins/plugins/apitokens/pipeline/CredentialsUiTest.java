package io.jenkins.plugins.apitokens.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.util.Secret;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The credential through the Credentials plugin's own pages: saved unchanged, its token never shown. */
@WithJenkins
class CredentialsUiTest {

    @Test
    void credentialRoundTripsThroughTheUpdateForm(JenkinsRule r) throws Exception {
        JenkinsApiTokenCredentials original = new JenkinsApiTokenCredentials(
                CredentialsScope.GLOBAL, "ci", "deploys", "deployer", Secret.fromString("jnkapi_secret-value"));
        original.setJenkinsUrl("https://other.example.com/");
        CredentialsProvider.lookupStores(r.jenkins).iterator().next().addCredentials(Domain.global(), original);

        HtmlPage page = r.createWebClient().goTo("manage/credentials/store/system/domain/_/credential/ci/update");
        assertFalse(page.getWebResponse().getContentAsString().contains("jnkapi_secret-value"));
        HtmlForm form = page.getFormByName("update");
        r.submit(form);

        List<JenkinsApiTokenCredentials> found = CredentialsProvider.lookupCredentialsInItemGroup(
                JenkinsApiTokenCredentials.class, Jenkins.get(), null, List.of());
        assertEquals(1, found.size());
        JenkinsApiTokenCredentials saved = found.get(0);
        assertEquals("deployer", saved.getUserId());
        assertEquals("jnkapi_secret-value", saved.getToken().getPlainText());
        assertEquals("https://other.example.com/", saved.getJenkinsUrl());
        assertEquals("deploys", saved.getDescription());
    }
}
