package io.jenkins.plugins.apitokens.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.util.Secret;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlElementUtil;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The credential through the Credentials plugin's own pages: saved unchanged, its token never shown. Both of that
 * plugin's editing UIs are driven as a browser does: up to 14xx (the 2.516 line) a page of its own,
 * {@code credential/<id>/update}; from 1500 (the 2.568 line) a dialog on the credential's page, opened by its
 * <em>Update credential</em> button from {@code updateDialog} and posted by the page's script. Both post to
 * {@code updateSubmit}.
 */
@WithJenkins
class CredentialsUiTest {

    private static final String CREDENTIAL = "manage/credentials/store/system/domain/_/credential/ci/";
    private static final String TOKEN = "jnkapi_secret-value";

    @Test
    void credentialRoundTripsThroughTheUpdateForm(JenkinsRule r) throws Exception {
        JenkinsApiTokenCredentials original = new JenkinsApiTokenCredentials(
                CredentialsScope.GLOBAL, "ci", "deploys", "deployer", Secret.fromString(TOKEN));
        original.setJenkinsUrl("https://other.example.com/");
        CredentialsProvider.lookupStores(r.jenkins).iterator().next().addCredentials(Domain.global(), original);

        JenkinsRule.WebClient wc = r.createWebClient();
        HtmlPage page = wc.goTo(CREDENTIAL);
        List<HtmlElement> dialogButtons =
                page.getDocumentElement().getElementsByAttribute("button", "data-type", "credentials-update");
        if (dialogButtons.isEmpty()) {
            // Credentials plugin up to 14xx: the update form is a page.
            HtmlPage update = wc.goTo(CREDENTIAL + "update");
            assertFalse(update.getWebResponse().getContentAsString().contains(TOKEN));
            r.submit(update.getFormByName("update"));
        } else {
            // Credentials plugin 1500+: the same form in a dialog, loaded by the page's script.
            HtmlElementUtil.click(dialogButtons.get(0));
            wc.waitForBackgroundJavaScript(5000);
            HtmlForm form = page.getFormByName("updateCredentials");
            assertFalse(form.asXml().contains(TOKEN));
            HtmlElement save = form.querySelector("#cr-dialog-submit");
            assertNotNull(save, "the dialog's Save button");
            HtmlElementUtil.click(save);
            wc.waitForBackgroundJavaScript(5000);
        }

        List<JenkinsApiTokenCredentials> found = CredentialsProvider.lookupCredentialsInItemGroup(
                JenkinsApiTokenCredentials.class, Jenkins.get(), null, List.of());
        assertEquals(1, found.size());
        JenkinsApiTokenCredentials saved = found.get(0);
        // A new object: the form was really submitted and bound (an update that never happened would pass the rest).
        assertNotSame(original, saved);
        assertEquals("deployer", saved.getUserId());
        assertEquals(TOKEN, saved.getToken().getPlainText());
        assertEquals("https://other.example.com/", saved.getJenkinsUrl());
        assertEquals("deploys", saved.getDescription());
    }
}
