package io.jenkins.plugins.apitokens.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.User;
import io.jenkins.plugins.apitokens.TokenApi;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.engine.TokenFormat;
import io.jenkins.plugins.apitokens.engine.TokenInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import jenkins.security.ApiTokenProperty;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The token section of the user's Security page, driven through the real page and its script. */
@WithJenkins
class ApiTokensPageTest {

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

    private HtmlPage securityPage(String viewer, String owner) throws Exception {
        return r.createWebClient().login(viewer).goTo("user/" + owner + "/security/");
    }

    @Test
    void addingATokenShowsItsValueOnceAndNeverAgain() throws Exception {
        JenkinsRule.WebClient wc = r.createWebClient().login("alice");
        HtmlPage page = wc.goTo("user/alice/security/");
        HtmlInput name = page.querySelector(".atm-new-name");
        name.type("from the page");
        HtmlButton add = page.querySelector(".atm-add-button");
        add.click();
        wc.waitForBackgroundJavaScript(5000);

        DomElement shown = page.querySelector(".jenkins-dialog .atm-value-text");
        assertNotNull(shown, "the new value is shown in a dialog");
        String value = shown.getTextContent();
        assertTrue(TokenFormat.isWellFormed(value), value);
        TokenInfo stored = TokenEngine.get().service().list("alice").get(0);
        assertEquals("from the page", stored.name());

        HtmlPage again = wc.goTo("user/alice/security/");
        assertFalse(again.getWebResponse().getContentAsString().contains(value));
        assertTrue(again.getWebResponse().getContentAsString().contains("from the page"));
    }

    @Test
    void aDuplicateNameIsReportedInline() throws Exception {
        TokenApi.mint("alice", "taken");
        JenkinsRule.WebClient wc = r.createWebClient().login("alice");
        HtmlPage page = wc.goTo("user/alice/security/");
        HtmlInput name = page.querySelector(".atm-new-name");
        name.type("Taken");
        ((HtmlButton) page.querySelector(".atm-add-button")).click();
        wc.waitForBackgroundJavaScript(5000);
        assertEquals(
                "You already have a token named 'Taken'; choose another name.",
                page.querySelector(".atm-error").getTextContent());
        assertEquals(1, TokenEngine.get().service().list("alice").size());
    }

    @Test
    void tokenNamesAreEscaped() throws Exception {
        TokenApi.mint("alice", "<img src=x id=injected>");
        HtmlPage page = securityPage("alice", "alice");
        assertNull(page.getElementById("injected"));
        assertEquals("<img src=x id=injected>", page.querySelector(".atm-name").getTextContent());
    }

    @Test
    void creationDateTurnsOrangeThenRed() throws Exception {
        TokenApi.mint("alice", "aging");
        TokenEngine.get().setClock(Clock.fixed(Instant.now().plus(Duration.ofDays(200)), ZoneOffset.UTC));
        DomElement created = securityPage("alice", "alice").querySelector(".atm-created");
        assertEquals("ageing", created.getAttribute("data-age"));
        assertTrue(created.getAttribute("class").contains("jenkins-!-warning-color"));

        TokenEngine.get().setClock(Clock.fixed(Instant.now().plus(Duration.ofDays(400)), ZoneOffset.UTC));
        created = securityPage("alice", "alice").querySelector(".atm-created");
        assertTrue(created.getAttribute("class").contains("jenkins-!-error-color"));
        assertTrue(created.getAttribute("tooltip").contains("rotate"), created.getAttribute("tooltip"));
    }

    @Test
    void emptyStateExplainsTokens() throws Exception {
        HtmlPage page = securityPage("alice", "alice");
        DomElement empty = page.querySelector(".atm-empty");
        assertFalse(empty.getAttribute("class").contains("jenkins-hidden"));
        assertTrue(empty.getTextContent().contains("curl -u"));
    }

    @Test
    void administratorSeesAnotherUsersTokens() throws Exception {
        TokenApi.mint("alice", "visible to admin");
        assertTrue(securityPage("admin", "alice")
                .getWebResponse()
                .getContentAsString()
                .contains("visible to admin"));
    }

    /**
     * Clicks the first row's rename button, types the new name into core's prompt dialog and confirms.
     *
     * @return the name the dialog offered
     */
    private static String renameFirstRow(JenkinsRule.WebClient wc, HtmlPage page, String newName) throws Exception {
        ((HtmlButton) page.querySelector(".atm-rename")).click();
        wc.waitForBackgroundJavaScript(2000);
        HtmlInput input = page.querySelector(".jenkins-dialog [data-id=input]");
        String offered = input.getValue();
        input.setValue("");
        input.type(newName);
        ((HtmlButton) page.querySelector(".jenkins-dialog [data-id=ok]")).click();
        wc.waitForBackgroundJavaScript(5000);
        return offered;
    }

    @Test
    void renameThroughTheDialogUpdatesTheRow() throws Exception {
        TokenApi.mint("alice", "old name");
        JenkinsRule.WebClient wc = r.createWebClient().login("alice");
        HtmlPage page = wc.goTo("user/alice/security/");
        assertEquals("old name", renameFirstRow(wc, page, "new name"), "the dialog offers the current name");
        assertEquals(
                "new name", TokenEngine.get().service().list("alice").get(0).name());
        assertEquals("new name", page.querySelector(".atm-name").getTextContent());
    }

    @Test
    void renamingToATakenNameIsReportedInlineAndChangesNothing() throws Exception {
        TokenApi.mint("alice", "first");
        TokenApi.mint("alice", "second");
        JenkinsRule.WebClient wc = r.createWebClient().login("alice");
        HtmlPage page = wc.goTo("user/alice/security/");
        renameFirstRow(wc, page, "SECOND");
        assertEquals(
                "You already have a token named 'SECOND'; choose another name.",
                page.querySelector(".atm-error").getTextContent());
        assertEquals("first", TokenEngine.get().service().list("alice").get(0).name());
    }

    @Test
    void rotateShowsTheNewValueOnceAndRetiresTheOld() throws Exception {
        String oldValue = TokenApi.mint("alice", "rotating").value();
        JenkinsRule.WebClient wc = r.createWebClient().login("alice");
        HtmlPage page = wc.goTo("user/alice/security/");
        ((HtmlButton) page.querySelector(".atm-rotate")).click();
        wc.waitForBackgroundJavaScript(2000);
        assertEquals(
                200,
                TokenApi.call(r, org.htmlunit.HttpMethod.GET, "me/api/json", "alice", oldValue)
                        .getStatusCode(),
                "nothing happens before confirming");
        ((HtmlButton) page.querySelector(".jenkins-dialog [data-id=ok]")).click();
        wc.waitForBackgroundJavaScript(5000);
        DomElement shown = page.querySelector(".jenkins-dialog .atm-value-text");
        assertNotNull(shown, "the new value is shown in a dialog");
        String newValue = shown.getTextContent();
        assertTrue(TokenFormat.isWellFormed(newValue), newValue);
        assertEquals(
                401,
                TokenApi.call(r, org.htmlunit.HttpMethod.GET, "me/api/json", "alice", oldValue)
                        .getStatusCode());
        assertEquals(
                200,
                TokenApi.call(r, org.htmlunit.HttpMethod.GET, "me/api/json", "alice", newValue)
                        .getStatusCode());
        assertEquals(
                "rotating", TokenEngine.get().service().list("alice").get(0).name());
        assertFalse(wc.goTo("user/alice/security/")
                .getWebResponse()
                .getContentAsString()
                .contains(newValue));
    }

    @Test
    void revokeAsksForConfirmationThenRemovesTheRow() throws Exception {
        TokenApi.mint("alice", "doomed");
        JenkinsRule.WebClient wc = r.createWebClient().login("alice");
        HtmlPage page = wc.goTo("user/alice/security/");
        ((HtmlButton) page.querySelector(".atm-revoke")).click();
        wc.waitForBackgroundJavaScript(2000);
        assertEquals(1, TokenEngine.get().service().list("alice").size(), "nothing happens before confirming");
        HtmlButton confirm = page.querySelector(".jenkins-dialog [data-id=ok]");
        confirm.click();
        wc.waitForBackgroundJavaScript(5000);
        assertTrue(TokenEngine.get().service().list("alice").isEmpty());
        assertNull(page.querySelector(".atm-row"));
    }

    @Test
    void coreTokensAreListedMarkedAndRevocableHere() throws Exception {
        ApiTokenProperty core = User.getById("alice", false).getProperty(ApiTokenProperty.class);
        String value = core.generateNewToken("made by core").plainValue;
        JenkinsRule.WebClient wc = r.createWebClient().login("alice");
        HtmlPage page = wc.goTo("user/alice/security/");
        DomElement row = page.querySelector(".atm-core-row");
        assertNotNull(row, "core's token is in the table");
        assertTrue(row.getTextContent().contains("made by core"));
        assertNotNull(row.querySelector(".atm-core"));
        assertFalse(page.getWebResponse().getContentAsString().contains(value));

        ((HtmlButton) row.querySelector(".atm-revoke")).click();
        wc.waitForBackgroundJavaScript(2000);
        ((HtmlButton) page.querySelector(".jenkins-dialog [data-id=ok]")).click();
        wc.waitForBackgroundJavaScript(5000);
        assertTrue(core.getTokenList().isEmpty(), "revoked through core");
        assertEquals(
                401,
                TokenApi.call(r, org.htmlunit.HttpMethod.GET, "me/api/json", "alice", value)
                        .getStatusCode());
    }
}
