package io.jenkins.plugins.apitokens.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.apitokens.TokenApi;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.engine.AuditEvent;
import io.jenkins.plugins.apitokens.engine.AuditEventType;
import io.jenkins.plugins.apitokens.engine.AuditTrailFormat;
import io.jenkins.plugins.apitokens.engine.NewToken;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/** The audit trail outlives a restart, keeps a bounded number of events, and survives a torn last line. */
class AuditTrailTest {

    @RegisterExtension
    private final JenkinsSessionExtension session = new JenkinsSessionExtension();

    @Test
    void eventsSurviveARestartAndATornLine() throws Throwable {
        String[] value = new String[1];
        session.then(r -> {
            TokenApi.secure(r);
            NewToken token = TokenApi.mint("alice", "deploy <b>bold</b>");
            value[0] = token.value();
            TokenEngine.get().service().revoke("alice", token.token().id(), "admin");
            Path file = r.jenkins.getRootDir().toPath().resolve(AuditTrail.FILE_NAME);
            assertFalse(Files.readString(file).contains(value[0]), "no value in the trail");
            // A crash in the middle of an append leaves half a line.
            Files.writeString(file, "{\"at\":17", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        });
        session.then(r -> {
            TokenApi.secure(r);
            List<AuditEvent> events = AuditTrail.get().getEvents();
            assertEquals(2, events.size(), events.toString());
            assertEquals(AuditEventType.REVOKED, events.get(0).type());
            assertEquals("admin", events.get(0).actor());
            assertEquals(AuditEventType.CREATED, events.get(1).type());
            assertEquals("deploy <b>bold</b>", events.get(1).tokenName());
            HtmlPage page = r.createWebClient().login("admin").goTo("manage/api-tokens/audit");
            assertEquals(2, page.querySelectorAll(".atm-audit-row").size());
            assertTrue(page.querySelector(".atm-audit-row").getTextContent().contains("deploy <b>bold</b>"));
            assertNull(page.querySelector(".atm-audit-row b"), "names are escaped, not markup");
            // The torn line stays reported, and the next event starts a line of its own.
            assertTrue(page.querySelector(".atm-audit-verdict")
                    .getTextContent()
                    .contains("line 3: the line cannot be read"));
            TokenApi.mint("bob", "next");
            List<String> lines =
                    Files.readAllLines(r.jenkins.getRootDir().toPath().resolve(AuditTrail.FILE_NAME));
            assertEquals(4, lines.size(), lines.toString());
            assertEquals("{\"at\":17", lines.get(2));
            assertEquals(
                    3,
                    AuditTrailFormat.parse(4, lines.get(3)).entry().seq(),
                    "the chain goes on after the last good entry");
        });
    }

    @Test
    void theTrailAndItsFileStayBounded() throws Throwable {
        session.then(r -> {
            AuditTrail trail = AuditTrail.get();
            int total = 2 * AuditTrail.RETAINED + 10;
            for (int i = 0; i < total; i++) {
                trail.onEvent(new AuditEvent(
                        Instant.ofEpochMilli(i), AuditEventType.CREATED, "alice", "alice", "id" + i, "n" + i, null));
            }
            assertEquals(AuditTrail.RETAINED, trail.getEvents().size());
            assertEquals("id" + (total - 1), trail.getEvents().get(0).tokenId(), "newest first");
            Path file = r.jenkins.getRootDir().toPath().resolve(AuditTrail.FILE_NAME);
            long lines = Files.readAllLines(file).size();
            assertTrue(lines <= 2 * AuditTrail.RETAINED, lines + " lines");
        });
        session.then(r -> {
            List<AuditEvent> events = AuditTrail.get().getEvents();
            assertEquals(AuditTrail.RETAINED, events.size());
            int total = 2 * AuditTrail.RETAINED + 10;
            assertEquals("id" + (total - 1), events.get(0).tokenId());
            assertEquals(
                    "id" + (total - AuditTrail.RETAINED),
                    events.get(AuditTrail.RETAINED - 1).tokenId());
        });
    }
}
