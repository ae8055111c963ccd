package io.jenkins.plugins.apitokens.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.ExtensionList;
import hudson.diagnosis.OldDataMonitor;
import hudson.model.User;
import io.jenkins.plugins.apitokens.TokenApi;
import io.jenkins.plugins.apitokens.TokenEngine;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The plugin writes nothing into users' {@code config.xml}: a user without tokens leaves no trace of it (that would
 * become "old data" after an uninstall), and the empty element earlier releases wrote goes at the next save.
 */
@WithJenkins
class NothingStoredForUsersTest {

    private static final String ELEMENT = "io.jenkins.plugins.apitokens.user.ApiTokensUserProperty";

    private JenkinsRule r;

    @BeforeEach
    void setUp(JenkinsRule rule) {
        r = rule;
        TokenApi.secure(r);
    }

    private static String configOf(String id) throws Exception {
        return Files.readString(
                new File(User.getById(id, false).getUserFolder(), "config.xml").toPath(), StandardCharsets.UTF_8);
    }

    @Test
    void savingTheSecurityPageWritesNoPropertyYetTheSectionIsThere() throws Exception {
        TokenApi.mint("alice", "deploy");
        JenkinsRule.WebClient wc = r.createWebClient().login("alice");
        HtmlPage page = wc.goTo("user/alice/security/");
        assertNotNull(page.querySelector(".atm"), "the section is on the page");
        assertTrue(page.getWebResponse().getContentAsString().contains("deploy"));

        HtmlForm form = page.getFormByName("config");
        r.submit(form);

        assertFalse(configOf("alice").contains("ApiTokensUserProperty"), configOf("alice"));
        assertNull(User.getById("alice", false).getProperty(ApiTokensUserProperty.class));
        assertEquals("deploy", TokenEngine.get().service().list("alice").get(0).name(), "the token is untouched");
    }

    @Test
    void theEmptyElementOfEarlierReleasesIsDroppedWithoutOldDataWarnings() throws Exception {
        User.getById("bob", false).save();
        File config = new File(User.getById("bob", false).getUserFolder(), "config.xml");
        String written = Files.readString(config.toPath(), StandardCharsets.UTF_8);
        assertTrue(written.contains("<properties>"), written);
        Files.writeString(
                config.toPath(),
                written.replace("<properties>", "<properties>\n    <" + ELEMENT + "/>"),
                StandardCharsets.UTF_8);
        assertTrue(configOf("bob").contains(ELEMENT), "the fixture holds the old element");

        User.reload();
        User bob = User.getById("bob", false);
        assertNull(bob.getProperty(ApiTokensUserProperty.class));
        bob.save();
        assertFalse(configOf("bob").contains("ApiTokensUserProperty"), configOf("bob"));
        assertFalse(
                ExtensionList.lookupSingleton(OldDataMonitor.class).getData().containsKey(bob),
                "no old-data entry: "
                        + ExtensionList.lookupSingleton(OldDataMonitor.class).getData());
    }
}
