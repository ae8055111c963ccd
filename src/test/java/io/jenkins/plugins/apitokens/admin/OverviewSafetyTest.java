package io.jenkins.plugins.apitokens.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.User;
import io.jenkins.plugins.apitokens.TokenApi;
import io.jenkins.plugins.apitokens.TokenEngine;
import java.time.Duration;
import java.time.Instant;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** A mistake on the overview never revokes more than the administrator saw and confirmed. */
@WithJenkins
class OverviewSafetyTest {

    private JenkinsRule r;

    @BeforeEach
    void setUp(JenkinsRule rule) {
        r = rule;
        TokenApi.secure(r);
        TokenApi.mint("alice", "one");
        TokenApi.mint("bob", "two");
        TokenApi.mint("bob", "soon", Instant.now().plus(Duration.ofDays(3)), null);
    }

    private WebResponse revoke(String... params) throws Exception {
        JenkinsRule.WebClient wc =
                r.createWebClient().withThrowExceptionOnFailingStatusCode(false).login("admin");
        return wc.loadWebResponse(
                wc.addCrumb(TokenApi.request(r, HttpMethod.POST, "manage/api-tokens/revoke", params)));
    }

    private int tokensLeft() {
        return TokenEngine.get().service().listAll().size();
    }

    @Test
    void aTypoInTheFilterRevokesNothing() throws Exception {
        WebResponse response = revoke("all", "true", "filter", "expird", "days", "90", "count", "3");
        assertEquals(400, response.getStatusCode());
        String answer = response.getContentAsString();
        assertTrue(
                answer.contains("Unknown filter") && answer.contains("expird") && answer.contains("noExpiry"), answer);
        assertEquals(3, tokensLeft());
    }

    @Test
    void anUnknownSortOrderOrNumberIsA400NotEverything() throws Exception {
        assertEquals(
                400,
                revoke("all", "true", "filter", "expired", "sort", "whatever", "count", "0")
                        .getStatusCode());
        assertEquals(
                400,
                revoke("all", "true", "filter", "unused", "days", "-1", "count", "3")
                        .getStatusCode());
        assertEquals(
                400,
                revoke("all", "true", "filter", "unused", "days", "abc", "count", "3")
                        .getStatusCode());
        assertEquals(3, tokensLeft());
        JenkinsRule.WebClient wc =
                r.createWebClient().withThrowExceptionOnFailingStatusCode(false).login("admin");
        assertEquals(
                400,
                wc.goTo("manage/api-tokens/?filter=expird").getWebResponse().getStatusCode());
        assertEquals(
                400,
                wc.goTo("manage/api-tokens/?order=sideways").getWebResponse().getStatusCode());
    }

    @Test
    void revokingAllMatchingNeedsTheCountTheAdministratorConfirmed() throws Exception {
        WebResponse missing = revoke("all", "true", "filter", "all");
        assertEquals(409, missing.getStatusCode());
        WebResponse changed = revoke("all", "true", "filter", "all", "count", "2");
        assertEquals(409, changed.getStatusCode());
        assertTrue(changed.getContentAsString().contains("3 tokens match now, but 2 were confirmed"));
        assertEquals(3, tokensLeft());
        assertEquals(
                200, revoke("all", "true", "filter", "expiring", "count", "1").getStatusCode());
        assertEquals(2, tokensLeft());
    }

    @Test
    void theConfirmationNamesTheCountAndTheFilterInWords() throws Exception {
        HtmlPage page = r.createWebClient().login("admin").goTo("manage/api-tokens/?filter=expiring");
        String confirm = page.querySelector("form.atm-bulk:not(.atm-legacy-alert)")
                .getAttributes()
                .getNamedItem("data-confirm-all")
                .getNodeValue();
        assertTrue(confirm.contains("The one token matching \u201cExpiring within 7 days\u201d"), confirm);
        assertEquals(
                "1",
                page.querySelector("input[name=count]")
                        .getAttributes()
                        .getNamedItem("value")
                        .getNodeValue());
    }

    @Test
    void userIdsInLinksAreEncoded() throws Exception {
        User.getById("a b#c", true).save();
        TokenApi.mint("a b#c", "odd");
        HtmlPage page = r.createWebClient().login("admin").goTo("manage/api-tokens/");
        String html = page.getWebResponse().getContentAsString();
        assertTrue(html.contains("user/a%20b%23c/security/"), "encoded link");
    }
}
