package io.jenkins.plugins.apitokens.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.cli.CLICommandInvoker;
import io.jenkins.plugins.apitokens.TokenApi;
import io.jenkins.plugins.apitokens.engine.AuditTrailFormat;
import io.jenkins.plugins.apitokens.engine.NewToken;
import io.jenkins.plugins.apitokens.engine.TrailLine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebResponse;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The stored trail of a real Jenkins, tampered with on disk, is reported at the event that was touched: by the CLI,
 * the audit page and the overview. One Jenkins for every case: each rewrites the file, verifies, restores it.
 */
@WithJenkins
class AuditChainTamperingTest {

    private JenkinsRule r;
    private Path file;
    private Path head;

    @Test
    void eachKindOfTamperingIsReportedAtTheEventItTouches(JenkinsRule rule) throws Exception {
        r = rule;
        TokenApi.secure(r);
        file = r.jenkins.getRootDir().toPath().resolve(AuditTrail.FILE_NAME);
        head = r.jenkins.getRootDir().toPath().resolve(AuditTrail.HEAD_FILE_NAME);
        List<NewToken> tokens = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            tokens.add(TokenApi.mint("alice", "t" + i));
        }
        byte[] original = Files.readAllBytes(file);
        List<String> lines = lines();
        assertEquals(6, lines.size(), "one line per event: " + lines);
        for (NewToken token : tokens) {
            assertFalse(new String(original, StandardCharsets.UTF_8).contains(token.value()), "no value stored");
        }

        assertIntact("Intact from #1 CREATED of token 't1'", "to #6 CREATED of token 't6'");
        assertEquals("jenkins-alert-success", verdictOnPage());

        List<String> deleted = new ArrayList<>(lines);
        deleted.remove(2);
        assertReported(deleted, "line 3: expected event #3 but found #4 CREATED of token 't4'");
        assertEquals("jenkins-alert-danger", verdictOnPage());
        assertTrue(overviewStatus().contains("line 3"), overviewStatus());
        restore(original);

        List<String> edited = new ArrayList<>(lines);
        edited.set(1, lines.get(1).replace("\"tokenName\":\"t2\"", "\"tokenName\":\"innocent\""));
        assertNotEquals(lines.get(1), edited.get(1));
        assertReported(edited, "line 2: event #2 CREATED of token 'innocent'", "was edited");
        restore(original);

        List<String> reordered = new ArrayList<>(lines);
        reordered.set(3, lines.get(4));
        reordered.set(4, lines.get(3));
        assertReported(reordered, "line 4: expected event #4 but found #5 CREATED of token 't5'");
        restore(original);

        assertReported(lines.subList(0, 4), "Truncated: the trail ends at event #4 but the head file records event #6");
        restore(original);

        Files.writeString(file, new String(original, StandardCharsets.UTF_8) + "{\"seq\":7,\"at\":17");
        assertVerifyFails("line 7: the line cannot be read");
        restore(original);

        Files.delete(head);
        assertVerifyFails("head file api-token-manager-audit.head is missing");
        restore(original);

        // Every report above came from the tampering: the restored trail verifies again.
        assertIntact("Intact from #1", "to #6");
        assertEquals("jenkins-alert-success", verdictOnPage());
        assertTrue(overviewStatus().startsWith("Audit trail: Intact from #1"), overviewStatus());

        // The export is the stored trail with its chain, and it verifies on its own.
        WebResponse export = TokenApi.callAs(r, HttpMethod.GET, "manage/api-tokens/audit/export", "admin");
        assertEquals(200, export.getStatusCode());
        assertEquals("application/x-ndjson", export.getContentType());
        assertTrue(export.getResponseHeaderValue("Content-Disposition").startsWith("attachment"));
        assertArrayEquals(original, export.getContentAsStream().readAllBytes());
        CLICommandInvoker.Result cliExport = new CLICommandInvoker(r, "export-api-token-audit")
                .asUser("admin")
                .invoke();
        assertEquals(0, cliExport.returnCode(), cliExport.stderr());
        assertEquals(new String(original, StandardCharsets.UTF_8), cliExport.stdout());
        for (String line : lines) {
            assertEquals(TrailLine.Kind.ENTRY, AuditTrailFormat.parse(1, line).kind(), line);
        }
    }

    @Test
    void onlyAdministratorsExportOrVerify(JenkinsRule rule) throws Exception {
        r = rule;
        TokenApi.secure(r);
        TokenApi.mint("alice", "secret-name");

        assertEquals(
                403,
                TokenApi.callAs(r, HttpMethod.GET, "manage/api-tokens/audit/export", "alice")
                        .getStatusCode());
        assertEquals(
                403,
                TokenApi.callAs(r, HttpMethod.GET, "manage/api-tokens/audit", "alice")
                        .getStatusCode());
        for (String command : List.of("export-api-token-audit", "verify-api-token-audit")) {
            CLICommandInvoker.Result result =
                    new CLICommandInvoker(r, command).asUser("alice").invoke();
            assertEquals(6, result.returnCode(), command + ": " + result.stderr()); // access denied
            assertFalse(result.stdout().contains("secret-name"), command);
        }
        assertEquals(
                200,
                TokenApi.callAs(r, HttpMethod.GET, "manage/api-tokens/audit/export", "admin")
                        .getStatusCode());
    }

    private List<String> lines() throws Exception {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    private void restore(byte[] original) throws Exception {
        Files.write(file, original);
        // The head is never rewritten by these cases except by deleting it; put it back as the trail left it.
        if (!Files.exists(head)) {
            List<String> lines = lines();
            TrailLine last = AuditTrailFormat.parse(0, lines.get(lines.size() - 1));
            Files.writeString(head, AuditTrailFormat.headLine(last.entry().point()) + "\n");
        }
    }

    private void assertIntact(String... expected) throws Exception {
        CLICommandInvoker.Result result = new CLICommandInvoker(r, "verify-api-token-audit")
                .asUser("admin")
                .invoke();
        assertEquals(0, result.returnCode(), result.stdout() + result.stderr());
        for (String text : expected) {
            assertTrue(result.stdout().contains(text), result.stdout());
        }
    }

    private void assertReported(List<String> tampered, String... expected) throws Exception {
        Files.writeString(file, String.join("\n", tampered) + "\n", StandardCharsets.UTF_8);
        assertVerifyFails(expected);
    }

    private void assertVerifyFails(String... expected) throws Exception {
        CLICommandInvoker.Result result = new CLICommandInvoker(r, "verify-api-token-audit")
                .asUser("admin")
                .invoke();
        assertEquals(16, result.returnCode(), result.stdout() + result.stderr());
        for (String text : expected) {
            assertTrue(result.stdout().contains(text), result.stdout());
        }
    }

    /** The class of the verdict's alert on the audit page: success or danger. */
    private String verdictOnPage() throws Exception {
        HtmlPage page = r.createWebClient().login("admin").goTo("manage/api-tokens/audit");
        DomElement verdict = page.querySelector(".atm-audit-verdict");
        assertNotNull(verdict, page.asXml());
        String classes = verdict.getAttribute("class");
        return classes.contains("jenkins-alert-success")
                ? "jenkins-alert-success"
                : classes.contains("jenkins-alert-danger") ? "jenkins-alert-danger" : classes;
    }

    private String overviewStatus() throws Exception {
        HtmlPage page = r.createWebClient().login("admin").goTo("manage/api-tokens/");
        return page.querySelector(".atm-audit-status").getTextContent().strip().replaceAll("\\s+", " ");
    }
}
