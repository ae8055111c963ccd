package io.jenkins.plugins.apitokens.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.cli.CLICommandInvoker;
import hudson.model.User;
import io.jenkins.plugins.apitokens.TokenApi;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.engine.TokenInfo;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import net.sf.json.JSONNull;
import net.sf.json.JSONObject;
import org.htmlunit.HttpMethod;
import org.htmlunit.html.HtmlOption;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * A fresh install gives new tokens a lifetime unless the user picks "never" (where the policy allows it): the page,
 * REST and the CLI alike. An instance upgraded with a saved policy keeps what its administrator chose, none included.
 */
class FreshDefaultsTest {

    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    private static void assertExpiresInDays(long days, Instant expires) {
        Instant expected = Instant.now().plus(Duration.ofDays(days));
        assertTrue(
                expires != null && Duration.between(expires, expected).abs().compareTo(Duration.ofMinutes(5)) < 0,
                "expires " + expires + ", expected about " + expected);
    }

    private static TokenInfo named(String name) {
        return TokenEngine.get().service().list("alice").stream()
                .filter(token -> token.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aFreshInstanceGivesNewTokensNinetyDaysOnThePageOverRestAndFromTheCli() throws Throwable {
        sessions.then(r -> {
            TokenApi.secure(r);
            assertEquals(90, TokenPolicyConfiguration.get().getDefaultLifetimeDays());

            JSONObject created = TokenApi.json(
                    TokenApi.callAs(r, HttpMethod.POST, "user/alice/api-tokens/create", "alice", "name", "rest"));
            assertExpiresInDays(90, Instant.parse(created.getJSONObject("token").getString("expires")));

            CLICommandInvoker.Result cli =
                    new CLICommandInvoker(r, "create-api-token").asUser("alice").invokeWithArgs("cli");
            assertEquals(0, cli.returnCode(), cli.stderr());
            assertExpiresInDays(90, named("cli").expires());

            HtmlPage page = r.createWebClient().login("alice").goTo("user/alice/security/");
            HtmlSelect expiry = page.querySelector("select.atm-new-expiry");
            HtmlOption chosen = expiry.getSelectedOptions().get(0);
            assertEquals("90d", chosen.getValueAttribute(), "the add form starts at the default");
            assertTrue(
                    expiry.getOptions().stream()
                            .anyMatch(option -> option.getValueAttribute().equals("never")),
                    "never stays a choice while the policy allows it");

            JSONObject never = TokenApi.json(TokenApi.callAs(
                    r,
                    HttpMethod.POST,
                    "user/alice/api-tokens/create",
                    "alice",
                    "name",
                    "chosen never",
                    "expiry",
                    "never"));
            assertEquals(JSONNull.getInstance(), never.getJSONObject("token").get("expires"));
        });
    }

    @Test
    void aFreshDefaultStaysWithinAMaximumSetAloneAsJcascOrAScriptWouldSetIt() throws Throwable {
        sessions.then(r -> {
            TokenPolicyConfiguration.get().setMaxLifetimeDays(30);
            assertEquals(30, TokenPolicyConfiguration.get().getDefaultLifetimeDays());
            assertEquals(
                    Duration.ofDays(30), TokenEngine.get().service().policy().getDefaultLifetime());
        });
    }

    @Test
    void anUpgradedInstanceKeepsItsSavedPolicyAcrossRestarts() throws Throwable {
        sessions.then(r -> {
            TokenApi.secure(r);
            File file = new File(r.jenkins.getRootDir(), TokenPolicyConfiguration.CONFIG_FILE_NAME);
            try (InputStream in =
                    FreshDefaultsTest.class.getResourceAsStream("FreshDefaultsTest/policy-without-default.xml")) {
                Files.copy(in, file.toPath(), StandardCopyOption.REPLACE_EXISTING);
            }
        });
        sessions.then(r -> {
            assertEquals(0, TokenPolicyConfiguration.get().getDefaultLifetimeDays());
            assertNull(TokenEngine.get().service().policy().getDefaultLifetime());
            JSONObject created = TokenApi.json(
                    TokenApi.callAs(r, HttpMethod.POST, "user/alice/api-tokens/create", "alice", "name", "upgraded"));
            assertEquals(
                    JSONNull.getInstance(),
                    created.getJSONObject("token").get("expires"),
                    "no default lifetime, as before the upgrade");
            assertTrue(User.getById("alice", false) != null);
        });
    }
}
