package io.jenkins.plugins.apitokens.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import hudson.Launcher;
import hudson.cli.CLI;
import hudson.cli.CLICommandInvoker;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.tasks.Mailer;
import io.jenkins.plugins.apitokens.TokenApi;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.audit.AuditTrail;
import io.jenkins.plugins.apitokens.engine.AuditEvent;
import io.jenkins.plugins.apitokens.engine.AuditEventType;
import io.jenkins.plugins.apitokens.engine.DecoyAlert;
import io.jenkins.plugins.apitokens.engine.DecoyInfo;
import io.jenkins.plugins.apitokens.engine.DecoyUse;
import io.jenkins.plugins.apitokens.engine.NewToken;
import io.jenkins.plugins.apitokens.notices.TokenNoticeListener;
import io.jenkins.plugins.apitokens.policy.TokenPolicyConfiguration;
import io.jenkins.plugins.casc.ConfigurationAsCode;
import io.jenkins.plugins.casc.yaml.YamlSource;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import jenkins.model.JenkinsLocationConfiguration;
import net.sf.json.JSONObject;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestBuilder;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Decoy tokens on a real Jenkins: whatever way a decoy is tried (a GET, a POST, the CLI, a build), the answer is the
 * one an unknown value gets, and exactly one alert goes out per use, to the audit trail, the extension point and the
 * policy's alert addresses, with what is known of the use. Only administrators ever see decoys.
 */
@WithJenkins
class DecoyTokensTest {

    private JenkinsRule r;

    @BeforeEach
    void setUp(JenkinsRule rule) {
        r = rule;
        TokenApi.secure(r);
        Alerts.get().received.clear();
    }

    /** Makes a decoy as an administrator does with the REST API, from a browser session with a crumb. */
    private String plantDecoy(String name, String plantedAt) throws Exception {
        WebResponse made = TokenApi.callAs(
                r, HttpMethod.POST, "manage/api-tokens/decoys/create", "admin", "name", name, "plantedAt", plantedAt);
        assertEquals(201, made.getStatusCode(), made.getContentAsString());
        return TokenApi.json(made).getString("value");
    }

    /** A value in the token format, checksum and all, that is no longer any token (it was revoked). */
    private static String unknownValue() {
        NewToken gone = TokenApi.mint("bob", "gone");
        TokenEngine.get().service().revoke("bob", gone.token().id(), "bob");
        return gone.value();
    }

    private List<DecoyAlert> awaitAlerts(int count) throws InterruptedException {
        for (int i = 0; i < 600 && Alerts.get().received.size() < count; i++) {
            Thread.sleep(50);
        }
        return new ArrayList<>(Alerts.get().received);
    }

    @Test
    void aDecoyIsAnsweredAsAnUnknownValueFromEveryOriginAndAlertsOncePerUse() throws Exception {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        try {
            Mailer.descriptor().setSmtpHost("127.0.0.1");
            Mailer.descriptor().setSmtpPort(String.valueOf(smtp.getSmtp().getPort()));
            JenkinsLocationConfiguration.get().setAdminAddress("Jenkins <jenkins@example.com>");
            TokenPolicyConfiguration.get().setAlertAddresses("security@example.com, ops@example.com");
            FreeStyleProject job = r.createFreeStyleProject("deploy");
            String decoy = plantDecoy("netrc on agent-3", "~/.netrc on agent-3");
            String unknown = unknownValue();

            // GET and POST, with a user name that does not exist (as in a planted .netrc) and one that does.
            for (String user : List.of("deploy-bot", "alice")) {
                WebResponse byDecoy = TokenApi.call(r, HttpMethod.GET, "whoAmI/api/json", user, decoy);
                WebResponse byUnknown = TokenApi.call(r, HttpMethod.GET, "whoAmI/api/json", user, unknown);
                assertEquals(401, byDecoy.getStatusCode());
                assertEquals(byUnknown.getStatusCode(), byDecoy.getStatusCode());
                assertEquals(byUnknown.getContentAsString(), byDecoy.getContentAsString());
                assertEquals(
                        byUnknown.getResponseHeaderValue("WWW-Authenticate"),
                        byDecoy.getResponseHeaderValue("WWW-Authenticate"));
            }
            WebResponse postByDecoy = TokenApi.call(r, HttpMethod.POST, "job/deploy/build", "alice", decoy);
            WebResponse postByUnknown = TokenApi.call(r, HttpMethod.POST, "job/deploy/build", "alice", unknown);
            assertEquals(postByUnknown.getStatusCode(), postByDecoy.getStatusCode());
            assertEquals(postByUnknown.getContentAsString(), postByDecoy.getContentAsString());
            assertEquals(0, job.getBuilds().size(), "no build was started");

            // The CLI client over HTTP, as `java -jar jenkins-cli.jar -auth user:value` runs it.
            String cliByDecoy = cli("deploy-bot:" + decoy);
            assertEquals(cli("deploy-bot:" + unknown), cliByDecoy);
            assertTrue(cliByDecoy.contains("401"), cliByDecoy);

            // A build that calls Jenkins with the value, as a script on an agent would.
            FreeStyleProject caller = r.createFreeStyleProject("caller");
            caller.getBuildersList().add(new CallJenkins("deploy-bot", decoy));
            FreeStyleBuild build = r.buildAndAssertSuccess(caller);
            r.assertLogContains("status 401", build);
            r.assertLogNotContains(decoy, build);

            // 2 GETs, 1 POST, the CLI (one or more HTTP requests), 1 build: one alert per request that carried it.
            long trips = TokenEngine.get().decoys().list().get(0).trips();
            assertTrue(trips >= 5, "every use counted: " + trips);
            List<DecoyAlert> alerts = awaitAlerts((int) trips);
            assertEquals(trips, alerts.size(), "exactly one alert per use, none for the unknown value");

            DecoyAlert first = alerts.get(0);
            assertEquals("netrc on agent-3", first.decoy().name());
            assertEquals(DecoyUse.Via.REQUEST, first.use().via());
            assertEquals("GET", first.use().method());
            assertTrue(
                    first.use().path().endsWith("/whoAmI/api/json"), first.use().path());
            assertEquals("deploy-bot", first.use().userName());
            assertTrue(first.use().source().matches("[0-9.:a-f]+"), first.use().source());
            assertTrue(
                    first.use().userAgent() != null && !first.use().userAgent().isEmpty());
            assertTrue(alerts.stream()
                    .anyMatch(alert -> "POST".equals(alert.use().method())
                            && alert.use().path().endsWith("/job/deploy/build")
                            && "alice".equals(alert.use().userName())));
            assertTrue(alerts.stream().anyMatch(alert -> alert.use().path().endsWith("/cli")), "the CLI's use");
            assertTrue(
                    alerts.stream().anyMatch(alert -> alert.use().userAgent().startsWith("Java-http-client")),
                    "the build's use");

            List<AuditEvent> tripped = AuditTrail.get().getEvents().stream()
                    .filter(event -> event.type() == AuditEventType.DECOY_TRIPPED)
                    .toList();
            assertEquals(trips, tripped.size());

            for (int i = 0; i < 600 && smtp.getReceivedMessages().length < 2 * trips; i++) {
                Thread.sleep(50);
            }
            MimeMessage[] mails = smtp.getReceivedMessages();
            assertEquals(2 * trips, mails.length, "each alert to both addresses");
            String body = mails[0].getContent().toString();
            assertTrue(mails[0].getSubject().startsWith("ALERT: Jenkins decoy token 'netrc on agent-3' was used"));
            assertTrue(body.contains("~/.netrc on agent-3"), body);
            assertTrue(body.contains("deploy-bot"), body);
            assertTrue(body.contains("/whoAmI/api/json"), body);
            for (MimeMessage mail : mails) {
                assertFalse(mail.getContent().toString().contains(decoy), "never the value");
            }
            String trail = Files.readString(r.jenkins.getRootDir().toPath().resolve("api-token-manager-audit.log"));
            assertFalse(trail.contains(decoy));
            String stored = Files.readString(r.jenkins.getRootDir().toPath().resolve("api-token-manager-decoys.json"));
            assertFalse(stored.contains(decoy), "only the hash is kept");
            assertTrue(stored.contains("netrc on agent-3"));
        } finally {
            smtp.stop();
        }
    }

    @Test
    void decoysAreForAdministratorsOnlyAndNeverAToken() throws Exception {
        CLICommandInvoker.Result created = new CLICommandInvoker(r, "create-api-token-decoy")
                .asUser("admin")
                .invokeWithArgs("ci config", "--planted-at", "repo infra/ci.yaml");
        assertEquals(0, created.returnCode(), created.stderr());
        String decoy = created.stdout().strip();
        String id = TokenEngine.get().decoys().list().get(0).id();

        // Never authenticates, not even as its creator, and is not one of their tokens.
        assertEquals(
                401,
                TokenApi.call(r, HttpMethod.GET, "whoAmI/api/json", "admin", decoy)
                        .getStatusCode());
        WebResponse rotate = TokenApi.callAs(r, HttpMethod.POST, "user/admin/api-tokens/rotate", "admin", "id", id);
        assertEquals(404, rotate.getStatusCode(), "a decoy cannot be rotated into a token");
        assertFalse(TokenApi.callAs(r, HttpMethod.GET, "user/admin/api-tokens/", "admin")
                .getContentAsString()
                .contains(id));
        TokenApi.mint("bob", "nightly");
        String overview = TokenApi.callAs(r, HttpMethod.GET, "manage/api-tokens/", "admin")
                .getContentAsString();
        String rows = overview.substring(overview.indexOf("<tbody>"), overview.indexOf("</tbody>"));
        assertTrue(rows.contains("atm-overview-row"), "the overview lists tokens");
        assertFalse(rows.contains(id), "but the decoy is no row of it");

        // Other users see nothing of decoys, by any route.
        assertEquals(
                403,
                TokenApi.callAs(r, HttpMethod.GET, "manage/api-tokens/decoys/", "alice")
                        .getStatusCode());
        assertEquals(
                403,
                TokenApi.callAs(r, HttpMethod.GET, "manage/api-tokens/decoys/list", "alice")
                        .getStatusCode());
        NewToken alices = TokenApi.mint("alice", "script");
        assertEquals(
                403,
                TokenApi.call(
                                r,
                                HttpMethod.POST,
                                "manage/api-tokens/decoys/create",
                                "alice",
                                alices.value(),
                                "name",
                                "x")
                        .getStatusCode());
        assertNotEquals(
                0,
                new CLICommandInvoker(r, "list-api-token-decoys")
                        .asUser("alice")
                        .invoke()
                        .returnCode());
        assertNotEquals(
                0,
                new CLICommandInvoker(r, "remove-api-token-decoy")
                        .asUser("alice")
                        .invokeWithArgs(id)
                        .returnCode());

        // Administrators see it, never its value again.
        String listed = new CLICommandInvoker(r, "list-api-token-decoys")
                .asUser("admin")
                .invoke()
                .stdout();
        assertTrue(listed.contains(id + "\tci config\trepo infra/ci.yaml"), listed);
        JSONObject json = TokenApi.json(TokenApi.callAs(r, HttpMethod.GET, "manage/api-tokens/decoys/list", "admin"));
        assertEquals("ci config", json.getJSONArray("decoys").getJSONObject(0).getString("name"));
        String page = TokenApi.callAs(r, HttpMethod.GET, "manage/api-tokens/decoys/", "admin")
                .getContentAsString();
        assertTrue(page.contains("repo infra/ci.yaml"));
        assertFalse(listed.contains(decoy) || json.toString().contains(decoy) || page.contains(decoy));

        // Bad input: a clear refusal, nothing made.
        WebResponse noName =
                TokenApi.callAs(r, HttpMethod.POST, "manage/api-tokens/decoys/create", "admin", "name", "");
        assertEquals(400, noName.getStatusCode());
        assertTrue(TokenApi.json(noName).getString("message").contains("name"));
        WebResponse taken =
                TokenApi.callAs(r, HttpMethod.POST, "manage/api-tokens/decoys/create", "admin", "name", "CI CONFIG");
        assertEquals(400, taken.getStatusCode());
        WebResponse unknownId =
                TokenApi.callAs(r, HttpMethod.POST, "manage/api-tokens/decoys/remove", "admin", "id", "nope");
        assertEquals(404, unknownId.getStatusCode());
        assertEquals(1, TokenEngine.get().decoys().count());
        IllegalArgumentException badAddress =
                assertThrows(IllegalArgumentException.class, () -> TokenPolicyConfiguration.get()
                        .setAlertAddresses("security@example.com, <evil>"));
        assertTrue(badAddress.getMessage().contains("alertAddresses"), badAddress.getMessage());
        assertTrue(TokenPolicyConfiguration.get().toPolicy().getAlertAddresses().isEmpty(), "nothing changed");

        // Found in a leak report: it trips with the reporter's address, and the answer is the one any report gets.
        String report = "[{\"RuleID\":\"jenkins-api-token\",\"File\":\"ci.yaml\",\"Secret\":\"" + decoy + "\"}]";
        String unknownReport = report.replace(decoy, unknownValue());
        WebResponse reported = leakReport(report);
        assertEquals(202, reported.getStatusCode());
        assertEquals(leakReport(unknownReport).getContentAsString(), reported.getContentAsString());
        DecoyAlert fromReport = awaitAlerts(2).get(1);
        assertEquals(DecoyUse.Via.LEAK_REPORT, fromReport.use().via());
        assertTrue(
                fromReport.use().source().matches("[0-9.:a-f]+"),
                fromReport.use().source());
        assertEquals(
                "found in a leak report from " + fromReport.use().source(),
                AuditTrail.get().getEvents().stream()
                        .filter(event -> event.type() == AuditEventType.DECOY_TRIPPED)
                        .findFirst()
                        .orElseThrow()
                        .detail());

        // Configuration as code: declared without a value, made once on request; applying again changes nothing.
        String yaml = "security:\n  apiTokenDecoys:\n    decoys:\n    - name: \"agent netrc\"\n"
                + "      plantedAt: \"~/.netrc on agent-7\"\n";
        for (int i = 0; i < 2; i++) {
            ConfigurationAsCode.get()
                    .configureWith(YamlSource.of(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))));
        }
        DecoyInfo declared = TokenEngine.get().decoys().list().get(0);
        assertEquals("agent netrc", declared.name());
        assertTrue(declared.awaitingValue());
        assertEquals(2, TokenEngine.get().decoys().count());
        WebResponse issued =
                TokenApi.callAs(r, HttpMethod.POST, "manage/api-tokens/decoys/issue", "admin", "id", declared.id());
        assertEquals(201, issued.getStatusCode(), issued.getContentAsString());
        String declaredValue = TokenApi.json(issued).getString("value");
        WebResponse twice =
                TokenApi.callAs(r, HttpMethod.POST, "manage/api-tokens/decoys/issue", "admin", "id", declared.id());
        assertEquals(400, twice.getStatusCode());
        assertFalse(twice.getContentAsString().contains(declaredValue));
        assertEquals(
                403,
                TokenApi.callAs(r, HttpMethod.POST, "manage/api-tokens/decoys/issue", "alice", "id", declared.id())
                        .getStatusCode());
        Exception badYaml = assertThrows(Exception.class, () -> ConfigurationAsCode.get()
                .configureWith(YamlSource.of(new ByteArrayInputStream(
                        "security:\n  apiTokenDecoys:\n    decoys:\n    - name: \"ok\"\n    - name: \" \"\n"
                                .getBytes(StandardCharsets.UTF_8)))));
        assertTrue(causes(badYaml).contains("decoys"), causes(badYaml));
        assertEquals(2, TokenEngine.get().decoys().count(), "a file with a bad decoy declares none");
        String exported = exportedYaml();
        assertTrue(exported.contains("agent netrc") && exported.contains("ci config"), exported);
        assertFalse(exported.contains(decoy) || exported.contains(declaredValue), "never a value");
        assertFalse(exported.contains("jnkapi_"), exported);

        // Removed, its value is an unknown value: answered the same, and no alert.
        assertEquals(
                200,
                TokenApi.callAs(r, HttpMethod.POST, "manage/api-tokens/decoys/remove", "admin", "id", id)
                        .getStatusCode());
        int before = awaitAlerts(2).size();
        assertEquals(
                401,
                TokenApi.call(r, HttpMethod.GET, "whoAmI/api/json", "admin", decoy)
                        .getStatusCode());
        assertEquals(
                List.of("agent netrc"),
                TokenEngine.get().decoys().list().stream().map(DecoyInfo::name).toList());
        assertEquals(
                1,
                AuditTrail.get().getEvents().stream()
                        .filter(event -> event.type() == AuditEventType.DECOY_REMOVED)
                        .count());
        assertEquals(before, Alerts.get().received.size());
    }

    @Test
    void usersPlantDecoysOfTheirOwnOnlyWhereThePolicyLetsThemAndSeeOnlyTheirs() throws Exception {
        WebResponse refused =
                TokenApi.callAs(r, HttpMethod.POST, "user/alice/api-tokens/createDecoy", "alice", "name", "x");
        assertEquals(403, refused.getStatusCode());
        assertTrue(TokenApi.json(refused).getString("message").contains("only administrators"));
        assertNotEquals(
                0,
                new CLICommandInvoker(r, "create-api-token-decoy")
                        .asUser("alice")
                        .invokeWithArgs("x")
                        .returnCode());
        assertEquals(0, TokenEngine.get().decoys().count(), "nothing made");

        TokenPolicyConfiguration.get().setUserDecoysAllowed(true);
        String adminsDecoy = plantDecoy("admin's", "");
        WebResponse made = TokenApi.callAs(
                r,
                HttpMethod.POST,
                "user/alice/api-tokens/createDecoy",
                "alice",
                "name",
                "my netrc",
                "plantedAt",
                "laptop");
        assertEquals(201, made.getStatusCode(), made.getContentAsString());
        String alicesDecoy = TokenApi.json(made).getString("value");
        String alicesId = TokenApi.json(made).getString("id");
        CLICommandInvoker.Result byCli =
                new CLICommandInvoker(r, "create-api-token-decoy").asUser("bob").invokeWithArgs("bob's");
        assertEquals(0, byCli.returnCode(), byCli.stderr());

        // Each sees their own; an administrator sees all.
        String alicesList = TokenApi.callAs(r, HttpMethod.GET, "user/alice/api-tokens/decoys", "alice")
                .getContentAsString();
        assertTrue(alicesList.contains("my netrc") && !alicesList.contains("bob's") && !alicesList.contains("admin's"));
        String bobsList = new CLICommandInvoker(r, "list-api-token-decoys")
                .asUser("bob")
                .invoke()
                .stdout();
        assertTrue(bobsList.contains("bob's") && !bobsList.contains("my netrc"), bobsList);
        assertEquals(
                403,
                TokenApi.callAs(r, HttpMethod.GET, "user/alice/api-tokens/decoys", "bob")
                        .getStatusCode());
        assertEquals(
                403,
                TokenApi.callAs(r, HttpMethod.POST, "user/alice/api-tokens/createDecoy", "admin", "name", "as alice")
                        .getStatusCode(),
                "not even an administrator makes a decoy in another's name");
        assertEquals(
                403,
                TokenApi.callAs(r, HttpMethod.GET, "manage/api-tokens/decoys/list", "alice")
                        .getStatusCode());
        assertEquals(
                3,
                TokenApi.json(TokenApi.callAs(r, HttpMethod.GET, "manage/api-tokens/decoys/list", "admin"))
                        .getJSONArray("decoys")
                        .size());

        // Nobody removes another's decoy; a user's decoy alerts as any decoy does.
        String adminsId = TokenEngine.get().decoys().list().get(0).id();
        assertEquals(
                404,
                TokenApi.callAs(r, HttpMethod.POST, "user/alice/api-tokens/removeDecoy", "alice", "id", adminsId)
                        .getStatusCode());
        assertNotEquals(
                0,
                new CLICommandInvoker(r, "remove-api-token-decoy")
                        .asUser("bob")
                        .invokeWithArgs(alicesId)
                        .returnCode());
        assertEquals(3, TokenEngine.get().decoys().count());
        assertEquals(
                401,
                TokenApi.call(r, HttpMethod.GET, "whoAmI/api/json", "alice", alicesDecoy)
                        .getStatusCode());
        assertEquals("my netrc", awaitAlerts(1).get(0).decoy().name());
        assertFalse(alicesList.contains(alicesDecoy) || alicesList.contains(adminsDecoy));
        assertEquals(
                200,
                TokenApi.callAs(r, HttpMethod.POST, "user/alice/api-tokens/removeDecoy", "alice", "id", alicesId)
                        .getStatusCode());
        assertEquals(2, TokenEngine.get().decoys().count());
    }

    @Test
    void theFormShowsTheValueOnceOnAPageThatIsNotKept() throws Exception {
        WebResponse planted = TokenApi.callAs(
                r,
                HttpMethod.POST,
                "manage/api-tokens/decoys/create",
                "admin",
                "name",
                "folder credential",
                "plantedAt",
                "team/app: fake deploy credential",
                "from",
                "page");
        assertEquals(200, planted.getStatusCode());
        assertTrue(planted.getResponseHeaderValue("Cache-Control").contains("no-store"));
        String html = planted.getContentAsString();
        java.util.regex.Matcher value = io.jenkins.plugins.apitokens.engine.TokenFormat.PATTERN.matcher(html);
        assertTrue(value.find(), "the value is on the page");
        String decoy = value.group();
        assertTrue(io.jenkins.plugins.apitokens.engine.TokenFormat.isWellFormed(decoy));
        String later = TokenApi.callAs(r, HttpMethod.GET, "manage/api-tokens/decoys/", "admin")
                .getContentAsString();
        assertTrue(later.contains("folder credential"));
        assertFalse(later.contains(decoy), "and never again");

        WebResponse longPlace = TokenApi.callAs(
                r,
                HttpMethod.POST,
                "manage/api-tokens/decoys/create",
                "admin",
                "name",
                "other",
                "plantedAt",
                "x".repeat(201),
                "from",
                "page");
        assertEquals(400, longPlace.getStatusCode());
        assertTrue(longPlace.getContentAsString().contains("200 characters"));
        assertFalse(longPlace.getContentAsString().contains("at io.jenkins"), "no stack trace");
    }

    private static String causes(Throwable thrown) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append(" | ");
        }
        return messages.toString();
    }

    private static String exportedYaml() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConfigurationAsCode.get().export(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private WebResponse leakReport(String body) throws Exception {
        org.htmlunit.WebRequest request =
                new org.htmlunit.WebRequest(new java.net.URL(r.getURL(), "api-token-leaks/report"), HttpMethod.POST);
        request.setAdditionalHeader("Content-Type", "application/json");
        request.setRequestBody(body);
        return r.createWebClient().withThrowExceptionOnFailingStatusCode(false).loadWebResponse(request);
    }

    /** {@code java -jar jenkins-cli.jar -s URL -http -auth AUTH who-am-i}: its exit code, or why it failed. */
    private String cli(String auth) throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream ignored = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(ignored, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(ignored, true, StandardCharsets.UTF_8));
            return "exit " + CLI._main(new String[] {"-s", r.getURL().toString(), "-http", "-auth", auth, "who-am-i"});
        } catch (java.io.IOException e) {
            return e.getMessage();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** A build step that calls this Jenkins with a user and a value, as {@code curl -u} in a build would. */
    private static final class CallJenkins extends TestBuilder {
        private final String user;
        private final String value;

        CallJenkins(String user, String value) {
            this.user = user;
            this.value = value;
        }

        @Override
        public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener)
                throws InterruptedException, java.io.IOException {
            String auth = Base64.getEncoder().encodeToString((user + ":" + value).getBytes(StandardCharsets.UTF_8));
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(jenkins.model.Jenkins.get().getRootUrl() + "whoAmI/api/json"))
                    .header("Authorization", "Basic " + auth)
                    .timeout(Duration.ofSeconds(30))
                    .build();
            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            listener.getLogger().println("status " + response.statusCode());
            return true;
        }
    }

    /** Keeps every decoy alert, as an administrators' chat or ticket system would receive it. */
    @TestExtension
    public static class Alerts extends TokenNoticeListener {
        final List<DecoyAlert> received = new CopyOnWriteArrayList<>();

        static Alerts get() {
            return jenkins.model.Jenkins.get()
                    .getExtensionList(TokenNoticeListener.class)
                    .get(Alerts.class);
        }

        @Override
        public boolean onNotice(hudson.model.User owner, io.jenkins.plugins.apitokens.engine.TokenNotice notice) {
            return true;
        }

        @Override
        public void onDecoyTripped(DecoyAlert alert) {
            received.add(alert);
        }
    }
}
