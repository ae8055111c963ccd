package io.jenkins.plugins.apitokens.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.User;
import io.jenkins.plugins.apitokens.TokenApi;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.engine.NewToken;
import java.time.Duration;
import java.util.List;
import jenkins.security.ApiTokenProperty;
import jenkins.security.apitoken.ApiTokenPropertyConfiguration;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class TokenPolicyConfigurationTest {

    private JenkinsRule r;
    private NewToken alice;

    @BeforeEach
    void setUp(JenkinsRule rule) {
        r = rule;
        TokenApi.secure(r);
        alice = TokenApi.mint("alice", "script");
    }

    @Test
    void defaultsChangeNothing() {
        TokenPolicyConfiguration config = TokenPolicyConfiguration.get();
        assertFalse(config.isExpiryRequired());
        assertEquals(0, config.getMaxLifetimeDays());
        assertTrue(config.isUsageTracked());
        assertEquals(null, TokenEngine.get().service().policy().getMaxLifetime());
    }

    @Test
    void tokenLongerThanTheMaximumLifetimeIsRefusedWithTheMessage() throws Exception {
        TokenPolicyConfiguration.get().setMaxLifetimeDays(30);
        WebResponse response = TokenApi.call(
                r,
                HttpMethod.POST,
                "user/alice/api-tokens/create",
                "alice",
                alice.value(),
                "name",
                "long",
                "expiry",
                "90d");
        assertEquals(400, response.getStatusCode());
        assertEquals(
                "Tokens can live at most 30 days; choose an earlier expiry date.",
                TokenApi.json(response).getString("message"));
        assertEquals(Duration.ofDays(30), TokenEngine.get().service().policy().getMaxLifetime());
    }

    @Test
    void legacySwitchesAreCoresOwn() {
        TokenPolicyConfiguration.get().setLegacyTokenCreationAllowed(true);
        assertTrue(ApiTokenPropertyConfiguration.get().isCreationOfLegacyTokenEnabled());
        ApiTokenPropertyConfiguration.get().setCreationOfLegacyTokenEnabled(false);
        assertFalse(TokenPolicyConfiguration.get().isLegacyTokenCreationAllowed());
        TokenPolicyConfiguration.get().setLegacyTokenForNewUsers(true);
        assertTrue(ApiTokenPropertyConfiguration.get().isTokenGenerationOnCreationEnabled());
    }

    @Test
    void withLegacyCreationDisabledCoresLegacyGenerationIsRefused() throws Exception {
        TokenPolicyConfiguration.get().setLegacyTokenCreationAllowed(false);
        JenkinsRule.WebClient wc =
                r.createWebClient().withThrowExceptionOnFailingStatusCode(false).login("alice");
        WebResponse response = wc.loadWebResponse(wc.addCrumb(TokenApi.request(
                r, HttpMethod.POST, "user/alice/descriptorByName/jenkins.security.ApiTokenProperty/changeToken")));
        assertTrue(
                response.getContentAsString().contains("currently disabled"),
                response.getStatusCode() + " " + response.getContentAsString());
        assertFalse(
                User.getById("alice", false).getProperty(ApiTokenProperty.class).hasLegacyToken(),
                "no legacy token was made");
    }

    @Test
    void fieldsWhereZeroMeansNoLimitAcceptZero() throws Exception {
        TokenPolicyConfiguration.get().setDefaultLifetimeDays(0); // a fresh instance's is 90
        HtmlPage page = r.createWebClient().login("admin").goTo("manage/configureSecurity/");
        for (String field :
                List.of("maxLifetimeDays", "defaultLifetimeDays", "maxTokensPerUser", "revokeUnusedAfterDays")) {
            HtmlInput input = page.getElementByName("_." + field);
            assertEquals("0", input.getValue(), field);
            // Core's "positive-number" check flags 0 in the browser as "Not a positive integer".
            List<String> classes = List.of(input.getAttribute("class").split("\\s+"));
            assertFalse(classes.contains("positive-number"), field + ": " + classes);
            assertTrue(classes.contains("non-negative-number-required"), field + ": " + classes);
        }
    }

    @Test
    void legacySwitchesAreShownHereButChangedOnlyInCoresSection() throws Exception {
        ApiTokenPropertyConfiguration.get().setCreationOfLegacyTokenEnabled(true);
        JenkinsRule.WebClient wc = r.createWebClient().login("admin");
        HtmlPage page = wc.goTo("manage/configureSecurity/");
        assertTrue(page.querySelector(".atm-legacy-status").getTextContent().contains("Users may still create legacy"));
        HtmlForm form = page.getFormByName("config");
        assertTrue(
                form.getInputsByName("_.legacyTokenCreationAllowed").isEmpty(), "no second checkbox for core's switch");
        form.getInputByName("_.creationOfLegacyTokenEnabled").setChecked(false);
        r.submit(form);
        assertFalse(
                ApiTokenPropertyConfiguration.get().isCreationOfLegacyTokenEnabled(),
                "the change in core's section stands");
        assertFalse(TokenPolicyConfiguration.get().isLegacyTokenCreationAllowed());
    }

    @Test
    void theSecurityFormSavesThePolicy() throws Exception {
        JenkinsRule.WebClient wc = r.createWebClient().login("admin");
        HtmlPage page = wc.goTo("manage/configureSecurity/");
        HtmlForm form = page.getFormByName("config");
        form.getInputByName("_.maxLifetimeDays").setValue("60");
        form.getInputByName("_.defaultLifetimeDays").setValue("30");
        form.getInputByName("_.maxTokensPerUser").setValue("5");
        r.submit(form);
        TokenPolicyConfiguration config = TokenPolicyConfiguration.get();
        assertEquals(60, config.getMaxLifetimeDays());
        assertEquals(30, config.getDefaultLifetimeDays());
        assertEquals(5, config.getMaxTokensPerUser());
    }

    @Test
    void contradictorySettingsAreRefusedAndNotSaved() throws Exception {
        JenkinsRule.WebClient wc =
                r.createWebClient().withThrowExceptionOnFailingStatusCode(false).login("admin");
        HtmlPage page = wc.goTo("manage/configureSecurity/");
        HtmlForm form = page.getFormByName("config");
        form.getInputByName("_.maxLifetimeDays").setValue("30");
        form.getInputByName("_.defaultLifetimeDays").setValue("90");
        HtmlPage result = r.submit(form);
        assertTrue(result.getWebResponse().getContentAsString().contains("cannot be longer than the maximum lifetime"));
        assertEquals(0, TokenPolicyConfiguration.get().getMaxLifetimeDays());
    }

    @Test
    void formValidationNamesTheProblem() throws Exception {
        JenkinsRule.WebClient wc = r.createWebClient().login("admin");
        WebResponse response = wc.loadWebResponse(wc.addCrumb(TokenApi.request(
                r,
                HttpMethod.POST,
                "descriptorByName/io.jenkins.plugins.apitokens.policy.TokenPolicyConfiguration/checkMaxLifetimeDays",
                "value",
                "30",
                "defaultLifetimeDays",
                "90")));
        assertTrue(response.getContentAsString().contains("cannot be longer"), response.getContentAsString());
    }

    @Test
    void nonAdministratorsCannotUseTheValidationEndpoints() throws Exception {
        JenkinsRule.WebClient wc =
                r.createWebClient().withThrowExceptionOnFailingStatusCode(false).login("alice");
        WebResponse response = wc.loadWebResponse(wc.addCrumb(TokenApi.request(
                r,
                HttpMethod.POST,
                "descriptorByName/io.jenkins.plugins.apitokens.policy.TokenPolicyConfiguration/checkMaxLifetimeDays",
                "value",
                "30")));
        assertEquals(403, response.getStatusCode());
    }
}
