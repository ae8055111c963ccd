package io.jenkins.plugins.apitokens.leaks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.apitokens.TokenApi;
import io.jenkins.plugins.apitokens.audit.AuditTrail;
import io.jenkins.plugins.apitokens.engine.AuditEvent;
import io.jenkins.plugins.apitokens.engine.AuditEventType;
import io.jenkins.plugins.apitokens.engine.NewToken;
import java.net.URL;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Anyone may report leaked values, logged in or not, without a crumb: live tokens among them are revoked, and the
 * answer never says whether anything matched. Anonymous users here may not even read Jenkins.
 */
@WithJenkins
class LeakReportTest {

    private JenkinsRule r;
    private final List<String> logged = new ArrayList<>();
    private final Handler logCapture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters()));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void setUp(JenkinsRule rule) {
        r = rule;
        TokenApi.secure(r);
        Logger.getLogger("").addHandler(logCapture);
    }

    @AfterEach
    void tearDown() {
        Logger.getLogger("").removeHandler(logCapture);
    }

    private WebResponse report(String body, String contentType) throws Exception {
        WebRequest request = new WebRequest(new URL(r.getURL(), "api-token-leaks/report"), HttpMethod.POST);
        request.setAdditionalHeader("Content-Type", contentType);
        request.setRequestBody(body);
        return r.createWebClient().withThrowExceptionOnFailingStatusCode(false).loadWebResponse(request);
    }

    private int whoAmI(NewToken token) throws Exception {
        return TokenApi.call(r, HttpMethod.GET, "whoAmI/api/json", token.token().userId(), token.value())
                .getStatusCode();
    }

    /** The value with its last character changed: the format of a token, but a wrong checksum. */
    private static String lookAlike(String value) {
        char last = value.charAt(value.length() - 1);
        return value.substring(0, value.length() - 1) + (last == 'a' ? 'b' : 'a');
    }

    @Test
    void aLeakedValueIsRevokedAndTheAnswerIsTheSameForAMatchAMissAndALookAlike() throws Exception {
        NewToken leaked = TokenApi.mint("alice", "ci");
        NewToken other = TokenApi.mint("bob", "ci");
        assertEquals(200, whoAmI(other));

        WebResponse lookAlike = report(lookAlike(other.value()), "text/plain");
        WebResponse match = report("found in a build log: " + leaked.value(), "text/plain");
        WebResponse miss = report(leaked.value(), "text/plain");

        for (WebResponse answer : List.of(lookAlike, match, miss)) {
            assertEquals(202, answer.getStatusCode());
            assertEquals(match.getContentAsString(), answer.getContentAsString());
        }
        assertEquals(401, whoAmI(leaked), "revoked at once");
        assertEquals(200, whoAmI(other), "a look-alike of a value revokes nothing");

        AuditEvent event = AuditTrail.get().getEvents().stream()
                .filter(e -> e.type() == AuditEventType.REVOKED
                        && leaked.token().id().equals(e.tokenId()))
                .findFirst()
                .orElseThrow();
        assertEquals(AuditEvent.LEAK_REPORT, event.actor());
        assertTrue(event.detail().startsWith("leaked; reported from "), event.detail());
        assertFalse(event.detail().endsWith("from "), "names the reporter's address: " + event.detail());

        String trail = Files.readString(r.jenkins.getRootDir().toPath().resolve("api-token-manager-audit.log"));
        assertTrue(trail.contains(leaked.token().id()));
        assertFalse(trail.contains(leaked.value()), "the audit trail never holds the value");
        assertFalse(logged.stream().anyMatch(line -> line.contains(leaked.value())), "nor does the log");
    }

    @Test
    void reportsComeAsGitHubsJsonOrAsAFormAsWell() throws Exception {
        NewToken viaJson = TokenApi.mint("alice", "json");
        NewToken viaForm = TokenApi.mint("alice", "form");
        String github = "[{\"token\":\"" + viaJson.value() + "\",\"type\":\"jenkins_api_token\","
                + "\"url\":\"https://github.com/o/r/blob/main/ci.sh\",\"source\":\"content\"}]";
        assertEquals(202, report(github, "application/json").getStatusCode());
        assertEquals(
                202,
                report("token=" + viaForm.value(), "application/x-www-form-urlencoded")
                        .getStatusCode());
        assertEquals(401, whoAmI(viaJson));
        assertEquals(401, whoAmI(viaForm));
    }

    @Test
    void anAddressThatReportsTooOftenIsRefusedForAMinute() throws Exception {
        for (int i = 0; i < LeakReportAction.REPORTS_PER_MINUTE; i++) {
            assertEquals(202, report("nothing", "text/plain").getStatusCode(), "report " + i);
        }
        NewToken leaked = TokenApi.mint("alice", "late");
        WebResponse refused = report(leaked.value(), "text/plain");
        assertEquals(429, refused.getStatusCode());
        assertTrue(refused.getContentAsString().contains("at most 10 a minute"), refused.getContentAsString());
        assertEquals(200, whoAmI(leaked), "a refused report revokes nothing");
    }

    @Test
    void onlyAPostReports() throws Exception {
        NewToken leaked = TokenApi.mint("alice", "ci");
        WebResponse get = r.createWebClient()
                .withThrowExceptionOnFailingStatusCode(false)
                .goTo("api-token-leaks/report?token=" + leaked.value(), null)
                .getWebResponse();
        assertNotEquals(202, get.getStatusCode());
        assertEquals(200, whoAmI(leaked));
    }
}
