package io.jenkins.plugins.apitokens.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.cli.CLICommandInvoker;
import io.jenkins.plugins.apitokens.TokenApi;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.engine.AuditTrailFormat;
import io.jenkins.plugins.apitokens.engine.NewToken;
import io.jenkins.plugins.apitokens.engine.TokenService;
import io.jenkins.plugins.apitokens.engine.TrailLine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/** A trail of an earlier release, compaction and a restart all leave the chain verifiable. */
class AuditChainRestartTest {

    @RegisterExtension
    private final JenkinsSessionExtension session = new JenkinsSessionExtension();

    @Test
    void legacyEventsCompactionAndARestartKeepTheChainVerifiable() throws Throwable {
        session.then(r -> {
            // As release 1.0 wrote the trail: no sequence numbers, no hashes, no head.
            Files.writeString(
                    file(r),
                    "{\"at\":1764000300000,\"type\":\"CREATED\",\"actor\":\"alice\",\"userId\":\"alice\","
                            + "\"tokenId\":\"old1\",\"tokenName\":\"before\"}\n"
                            + "{\"at\":1764000400000,\"type\":\"REVOKED\",\"actor\":\"alice\",\"userId\":\"alice\","
                            + "\"tokenId\":\"old1\",\"tokenName\":\"before\"}\n",
                    StandardCharsets.UTF_8);
        });
        session.then(r -> {
            TokenApi.secure(r);
            assertEquals(2, AuditTrail.get().getEvents().size(), "earlier events are shown");
            assertTrue(verify(r, 0).contains("2 earlier events predate the chain"));

            NewToken token = TokenApi.mint("alice", "renamed often");
            TrailLine first = lastLine(r);
            assertEquals(1, first.entry().seq(), "the chain starts after the earlier events");
            String afterLegacy = verify(r, 0);
            assertTrue(afterLegacy.startsWith("Intact from #1 CREATED of token 'renamed often'"), afterLegacy);
            assertTrue(afterLegacy.contains("2 earlier events predate the chain"), afterLegacy);

            TokenService service = TokenEngine.get().service();
            int renames = 2 * AuditTrail.RETAINED + 10;
            for (int i = 0; i < renames; i++) {
                service.rename("alice", token.token().id(), "name " + i, "alice");
            }
            long lastSeq = 1 + renames;
            assertEquals(lastSeq, lastLine(r).entry().seq());
            List<String> lines = Files.readAllLines(file(r), StandardCharsets.UTF_8);
            TrailLine checkpoint = AuditTrailFormat.parse(1, lines.get(0));
            assertEquals(TrailLine.Kind.CHECKPOINT, checkpoint.kind(), "compacted: " + lines.get(0));
            assertEquals(
                    checkpoint.checkpoint().seq() + 1,
                    AuditTrailFormat.parse(2, lines.get(1)).entry().seq());
            assertTrue(lines.size() <= 2 * AuditTrail.RETAINED, lines.size() + " lines");

            String compacted = verify(r, 0);
            assertTrue(
                    compacted.startsWith(
                            "Intact from #" + (checkpoint.checkpoint().seq() + 1)),
                    compacted);
            assertTrue(compacted.contains("to #" + lastSeq + " RENAMED"), compacted);
            assertTrue(
                    compacted.contains(
                            "checkpoint after event #" + checkpoint.checkpoint().seq()),
                    compacted);

            WebResponse export = TokenApi.callAs(r, HttpMethod.GET, "manage/api-tokens/audit/export", "admin");
            assertEquals(200, export.getStatusCode());
            assertEquals(Files.readString(file(r), StandardCharsets.UTF_8), export.getContentAsString());
        });
        session.then(r -> {
            TokenApi.secure(r);
            long before = lastLine(r).entry().seq();
            assertTrue(verify(r, 0).contains("to #" + before + " RENAMED"));
            assertEquals(AuditTrail.RETAINED, AuditTrail.get().getEvents().size());

            TokenApi.mint("bob", "after restart");
            assertEquals(before + 1, lastLine(r).entry().seq(), "the chain goes on from the file's last entry");
            String verdict = verify(r, 0);
            assertTrue(verdict.contains("to #" + (before + 1) + " CREATED of token 'after restart'"), verdict);
        });
    }

    private static Path file(JenkinsRule r) {
        return r.jenkins.getRootDir().toPath().resolve(AuditTrail.FILE_NAME);
    }

    private static TrailLine lastLine(JenkinsRule r) throws Exception {
        List<String> lines = Files.readAllLines(file(r), StandardCharsets.UTF_8);
        return AuditTrailFormat.parse(lines.size(), lines.get(lines.size() - 1));
    }

    /** The CLI's verdict, checking its exit code. */
    private static String verify(JenkinsRule r, int exitCode) {
        CLICommandInvoker.Result result = new CLICommandInvoker(r, "verify-api-token-audit")
                .asUser("admin")
                .invoke();
        assertEquals(exitCode, result.returnCode(), result.stdout() + result.stderr());
        return result.stdout().strip();
    }
}
