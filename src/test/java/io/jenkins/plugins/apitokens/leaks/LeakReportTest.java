package io.jenkins.plugins.apitokens.leaks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.apitokens.TokenApi;
import io.jenkins.plugins.apitokens.audit.AuditTrail;
import io.jenkins.plugins.apitokens.engine.AuditEvent;
import io.jenkins.plugins.apitokens.engine.AuditEventType;
import io.jenkins.plugins.apitokens.engine.LeakReport;
import io.jenkins.plugins.apitokens.engine.MadeUpTokens;
import io.jenkins.plugins.apitokens.engine.NewToken;
import io.jenkins.plugins.apitokens.engine.TokenFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    void aLeakedValueIsRevokedAndTheAnswerIsTheSameForAMatchAMissAndAMadeUpValue() throws Exception {
        NewToken leaked = TokenApi.mint("alice", "ci");
        NewToken other = TokenApi.mint("bob", "ci");
        NewToken second = TokenApi.mint("bob", "second");
        assertEquals(200, whoAmI(other));

        WebResponse lookAlike = report(lookAlike(other.value()), "text/plain");
        WebResponse match = report("found in a build log: " + leaked.value(), "text/plain");
        WebResponse miss = report(leaked.value(), "text/plain");
        WebResponse madeUp = report("found in a build log: " + MadeUpTokens.value(), "text/plain");
        WebResponse twoLive = report(second.value() + "\n" + leaked.value(), "text/plain");
        WebResponse twoMadeUp = report(MadeUpTokens.value() + "\n" + MadeUpTokens.value(), "text/plain");

        for (WebResponse answer : List.of(match, miss, madeUp)) {
            assertEquals(202, answer.getStatusCode());
            assertArrayEquals(
                    match.getContentAsStream().readAllBytes(),
                    answer.getContentAsStream().readAllBytes());
        }
        assertEquals(1, TokenApi.json(match).getInt("valuesFound"));
        assertEquals(202, twoLive.getStatusCode());
        assertArrayEquals(
                twoMadeUp.getContentAsStream().readAllBytes(),
                twoLive.getContentAsStream().readAllBytes());
        assertEquals(2, TokenApi.json(twoLive).getInt("valuesFound"));
        assertEquals(202, lookAlike.getStatusCode());
        assertEquals(0, TokenApi.json(lookAlike).getInt("valuesFound"), "a wrong checksum is no value of the format");
        assertEquals(401, whoAmI(second));
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
    void anAddressThatReportsTooOftenIsRefusedForAMinuteAndToldWhenToComeBack() throws Exception {
        for (int i = 0; i < LeakReportAction.REPORTS_PER_MINUTE; i++) {
            assertEquals(202, report("nothing", "text/plain").getStatusCode(), "report " + i);
        }
        NewToken leaked = TokenApi.mint("alice", "late");
        WebResponse refused = report(leaked.value(), "text/plain");
        assertEquals(429, refused.getStatusCode());
        assertTrue(refused.getContentAsString().contains("at most 10 a minute"), refused.getContentAsString());
        String retryAfter = refused.getResponseHeaderValue("Retry-After");
        assertNotNull(retryAfter, "Retry-After");
        assertTrue(retryAfter.matches("[0-9]+"), retryAfter);
        int seconds = Integer.parseInt(retryAfter);
        assertTrue(seconds >= 1 && seconds <= 60, retryAfter);
        assertEquals(200, whoAmI(leaked), "a refused report revokes nothing");
    }

    /** One gitleaks finding, its value in Match and in Secret, padded to about {@code size} characters. */
    private static String gitleaksFinding(int n, String value, int size) {
        String finding = "{\"Description\":\"Jenkins API token\",\"StartLine\":" + (n % 400 + 1)
                + ",\"EndLine\":" + (n % 400 + 1) + ",\"StartColumn\":9,\"EndColumn\":57,"
                + "\"Match\":\"TOKEN=" + value + "\",\"Secret\":\"" + value + "\","
                + "\"File\":\"ci/deploy-" + n + ".sh\",\"SymlinkFile\":\"\","
                + "\"Commit\":\"" + String.format("%040x", 0xabcdef12345L * (n + 1)) + "\",\"Entropy\":5.12,"
                + "\"Author\":\"Alice Example\",\"Email\":\"alice@example.com\",\"Date\":\"2026-01-12T10:00:00Z\","
                + "\"Tags\":[],\"RuleID\":\"jenkins-api-token\",\"Fingerprint\":\"" + n
                + ":ci/deploy.sh:jenkins-api-token\","
                + "\"Message\":\"";
        return finding + "deploy ".repeat(Math.max(0, size - finding.length() - 3) / 7) + "\"}";
    }

    @Test
    void aLargeGitleaksReportIsReadToItsLastValue() throws Exception {
        NewToken first = TokenApi.mint("alice", "first");
        NewToken middle = TokenApi.mint("bob", "middle");
        NewToken later = TokenApi.mint("alice", "later");
        NewToken last = TokenApi.mint("admin", "last");
        NewToken notReported = TokenApi.mint("bob", "kept");
        Map<Integer, NewToken> live = Map.of(0, first, 400, middle, 650, later, 799, last);
        int findings = 800;
        StringBuilder report = new StringBuilder("[");
        for (int n = 0; n < findings; n++) {
            String value = live.containsKey(n) ? live.get(n).value() : MadeUpTokens.value();
            report.append(n == 0 ? "\n" : ",\n").append(gitleaksFinding(n, value, 900 * 1024 / findings));
        }
        String body = report.append("\n]").toString();
        int bytes = body.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes > 850 * 1024 && bytes <= LeakReport.MAX_BYTES, "about 900 KiB: " + bytes);

        WebResponse answer = report(body, "application/json");

        assertEquals(202, answer.getStatusCode(), answer.getContentAsString());
        assertEquals(findings, TokenApi.json(answer).getInt("valuesFound"));
        assertTrue(answer.getContentAsString().contains("800 values"), answer.getContentAsString());
        for (NewToken token : live.values()) {
            assertEquals(401, whoAmI(token), token.token().name());
        }
        assertEquals(200, whoAmI(notReported));
    }

    /**
     * A POST written by hand, so that the body can be sent without a length (chunked) and the answer read while the
     * body is still being sent: the server may answer before reading it all.
     */
    private RawReply rawReport(byte[] body, boolean chunked) throws Exception {
        URL root = r.getURL();
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(60_000);
            String head = "POST " + root.getPath() + "api-token-leaks/report HTTP/1.1\r\nHost: " + root.getHost() + ":"
                    + root.getPort() + "\r\nContent-Type: text/plain\r\nConnection: close\r\n"
                    + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n")
                    + "\r\n";
            OutputStream out = socket.getOutputStream();
            Thread sender = new Thread(() -> {
                try {
                    out.write(head.getBytes(StandardCharsets.US_ASCII));
                    for (int at = 0; at < body.length; at += 8192) {
                        int length = Math.min(8192, body.length - at);
                        if (chunked) {
                            out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        }
                        out.write(body, at, length);
                        if (chunked) {
                            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        }
                    }
                    if (chunked) {
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.flush();
                } catch (IOException e) {
                    // The server answered and closed before taking the whole body: what a refusal may do.
                }
            });
            sender.start();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(received);
            } catch (SocketException e) {
                // A reset after the answer: the server closed with part of the body unread.
            }
            sender.join(60_000);
            String text = received.toString(StandardCharsets.UTF_8);
            assertTrue(text.startsWith("HTTP/1.1 "), text);
            return new RawReply(Integer.parseInt(text.substring(9, 12)), text.substring(text.indexOf("\r\n\r\n") + 4));
        }
    }

    private record RawReply(int status, String body) {}

    @Test
    void aReportOverALimitIsRefusedWholeAndRevokesNothing() throws Exception {
        NewToken leaked = TokenApi.mint("alice", "ci");
        String limits = String.format(
                Locale.ENGLISH,
                "at most %,d bytes and %,d distinct token values",
                LeakReport.MAX_BYTES,
                LeakReport.MAX_VALUES);
        byte[] twoMiB = (leaked.value() + "\n" + "x".repeat(2 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8);

        RawReply declared = rawReport(twoMiB, false);
        assertEquals(413, declared.status(), declared.body());
        assertTrue(declared.body().contains(limits), declared.body());
        assertTrue(
                declared.body().contains(String.format(Locale.ENGLISH, "more than %,d bytes", LeakReport.MAX_BYTES)),
                declared.body());

        RawReply chunked = rawReport(twoMiB, true);
        assertEquals(413, chunked.status(), chunked.body());
        assertEquals(declared.body(), chunked.body());

        StringBuilder values = new StringBuilder(leaked.value());
        for (int i = 1; i <= LeakReport.MAX_VALUES; i++) {
            values.append('\n').append(MadeUpTokens.value());
        }
        WebResponse tooMany = report(values.toString(), "text/plain");
        assertEquals(413, tooMany.getStatusCode());
        assertTrue(tooMany.getContentAsString().contains(limits), tooMany.getContentAsString());
        assertTrue(
                tooMany.getContentAsString()
                        .contains(String.format(Locale.ENGLISH, "more than %,d values", LeakReport.MAX_VALUES)),
                tooMany.getContentAsString());

        assertEquals(200, whoAmI(leaked), "nothing revoked");
        RawReply atTheLimit = rawReport(
                (leaked.value() + " " + "x".repeat(LeakReport.MAX_BYTES - TokenFormat.LENGTH - 1))
                        .getBytes(StandardCharsets.UTF_8),
                true);
        assertEquals(202, atTheLimit.status(), atTheLimit.body());
        assertEquals(401, whoAmI(leaked), "a report of exactly the limit is read to its end");
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
