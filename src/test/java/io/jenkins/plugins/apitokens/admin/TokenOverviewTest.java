package io.jenkins.plugins.apitokens.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.ExtensionList;
import hudson.model.User;
import io.jenkins.plugins.apitokens.TokenApi;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.engine.NewToken;
import io.jenkins.plugins.apitokens.engine.TokenInfo;
import io.jenkins.plugins.apitokens.policy.TokenPolicyConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import jenkins.security.ApiTokenProperty;
import jenkins.security.apitoken.ApiTokenPropertyConfiguration;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebResponse;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class TokenOverviewTest {

    private JenkinsRule r;
    private NewToken aliceOld;
    private NewToken bobSoon;

    @BeforeEach
    void setUp(JenkinsRule rule) {
        r = rule;
        TokenApi.secure(r);
        aliceOld = TokenApi.mintNeverExpiring("alice", "deploy");
        bobSoon = TokenApi.mint("bob", "nightly", Instant.now().plus(Duration.ofDays(3)), null);
    }

    private HtmlPage overview(String query) throws Exception {
        return r.createWebClient().login("admin").goTo("manage/api-tokens/" + query);
    }

    @Test
    void administratorSeesEveryUsersTokens() throws Exception {
        String page = overview("").getWebResponse().getContentAsString();
        assertTrue(page.contains("deploy"));
        assertTrue(page.contains("nightly"));
        assertFalse(page.contains(aliceOld.value()));
    }

    @Test
    void filterKeepsOnlyExpiringTokens() throws Exception {
        HtmlPage page = overview("?filter=expiring");
        assertEquals(1, page.querySelectorAll(".atm-overview-row").size());
        assertTrue(page.getWebResponse().getContentAsString().contains("nightly"));
    }

    @Test
    void nonAdministratorsAreRefusedEverywhere() throws Exception {
        JenkinsRule.WebClient wc =
                r.createWebClient().withThrowExceptionOnFailingStatusCode(false).login("alice");
        assertEquals(403, wc.goTo("manage/api-tokens/").getWebResponse().getStatusCode());
        assertEquals(403, wc.goTo("manage/api-tokens/audit").getWebResponse().getStatusCode());
        WebResponse revoke = wc.loadWebResponse(wc.addCrumb(TokenApi.request(
                r,
                HttpMethod.POST,
                "manage/api-tokens/revoke",
                "token",
                "bob/" + bobSoon.token().id())));
        assertEquals(403, revoke.getStatusCode());
        assertEquals(1, TokenEngine.get().service().list("bob").size());
    }

    @Test
    void selectedTokensAreRevokedAfterConfirmation() throws Exception {
        JenkinsRule.WebClient wc = r.createWebClient().login("admin");
        HtmlPage page = wc.goTo("manage/api-tokens/");
        HtmlCheckBoxInput box = page.querySelector(
                "input[name=token][value='bob/" + bobSoon.token().id() + "']");
        box.setChecked(true);
        ((HtmlButton) page.querySelector(".atm-revoke-selected")).click();
        wc.waitForBackgroundJavaScript(2000);
        assertEquals(1, TokenEngine.get().service().list("bob").size(), "nothing before confirming");
        HtmlPage after = ((HtmlButton) page.querySelector(".jenkins-dialog [data-id=ok]")).click();
        wc.waitForBackgroundJavaScript(5000);
        assertTrue(TokenEngine.get().service().list("bob").isEmpty());
        assertEquals(1, TokenEngine.get().service().list("alice").size());
        assertTrue(
                wc.getCurrentWindow()
                        .getEnclosedPage()
                        .getWebResponse()
                        .getContentAsString()
                        .contains("1 tokens revoked"),
                after.getWebResponse().getContentAsString());
    }

    @Test
    void allTokensMatchingTheFilterAreRevoked() throws Exception {
        JenkinsRule.WebClient wc = r.createWebClient().login("admin");
        WebResponse response = wc.loadWebResponse(wc.addCrumb(TokenApi.request(
                r, HttpMethod.POST, "manage/api-tokens/revoke", "all", "true", "filter", "expiring", "count", "1")));
        assertEquals(200, response.getStatusCode());
        assertTrue(TokenEngine.get().service().list("bob").isEmpty());
        assertEquals(1, TokenEngine.get().service().list("alice").size());
    }

    @Test
    void revokingNothingIsA400() throws Exception {
        JenkinsRule.WebClient wc =
                r.createWebClient().withThrowExceptionOnFailingStatusCode(false).login("admin");
        WebResponse response =
                wc.loadWebResponse(wc.addCrumb(TokenApi.request(r, HttpMethod.POST, "manage/api-tokens/revoke")));
        assertEquals(400, response.getStatusCode());
        assertTrue(response.getContentAsString().contains("No token was selected."));
    }

    @Test
    void auditTrailShowsWhoDidWhat() throws Exception {
        TokenEngine.get().service().revoke("alice", aliceOld.token().id(), "admin");
        HtmlPage audit = overview("audit");
        String text = audit.getWebResponse().getContentAsString();
        assertTrue(text.contains("REVOKED"));
        assertTrue(text.contains("CREATED"));
        assertFalse(text.contains(aliceOld.value()));
        assertEquals(3, audit.querySelectorAll(".atm-audit-row").size());
    }

    @Test
    void expiringMonitorAppearsAndDisappearsWithTheSweepsCount() {
        ExpiringTokensMonitor monitor = ExtensionList.lookupSingleton(ExpiringTokensMonitor.class);
        TokenCounts.get().recount();
        assertTrue(monitor.isActivated());
        assertEquals(1, monitor.getCount());
        TokenEngine.get().service().revoke("bob", bobSoon.token().id(), "admin");
        assertTrue(monitor.isActivated(), "rendering a monitor reads the last count, it does not scan");
        TokenCounts.get().recount(); // what every sweep does
        assertFalse(monitor.isActivated());
    }

    @Test
    void neverExpiringMonitorFollowsThePolicy() {
        NeverExpiringTokensMonitor monitor = ExtensionList.lookupSingleton(NeverExpiringTokensMonitor.class);
        assertFalse(monitor.isActivated(), "the default policy does not require expiry");
        TokenPolicyConfiguration.get().setExpiryRequired(true);
        TokenCounts.get().recount();
        assertTrue(monitor.isActivated());
        TokenEngine.get().service().revoke("alice", aliceOld.token().id(), "admin");
        TokenCounts.get().recount();
        assertFalse(monitor.isActivated());
    }

    @Test
    void legacyMonitorAppearsWhileALegacyTokenRemains() throws Exception {
        LegacyTokensMonitor monitor = ExtensionList.lookupSingleton(LegacyTokensMonitor.class);
        assertFalse(monitor.isActivated());
        ApiTokenPropertyConfiguration.get().setTokenGenerationOnCreationEnabled(true);
        User carol = User.getById("carol", true);
        carol.save();
        TokenCounts.get().recount();
        assertTrue(monitor.isActivated());
        String manage = r.createWebClient()
                .login("admin")
                .goTo("manage/")
                .getWebResponse()
                .getContentAsString();
        assertTrue(manage.contains("manage/api-tokens/?filter=legacy"), "the monitor links to the overview");
        ApiTokenProperty core = carol.getProperty(ApiTokenProperty.class);
        core.revokeToken(core.getTokenList().iterator().next().uuid);
        TokenCounts.get().recount();
        assertFalse(monitor.isActivated());
    }

    @Test
    void unusedTokensAreRevokedByTheSweepWhenThePolicySaysSo() throws Exception {
        TokenPolicyConfiguration.get().setRevokeUnusedAfterDays(30);
        Instant now = Instant.now();
        TokenEngine.get().setClock(java.time.Clock.fixed(now.plus(Duration.ofDays(31)), java.time.ZoneOffset.UTC));
        try {
            List<TokenInfo> expired = TokenEngine.get().service().sweep(run -> false);
            assertEquals(
                    List.of(bobSoon.token().id()),
                    expired.stream().map(TokenInfo::id).toList(),
                    "an expired token goes at once; alice, whose token works, is warned first");
            TokenEngine.get().setClock(java.time.Clock.fixed(now.plus(Duration.ofDays(38)), java.time.ZoneOffset.UTC));
            List<TokenInfo> revoked = TokenEngine.get().service().sweep(run -> false);
            assertEquals(
                    List.of(aliceOld.token().id()),
                    revoked.stream().map(TokenInfo::id).toList(),
                    "a week after the warning");
        } finally {
            TokenEngine.get().setClock(java.time.Clock.systemUTC());
        }
        assertTrue(TokenEngine.get().service().listAll().isEmpty());
    }

    @Test
    void legacyTokensAreCountedAndShownByTheLegacyFilter() throws Exception {
        assertTrue(overview("").querySelectorAll(".atm-legacy-alert").isEmpty());
        ApiTokenPropertyConfiguration.get().setTokenGenerationOnCreationEnabled(true);
        User carol = User.getById("carol", true);
        carol.save();
        assertTrue(carol.getProperty(ApiTokenProperty.class).hasLegacyToken());
        DomElement alert = overview("").querySelector(".atm-legacy-alert");
        assertTrue(alert.getTextContent().contains("One legacy API token is still present"), alert.getTextContent());
        HtmlPage legacyOnly = overview("?filter=legacy");
        assertEquals(1, legacyOnly.querySelectorAll(".atm-overview-row").size());
        DomElement row = legacyOnly.querySelector(".atm-overview-row");
        assertTrue(row.getTextContent().contains("carol"), row.getTextContent());
        assertTrue(row.getTextContent().contains("legacy"), row.getTextContent());
    }

    @Test
    void everyLegacyTokenIsRevokedInOneConfirmedAction() throws Exception {
        ApiTokenPropertyConfiguration.get().setTokenGenerationOnCreationEnabled(true);
        for (String id : List.of("carol", "dave")) {
            User.getById(id, true).save();
        }
        ApiTokenPropertyConfiguration.get().setTokenGenerationOnCreationEnabled(false);
        JenkinsRule.WebClient wc = r.createWebClient().login("admin");
        HtmlPage page = wc.goTo("manage/api-tokens/");
        HtmlButton revoke = page.querySelector(".atm-revoke-legacy");
        assertTrue(revoke.getTextContent().contains("Revoke all 2 legacy tokens"), revoke.getTextContent());
        revoke.click();
        wc.waitForBackgroundJavaScript(2000);
        assertTrue(
                User.getById("carol", false).getProperty(ApiTokenProperty.class).hasLegacyToken(),
                "nothing before confirming");
        ((HtmlButton) page.querySelector(".jenkins-dialog [data-id=ok]")).click();
        wc.waitForBackgroundJavaScript(5000);
        for (String id : List.of("carol", "dave")) {
            assertFalse(
                    User.getById(id, false).getProperty(ApiTokenProperty.class).hasLegacyToken(), id);
        }
        assertEquals(1, TokenEngine.get().service().list("bob").size(), "the plugin's tokens are untouched");
        String audit = overview("audit").getWebResponse().getContentAsString();
        assertTrue(audit.contains("legacy token"), "core revocations are audited too");
    }

    @Test
    void coreTokensShareTheTableAndAreRevokedInBulkToo() throws Exception {
        ApiTokenProperty core = User.getById("alice", false).getProperty(ApiTokenProperty.class);
        String value = core.generateNewToken("made by core").plainValue;
        JenkinsRule.WebClient wc = r.createWebClient().login("admin");
        HtmlPage page = wc.goTo("manage/api-tokens/?sort=name");
        assertEquals(3, page.querySelectorAll(".atm-overview-row").size());
        DomElement row = page.querySelectorAll(".atm-overview-row").stream()
                .map(DomElement.class::cast)
                .filter(candidate -> candidate.getTextContent().contains("made by core"))
                .findFirst()
                .orElseThrow();
        assertTrue(row.getTextContent().contains("alice"), row.getTextContent());
        assertTrue(row.getTextContent().contains("core"), row.getTextContent());
        assertFalse(page.getWebResponse().getContentAsString().contains(value));
        ((HtmlCheckBoxInput) row.querySelector("input[name=token]")).setChecked(true);
        ((HtmlCheckBoxInput) page.querySelector(
                        "input[name=token][value='bob/" + bobSoon.token().id() + "']"))
                .setChecked(true);
        ((HtmlButton) page.querySelector(".atm-revoke-selected")).click();
        wc.waitForBackgroundJavaScript(2000);
        ((HtmlButton) page.querySelector(".jenkins-dialog [data-id=ok]")).click();
        wc.waitForBackgroundJavaScript(5000);
        assertTrue(core.getTokenList().isEmpty());
        assertTrue(TokenEngine.get().service().list("bob").isEmpty());
        assertEquals(1, TokenEngine.get().service().list("alice").size());
        assertTrue(wc.getCurrentWindow()
                .getEnclosedPage()
                .getWebResponse()
                .getContentAsString()
                .contains("2 tokens revoked"));
    }
}
