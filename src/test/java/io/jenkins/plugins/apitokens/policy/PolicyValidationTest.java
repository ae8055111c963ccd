package io.jenkins.plugins.apitokens.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.apitokens.TokenApi;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.engine.NewToken;
import io.jenkins.plugins.casc.ConfigurationAsCode;
import io.jenkins.plugins.casc.ConfiguratorException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.htmlunit.HttpMethod;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlNumberInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTextInput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Every way of setting the policy (JCasC, a setter from a script, the form) refuses an invalid value with a message
 * naming it, changes nothing, and never leaves a policy that locks tokens out.
 */
@WithJenkins
class PolicyValidationTest {

    private JenkinsRule r;
    private NewToken token;

    @BeforeEach
    void setUp(JenkinsRule rule) {
        r = rule;
        TokenApi.secure(r);
        token = TokenApi.mint("alice", "ci");
        TokenPolicyConfiguration.get().setMaxLifetimeDays(90);
    }

    private void apply(String yaml) throws ConfiguratorException {
        ConfigurationAsCode.get()
                .configureWith(io.jenkins.plugins.casc.yaml.YamlSource.of(
                        new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))));
    }

    private void assertUnchangedAndTokensWork() throws Exception {
        TokenPolicyConfiguration config = TokenPolicyConfiguration.get();
        assertEquals(90, config.getMaxLifetimeDays());
        assertEquals(90, config.getDefaultLifetimeDays(), "a fresh instance's default, within the maximum");
        assertEquals(6, config.getAgeingAfterMonths());
        assertEquals(12, config.getOldAfterMonths());
        assertEquals(Duration.ofDays(90), TokenEngine.get().service().policy().getMaxLifetime());
        assertEquals(
                200,
                TokenApi.call(r, HttpMethod.GET, "whoAmI/api/json", "alice", token.value())
                        .getStatusCode(),
                "token checks keep working");
    }

    private void assertRefusedByCasc(String attribute, String value) throws Exception {
        String yaml = "security:\n  apiTokenManager:\n    " + attribute + ": " + value + "\n";
        Exception e = assertThrows(Exception.class, () -> apply(yaml), attribute + ": " + value);
        assertTrue(messages(e).contains(attribute), "names " + attribute + ": " + messages(e));
        assertUnchangedAndTokensWork();
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }

    @Test
    void cascRefusesEachInvalidValueNamingItAndChangesNothing() throws Exception {
        assertRefusedByCasc("defaultLifetimeDays", "200");
        assertRefusedByCasc("maxLifetimeDays", "-5");
        assertRefusedByCasc("ageingAfterMonths", "-1");
        assertRefusedByCasc("oldAfterMonths", "3");
        assertRefusedByCasc("buildTokenMaxLifetimeHours", "0");
        assertRefusedByCasc("maxTokensPerUser", "-1");
        assertRefusedByCasc("revokeUnusedAfterDays", "-30");
        assertRefusedByCasc("expiryWarningDays", "\"30, 0\"");
        assertRefusedByCasc("expiryWarningDays", "\"a week\"");
        // JCasC itself would read these as 0 ("no limit") and false.
        assertRefusedByCasc("maxLifetimeDays", "abc");
        assertRefusedByCasc("fullScopeAllowed", "admin");
        assertTrue(TokenPolicyConfiguration.get().isFullScopeAllowed());
    }

    @Test
    void cascRefusesACombinationAndKeepsTheOthersItSet() throws Exception {
        Exception e = assertThrows(
                Exception.class,
                () -> apply("security:\n  apiTokenManager:\n    ageingAfterMonths: 12\n    oldAfterMonths: 3\n"
                        + "    defaultLifetimeDays: 30\n"));
        assertTrue(messages(e).contains("oldAfterMonths"), messages(e));
        assertUnchangedAndTokensWork();
    }

    @Test
    void cascAcceptsSettingsValidTogetherInAnyOrder() throws Exception {
        // One at a time, ageing 12 with old 12 would be refused: together they are fine.
        apply("security:\n  apiTokenManager:\n    ageingAfterMonths: 12\n    oldAfterMonths: 24\n"
                + "    maxLifetimeDays: 120\n    defaultLifetimeDays: 100\n");
        TokenPolicyConfiguration config = TokenPolicyConfiguration.get();
        assertEquals(12, config.getAgeingAfterMonths());
        assertEquals(24, config.getOldAfterMonths());
        assertEquals(Duration.ofDays(100), TokenEngine.get().service().policy().getDefaultLifetime());
    }

    @Test
    void aSetterCalledFromAScriptIsCheckedAtOnce() throws Exception {
        TokenPolicyConfiguration config = TokenPolicyConfiguration.get();
        List<Consumer<TokenPolicyConfiguration>> invalid = List.of(
                c -> c.setDefaultLifetimeDays(200),
                c -> c.setMaxLifetimeDays(-5),
                c -> c.setAgeingAfterMonths(-1),
                c -> c.setOldAfterMonths(3),
                c -> c.setBuildTokenMaxLifetimeHours(0),
                c -> c.setFullScopeAllowed(false));
        config.setRunBuildsScopeAllowed(false);
        config.setReadOnlyScopeAllowed(false);
        for (Consumer<TokenPolicyConfiguration> change : invalid) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> change.accept(config));
            assertTrue(e.getMessage().contains(":"), "names the attribute: " + e.getMessage());
            config.setReadOnlyScopeAllowed(true);
            assertUnchangedAndTokensWork();
            config.setReadOnlyScopeAllowed(false);
        }
    }

    @Test
    void revokingUnusedTokensWithoutUsageTrackingIsRefused() throws Exception {
        TokenPolicyConfiguration config = TokenPolicyConfiguration.get();
        config.setUsageTracked(false);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> config.setRevokeUnusedAfterDays(30));
        assertTrue(e.getMessage().startsWith("revokeUnusedAfterDays: "), e.getMessage());
        assertEquals(0, config.getRevokeUnusedAfterDays());
        config.setUsageTracked(true);
        config.setRevokeUnusedAfterDays(30);
        assertThrows(IllegalArgumentException.class, () -> config.setUsageTracked(false));
        assertTrue(config.isUsageTracked());
    }

    @Test
    void aRefusedFormChangesNoFieldNotEvenOneThatWasUnsetOnDisk() throws Exception {
        assertNull(TokenPolicyConfiguration.get().getBuildTokenUser());
        JenkinsRule.WebClient wc =
                r.createWebClient().withThrowExceptionOnFailingStatusCode(false).login("admin");
        HtmlPage page = wc.goTo("manage/configureSecurity/");
        HtmlForm form = page.getFormByName("config");
        ((HtmlTextInput) form.getInputByName("_.buildTokenUser")).setText("bob");
        ((HtmlNumberInput) form.getInputByName("_.defaultLifetimeDays")).setText("200");
        HtmlPage answer = r.submit(form);
        assertTrue(answer.getWebResponse().getStatusCode() >= 400, "refused");
        assertTrue(answer.getWebResponse().getContentAsString().contains("defaultLifetimeDays"));
        assertNull(TokenPolicyConfiguration.get().getBuildTokenUser(), "the refused value is not kept");
        assertEquals(90, TokenPolicyConfiguration.get().getDefaultLifetimeDays(), "still the fresh default");
        assertEquals(Duration.ofDays(90), TokenEngine.get().service().policy().getMaxLifetime());
        // (Core's sections of the same form were applied, JenkinsRule's test realm among them: the token is checked
        // through the engine, not over HTTP.)
        assertTrue(TokenEngine.get()
                .service()
                .verify("alice", token.value(), "test")
                .isAccepted());
    }

    @Test
    void aPolicySavedByAnOlderVersionNeverLocksTokensOut() throws Exception {
        TokenPolicyConfiguration config = TokenPolicyConfiguration.get();
        java.io.File file = new java.io.File(r.jenkins.getRootDir(), TokenPolicyConfiguration.CONFIG_FILE_NAME);
        String xml = java.nio.file.Files.readString(file.toPath());
        // What an earlier release could store: a build token lifetime of 0 and an ageing threshold below 1.
        xml = xml.replaceAll(
                        "<buildTokenMaxLifetimeHours>\\d+</buildTokenMaxLifetimeHours>",
                        "<buildTokenMaxLifetimeHours>0</buildTokenMaxLifetimeHours>")
                .replaceAll("<ageingAfterMonths>\\d+</ageingAfterMonths>", "<ageingAfterMonths>-1</ageingAfterMonths>");
        java.nio.file.Files.writeString(file.toPath(), xml);
        config.load();
        assertEquals(24, config.getBuildTokenMaxLifetimeHours());
        assertEquals(6, config.getAgeingAfterMonths());
        assertUnchangedAndTokensWork();
    }
}
