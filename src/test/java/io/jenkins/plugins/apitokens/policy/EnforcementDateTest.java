package io.jenkins.plugins.apitokens.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.apitokens.TokenApi;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.engine.ExpiryChoice;
import io.jenkins.plugins.apitokens.engine.NewToken;
import io.jenkins.plugins.apitokens.engine.TokenRequest;
import io.jenkins.plugins.casc.ConfigurationAsCode;
import io.jenkins.plugins.casc.yaml.YamlSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.logging.Level;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.LogRecorder;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The enforcement date: the form asks the administrator to confirm how many tokens it blocks, as bulk revocation
 * does; JCasC and scripts apply it and log the count; a value that is not a date is refused by every way in, naming
 * the setting, and changes nothing.
 */
@WithJenkins
class EnforcementDateTest {

    private JenkinsRule r;
    private NewToken forever;

    @BeforeEach
    void setUp(JenkinsRule rule) {
        r = rule;
        TokenApi.secure(r);
        forever = TokenEngine.get()
                .service()
                .create("alice", new TokenRequest("forever", ExpiryChoice.NEVER, null), "alice");
        TokenPolicyConfiguration.get().setExpiryRequired(true);
    }

    private int whoAmI() throws Exception {
        return TokenApi.call(r, HttpMethod.GET, "whoAmI/api/json", "alice", forever.value())
                .getStatusCode();
    }

    /**
     * Submits the whole Security page, as an administrator does. Core's sections on it are applied too, JenkinsRule's
     * test realm among them, which does not survive its own form: the test's realm is put back afterwards.
     */
    private String submit(HtmlForm form) throws Exception {
        String answer = r.submit(form).getWebResponse().getContentAsString();
        TokenApi.secure(r);
        return answer;
    }

    private HtmlForm policyForm(JenkinsRule.WebClient wc) throws Exception {
        HtmlPage page = wc.goTo("manage/configureSecurity/");
        return page.getFormByName("config");
    }

    @Test
    void theFormAsksToConfirmHowManyTokensADateBlocksAndSavesNothingUntilThen() throws Exception {
        JenkinsRule.WebClient wc =
                r.createWebClient().withThrowExceptionOnFailingStatusCode(false).login("admin");
        HtmlForm form = policyForm(wc);
        form.getInputByName("_.enforcementDate").setValue("2020-01-01");
        String unconfirmed = submit(form);
        assertTrue(unconfirmed.contains("one live token that breaks the policy will be refused"), unconfirmed);
        assertTrue(unconfirmed.contains("enter 1 in"), unconfirmed);
        assertEquals(null, TokenPolicyConfiguration.get().getEnforcementDate());
        assertEquals(200, whoAmI(), "nothing blocked yet");

        form = policyForm(wc);
        form.getInputByName("_.enforcementDate").setValue("2020-01-01");
        form.getInputByName("_.blockedTokensConfirmed").setValue("2");
        assertTrue(submit(form).contains("enter 1 in"), "a wrong number is no confirmation");
        assertEquals(null, TokenPolicyConfiguration.get().getEnforcementDate());

        form = policyForm(wc);
        form.getInputByName("_.enforcementDate").setValue("2020-01-01");
        form.getInputByName("_.blockedTokensConfirmed").setValue("1");
        submit(form);
        assertEquals("2020-01-01", TokenPolicyConfiguration.get().getEnforcementDate());
        assertEquals(403, whoAmI());
        assertEquals(1, TokenEngine.get().service().list("alice").size(), "blocked, not revoked");
    }

    @Test
    void aDateThatBlocksNothingNeedsNoConfirmation() throws Exception {
        TokenPolicyConfiguration.get().setExpiryRequired(false);
        JenkinsRule.WebClient wc = r.createWebClient().login("admin");
        HtmlForm form = policyForm(wc);
        form.getInputByName("_.enforcementDate").setValue("2031-06-30");
        submit(form);
        assertEquals("2031-06-30", TokenPolicyConfiguration.get().getEnforcementDate());
        assertEquals(
                Instant.parse("2031-06-30T00:00:00Z"),
                TokenEngine.get().service().policy().getEnforcementStart());
    }

    @Test
    void theFieldsCheckSaysHowManyTokensTheDateWouldBlock() throws Exception {
        JenkinsRule.WebClient wc = r.createWebClient().login("admin");
        WebResponse check = wc.loadWebResponse(wc.addCrumb(TokenApi.request(
                r,
                HttpMethod.POST,
                "descriptorByName/io.jenkins.plugins.apitokens.policy.TokenPolicyConfiguration/checkEnforcementDate",
                "value",
                "2027-01-31")));
        assertTrue(
                check.getContentAsString().contains("One live token breaks the policy as saved"),
                check.getContentAsString());
        WebResponse wrong = wc.loadWebResponse(wc.addCrumb(TokenApi.request(
                r,
                HttpMethod.POST,
                "descriptorByName/io.jenkins.plugins.apitokens.policy.TokenPolicyConfiguration/checkEnforcementDate",
                "value",
                "31.01.2027")));
        assertTrue(wrong.getContentAsString().contains("is not a date"), wrong.getContentAsString());
    }

    @Test
    void cascAppliesTheDateAndLogsHowManyTokensItBlocks() throws Exception {
        try (LogRecorder log = new LogRecorder()
                .record(TokenPolicyConfiguration.class, Level.INFO)
                .capture(50)) {
            ConfigurationAsCode.get()
                    .configureWith(YamlSource.of(new ByteArrayInputStream(
                            "security:\n  apiTokenManager:\n    enforcementDate: \"2020-01-01\"\n"
                                    .getBytes(StandardCharsets.UTF_8))));
            assertTrue(
                    log.getMessages().stream()
                            .anyMatch(line -> line.contains("1 live tokens break it and are blocked from 2020-01-01")),
                    log.getMessages().toString());
        }
        assertEquals(403, whoAmI());
    }

    @Test
    void aValueThatIsNoDateIsRefusedByEveryWayInNamingTheSetting() throws Exception {
        IllegalArgumentException setter =
                assertThrows(IllegalArgumentException.class, () -> TokenPolicyConfiguration.get()
                        .setEnforcementDate("tomorrow"));
        assertTrue(setter.getMessage().startsWith("enforcementDate: 'tomorrow' is not a date"), setter.getMessage());
        Exception casc = assertThrows(Exception.class, () -> ConfigurationAsCode.get()
                .configureWith(YamlSource.of(
                        new ByteArrayInputStream("security:\n  apiTokenManager:\n    enforcementDate: \"01/02/2027\"\n"
                                .getBytes(StandardCharsets.UTF_8)))));
        StringBuilder messages = new StringBuilder();
        for (Throwable t = casc; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append(" | ");
        }
        assertTrue(messages.toString().contains("enforcementDate"), messages.toString());
        assertEquals(null, TokenPolicyConfiguration.get().getEnforcementDate());
        assertEquals(200, whoAmI(), "nothing changed, tokens keep working");
    }
}
