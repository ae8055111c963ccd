package io.jenkins.plugins.apitokens.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Item;
import hudson.model.User;
import io.jenkins.plugins.apitokens.RawHttp;
import io.jenkins.plugins.apitokens.TokenApi;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.audit.AuditTrail;
import io.jenkins.plugins.apitokens.coretokens.CoreTokens;
import io.jenkins.plugins.apitokens.engine.AuditEvent;
import io.jenkins.plugins.apitokens.engine.AuditEventType;
import io.jenkins.plugins.apitokens.engine.NewToken;
import io.jenkins.plugins.apitokens.engine.Scope;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import jenkins.security.ApiTokenProperty;
import jenkins.security.apitoken.ApiTokenPropertyConfiguration;
import jenkins.security.apitoken.TokenUuidAndPlainValue;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * One policy for every token of the instance: core's token section cannot step around it, and tokens made before it
 * (core's, legacy, the plugin's own) are refused from the enforcement date, never revoked, and work again when the
 * policy is relaxed. Runs on both lines: core's tokens have expiry dates from 2.548 on, and each line checks what its
 * core can do.
 */
@WithJenkins
class PolicyForEveryTokenTest {

    private static final String GENERATE =
            "user/alice/descriptorByName/jenkins.security.ApiTokenProperty/generateNewToken";

    private JenkinsRule r;
    private ApiTokenProperty core;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        TokenApi.secure(r, Jenkins.READ, Item.READ);
        r.createFreeStyleProject("app");
        core = User.getById("alice", false).getProperty(ApiTokenProperty.class);
    }

    private static void enforceFrom(String date) {
        TokenPolicyConfiguration.get().setEnforcementDate(date);
    }

    private int coreTokenCount() {
        return core.getTokenList().size();
    }

    private int whoAmI(String user, String value) throws Exception {
        return TokenApi.call(r, HttpMethod.GET, "whoAmI/api/json", user, value).getStatusCode();
    }

    private static String body(WebResponse response) {
        return response.getContentAsString();
    }

    /** {@code ApiTokenProperty.generateNewToken(String, LocalDate)}, or {@code null} on a core without expiry. */
    private static Method expiringGenerator() {
        try {
            return ApiTokenProperty.class.getMethod("generateNewToken", String.class, LocalDate.class);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    @Test
    void coresAddNewTokenIsRefusedWithTheRuleItCannotMeet() throws Exception {
        TokenApi.strictPolicy();
        WebResponse refused = TokenApi.callAs(r, HttpMethod.POST, GENERATE, "alice", "newTokenName", "script");
        assertEquals(403, refused.getStatusCode(), body(refused));
        assertTrue(
                body(refused).contains("Core's tokens always have full access, and the policy allows only: read-only."),
                body(refused));
        assertTrue(
                body(refused).contains("create it in the 'API tokens' section of your Security page instead"),
                body(refused));
        assertEquals(0, coreTokenCount(), "nothing was created");
    }

    @Test
    void everyRouteToCoresTokenCreationIsHeldToThePolicy() throws Exception {
        NewToken full = TokenApi.mint("alice", "alice's full token, made before the policy");
        TokenApi.strictPolicy();
        List<String> routes = List.of(
                GENERATE,
                "user/alice/descriptorByName/ApiTokenProperty/generateNewToken",
                "me/descriptorByName/jenkins.security.ApiTokenProperty/generateNewToken",
                "user/alice/descriptorByName/jenkins.security.ApiTokenProperty/generateNewToken/",
                "user/alice/descriptorByName/jenkins%2Esecurity%2EApiTokenProperty/generateNewToken",
                "user/alice/descriptorByName/JENKINS.SECURITY.APITOKENPROPERTY/GenerateNewToken",
                "user/alice/descriptorByName/jenkins.security.ApiTokenProperty/addFixedToken",
                "user/alice/descriptorByName/jenkins.security.ApiTokenProperty/changeToken",
                // Back to the root through a job's parent, to core's descriptor by its own class name (2.516).
                "me/my-views/view/all/job/app/parent/extensionList/hudson.model.Descriptor/"
                        + "jenkins.security.ApiTokenProperty$DescriptorImpl/generateNewToken",
                "descriptor/jenkins.security.ApiTokenProperty/generateNewToken");
        for (String route : routes) {
            WebResponse session = TokenApi.callAs(
                    r, HttpMethod.POST, route, "alice", "newTokenName", "x", "newTokenPlainValue", "1234567890abcdef");
            assertNotEquals(200, session.getStatusCode(), route + ": " + body(session));
            WebResponse withToken =
                    TokenApi.call(r, HttpMethod.POST, route, "alice", full.value(), "newTokenName", "y");
            assertNotEquals(200, withToken.getStatusCode(), route + " with a full token: " + body(withToken));
        }
        assertEquals(0, coreTokenCount(), "no route made a core token");
    }

    @Test
    void leavingCoresSectionAloneGivesCoresOwnBehaviourBack() throws Exception {
        TokenApi.strictPolicy();
        TokenPolicyConfiguration.get().setCoreTokensGoverned(false);
        WebResponse made = TokenApi.callAs(r, HttpMethod.POST, GENERATE, "alice", "newTokenName", "script");
        assertEquals(200, made.getStatusCode(), body(made));
        assertEquals(1, coreTokenCount());
    }

    @Test
    void aCoreTokenMadeBeforeIsRefusedFromTheDateAndWorksAgainWhenCoreIsLeftAlone() throws Exception {
        TokenUuidAndPlainValue before = core.generateNewToken("made last year");
        TokenApi.strictPolicy();
        assertEquals(200, whoAmI("alice", before.plainValue), "no date yet: it still works");

        enforceFrom(LocalDate.now().minusDays(1).toString());
        WebResponse refused = TokenApi.call(r, HttpMethod.GET, "whoAmI/api/json", "alice", before.plainValue);
        assertEquals(403, refused.getStatusCode());
        assertTrue(
                body(refused).contains("breaks the token policy of this Jenkins, which blocks such tokens since"),
                body(refused));
        assertTrue(body(refused).contains("Nothing was revoked"), body(refused));
        assertEquals(1, coreTokenCount(), "never revoked");

        TokenPolicyConfiguration.get().setCoreTokensGoverned(false);
        assertEquals(200, whoAmI("alice", before.plainValue), "works again");
    }

    @Test
    void anOlderPluginTokenBeyondTheMaximumLifetimeIsBlockedAndCompliantOnesAreUntouched() throws Exception {
        Instant inAYear = Instant.now().plus(Duration.ofDays(365));
        NewToken older = TokenApi.mint("alice", "older", inAYear, Scope.READ_ONLY);
        TokenApi.strictPolicy();
        NewToken compliant = TokenApi.mint("alice", "compliant", Scope.READ_ONLY, "app");
        enforceFrom("2020-01-01"); // a date in the past means now

        WebResponse refused = TokenApi.call(r, HttpMethod.GET, "job/app/api/json", "alice", older.value());
        assertEquals(403, refused.getStatusCode());
        assertTrue(body(refused).contains("It lives longer than the maximum lifetime of 30 days"), body(refused));
        assertTrue(
                body(refused).contains("It works everywhere, and tokens must be limited to folders or jobs"),
                body(refused));
        assertEquals(
                200,
                TokenApi.call(r, HttpMethod.GET, "job/app/api/json", "alice", compliant.value())
                        .getStatusCode());

        TokenApi.changePolicy(policy -> {
            policy.setMaxLifetimeDays(0);
            policy.setDefaultLifetimeDays(0);
            policy.setExpiryRequired(false);
            policy.setItemLimitRequired(false);
        });
        assertEquals(
                200,
                TokenApi.call(r, HttpMethod.GET, "job/app/api/json", "alice", older.value())
                        .getStatusCode(),
                "relaxed: works again");
        assertEquals(2, TokenEngine.get().service().list("alice").size(), "nothing was revoked");
    }

    @Test
    void passwordsAndBrowserSessionsAreNeverBlocked() throws Exception {
        NewToken older = TokenApi.mint("admin", "admin's old full token");
        TokenApi.strictPolicy();
        enforceFrom("2020-01-01");
        assertEquals(403, whoAmI("admin", older.value()));
        assertEquals(200, whoAmI("admin", "admin"), "a password (the dummy realm's) is not a token");
        JenkinsRule.WebClient browser = r.createWebClient().login("admin");
        assertEquals(
                200, browser.goTo("manage/configureSecurity/").getWebResponse().getStatusCode());
    }

    @Test
    void aBlockedUseGoesIntoTheAuditTrailOnceAnHourWithTheRefusalsWords() throws Exception {
        NewToken older = TokenApi.mint("alice", "older");
        TokenApi.strictPolicy();
        enforceFrom("2020-01-01");
        assertEquals(403, whoAmI("alice", older.value()));
        assertEquals(403, whoAmI("alice", older.value()));
        List<AuditEvent> blocked = AuditTrail.get().getEvents().stream()
                .filter(event -> event.type() == AuditEventType.BLOCKED)
                .toList();
        assertEquals(1, blocked.size(), blocked.toString());
        assertEquals(older.token().id(), blocked.get(0).tokenId());
        // Made with a fresh instance's default lifetime, 90 days: beyond the new maximum.
        assertTrue(
                blocked.get(0).detail().contains("It lives longer than the maximum lifetime of 30 days"),
                blocked.get(0).detail());
    }

    @Test
    void theUsersTokensBeyondThePerUserMaximumCountCoresTokensToo() throws Exception {
        TokenUuidAndPlainValue first = core.generateNewToken("core first");
        Thread.sleep(5); // creation order decides which tokens are beyond the maximum
        NewToken second = TokenApi.mint("alice", "second");
        Thread.sleep(5);
        NewToken third = TokenApi.mint("alice", "third");
        TokenPolicyConfiguration.get().setMaxTokensPerUser(2);

        WebResponse coreRefused = TokenApi.callAs(r, HttpMethod.POST, GENERATE, "alice", "newTokenName", "fourth");
        assertEquals(403, coreRefused.getStatusCode());
        assertTrue(body(coreRefused).contains("A user can have at most 2 tokens"), body(coreRefused));
        WebResponse pluginRefused =
                TokenApi.callAs(r, HttpMethod.POST, "user/alice/api-tokens/create", "alice", "name", "fifth");
        assertEquals(400, pluginRefused.getStatusCode(), "the plugin counts core's tokens too: " + body(pluginRefused));

        enforceFrom("2020-01-01");
        assertEquals(200, whoAmI("alice", first.plainValue));
        assertEquals(200, whoAmI("alice", second.value()));
        WebResponse beyond = TokenApi.call(r, HttpMethod.GET, "whoAmI/api/json", "alice", third.value());
        assertEquals(403, beyond.getStatusCode());
        assertTrue(
                body(beyond).contains("Its user holds more than 2 tokens, and it was made after the first 2"),
                body(beyond));
    }

    @Test
    void onACoreWithExpiryDatesItsTokensWithinTheMaximumStayAllowed() throws Exception {
        TokenPolicyConfiguration.get().setMaxLifetimeDays(30);
        if (!CoreTokens.canExpire()) {
            // 2.516: core's tokens never expire, so none can meet a maximum lifetime.
            WebResponse refused = TokenApi.callAs(r, HttpMethod.POST, GENERATE, "alice", "newTokenName", "x");
            assertEquals(403, refused.getStatusCode());
            assertTrue(
                    body(refused).contains("which core's tokens cannot have on this version of Jenkins"),
                    body(refused));
            assertEquals(0, coreTokenCount());
            return;
        }
        WebResponse week = TokenApi.callAs(
                r, HttpMethod.POST, GENERATE, "alice", "newTokenName", "week", "expirationDuration", "7");
        assertEquals(200, week.getStatusCode(), body(week));
        WebResponse never = TokenApi.callAs(
                r, HttpMethod.POST, GENERATE, "alice", "newTokenName", "never", "expirationDuration", "never");
        assertEquals(403, never.getStatusCode());
        WebResponse tooLate = TokenApi.callAs(
                r,
                HttpMethod.POST,
                GENERATE,
                "alice",
                "newTokenName",
                "late",
                "expirationDuration",
                "custom",
                "tokenExpiration",
                LocalDate.now().plusDays(31).toString());
        assertEquals(403, tooLate.getStatusCode());
        assertTrue(body(tooLate).contains("Tokens can live at most 30 days"), body(tooLate));
        WebResponse lastDay = TokenApi.callAs(
                r,
                HttpMethod.POST,
                GENERATE,
                "alice",
                "newTokenName",
                "last day",
                "expirationDuration",
                "custom",
                "tokenExpiration",
                LocalDate.now().plusDays(30).toString());
        assertEquals(200, lastDay.getStatusCode(), body(lastDay));
        assertEquals(2, coreTokenCount());

        TokenUuidAndPlainValue noExpiry =
                (TokenUuidAndPlainValue) expiringGenerator().invoke(core, "no expiry", (LocalDate) null);
        TokenUuidAndPlainValue within = (TokenUuidAndPlainValue)
                expiringGenerator().invoke(core, "within", LocalDate.now().plusDays(30));
        enforceFrom("2020-01-01");
        assertEquals(200, whoAmI("alice", within.plainValue), "core's token dated the last allowed day complies");
        assertEquals(403, whoAmI("alice", noExpiry.plainValue));
    }

    @Test
    void aLegacyTokenIsJudgedAndBlockedLikeCoresOtherTokens() throws Exception {
        ApiTokenPropertyConfiguration.get().setTokenGenerationOnCreationEnabled(true);
        User carol = User.getById("carol", true);
        carol.save();
        String legacy = carol.getProperty(ApiTokenProperty.class).getApiToken();
        assertEquals(200, whoAmI("carol", legacy));
        TokenApi.strictPolicy();
        enforceFrom("2020-01-01");
        WebResponse refused = TokenApi.call(r, HttpMethod.GET, "whoAmI/api/json", "carol", legacy);
        assertEquals(403, refused.getStatusCode());
        assertTrue(body(refused).contains("It never expires, and tokens must have an expiry date"), body(refused));
        assertTrue(carol.getProperty(ApiTokenProperty.class).hasLegacyToken(), "never revoked");
    }

    @Test
    void theMaximumCountsTheUserCoreGivesTheTokenToWhateverTheDotSegmentsSay() throws Exception {
        NewToken only = TokenApi.mint("alice", "only one");
        TokenPolicyConfiguration.get().setMaxTokensPerUser(1);
        RawHttp.Reply refused = RawHttp.send(
                r.getURL(),
                "POST",
                "user/bob/../../me/descriptorByName/jenkins.security.ApiTokenProperty/generateNewToken",
                "alice",
                only.value(),
                Map.of());
        assertEquals(403, refused.status(), refused.body());
        assertTrue(refused.body().contains("A user can have at most 1 tokens"), refused.body());
        assertEquals(0, coreTokenCount());
    }
}
