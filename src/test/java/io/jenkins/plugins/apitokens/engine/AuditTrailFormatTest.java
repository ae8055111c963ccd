package io.jenkins.plugins.apitokens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuditTrailFormatTest {

    private static AuditEvent named(String name, String detail) {
        return new AuditEvent(
                Instant.ofEpochMilli(1764000300123L), AuditEventType.RENAMED, "alice", "alice", "id", name, detail);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "deploy",
                "",
                "null",
                "[ci]",
                "{\"a\":1}",
                "quote \" back\\slash",
                "line\nbreak\r\ttab \u0000 \u007f \u2028",
                "zoë ✓ 𝄞",
                "</script>"
            })
    void everyNameReadsBackAsWrittenSoItsHashStillMatches(String name) {
        AuditEntry entry = new AuditChain(ChainPoint.GENESIS).append(named(name, name));
        String line = AuditTrailFormat.entryLine(entry);

        TrailLine read = AuditTrailFormat.parse(7, line);

        assertEquals(TrailLine.Kind.ENTRY, read.kind(), line);
        assertEquals(entry, read.entry());
        assertEquals(7, read.number());
        assertEquals(1, line.lines().count(), "one line");
    }

    @Test
    void absentValuesStayAbsentAndEmptyOnesEmpty() {
        AuditEntry entry = new AuditChain(ChainPoint.GENESIS).append(named("", null));

        AuditEvent read =
                AuditTrailFormat.parse(1, AuditTrailFormat.entryLine(entry)).event();

        assertEquals("", read.tokenName());
        assertNull(read.detail());
    }

    @Test
    void theFormatIsTheDocumentedOne() {
        AuditEntry entry = new AuditEntry(12, named("deploy", null), "9f");
        assertEquals(
                "{\"seq\":12,\"at\":1764000300123,\"type\":\"RENAMED\",\"actor\":\"alice\",\"userId\":\"alice\","
                        + "\"tokenId\":\"id\",\"tokenName\":\"deploy\",\"detail\":null,\"hash\":\"9f\"}",
                AuditTrailFormat.entryLine(entry));
        assertEquals(
                "{\"checkpoint\":1000,\"hash\":\"4c\"}", AuditTrailFormat.checkpointLine(new ChainPoint(1000, "4c")));
    }

    @Test
    void aLineOfAnEarlierReleaseIsALegacyEvent() {
        // As release 1.0 wrote it (json-lib leaves out null members).
        TrailLine line = AuditTrailFormat.parse(
                1,
                "{\"at\":1764000300000,\"type\":\"CREATED\",\"actor\":\"alice\",\"userId\":\"alice\","
                        + "\"tokenId\":\"wQNrNXKz\",\"tokenName\":\"deploy\"}");

        assertEquals(TrailLine.Kind.LEGACY, line.kind());
        assertEquals("wQNrNXKz", line.event().tokenId());
        assertNull(line.event().detail());
        assertEquals(
                line.event(),
                AuditTrailFormat.parse(2, AuditTrailFormat.legacyLine(line.event()))
                        .event());
    }

    @Test
    void checkpointAndHeadReadBack() {
        ChainPoint point = new ChainPoint(1000, "ab".repeat(32));

        assertEquals(
                point,
                AuditTrailFormat.parse(1, AuditTrailFormat.checkpointLine(point))
                        .checkpoint());
        assertEquals(point, AuditTrailFormat.parseHead(AuditTrailFormat.headLine(point) + "\n"));
        assertNull(AuditTrailFormat.parseHead("garbage"));
        assertNull(AuditTrailFormat.parseHead("{\"seq\":0,\"hash\":\"00\"}"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "{\"at\":17",
                "{\"seq\":3,\"at\":1,\"type\":\"CREATED\",\"hash\":\"ab\"",
                "{\"seq\":3,\"at\":1,\"type\":\"NO_SUCH_TYPE\",\"hash\":\"ab\"}",
                "{\"seq\":3,\"at\":1,\"type\":\"CREATED\"}",
                "{\"seq\":0,\"at\":1,\"type\":\"CREATED\",\"hash\":\"ab\"}",
                "{\"seq\":\"3\",\"at\":1,\"type\":\"CREATED\",\"hash\":\"ab\"}",
                "{\"seq\":3,\"seq\":4,\"at\":1,\"type\":\"CREATED\",\"hash\":\"ab\"}",
                "{\"seq\":3,\"at\":1,\"type\":\"CREATED\",\"hash\":\"ab\"} trailing",
                "{\"seq\":3,\"at\":1,\"type\":\"CREATED\",\"tokenName\":[\"ci\"],\"hash\":\"ab\"}",
                "{\"at\":1,\"type\":\"CREATED\",\"hash\":\"ab\"}",
                "{\"checkpoint\":-1,\"hash\":\"ab\"}",
                "{\"checkpoint\":5}",
                "{\"at\":1,\"type\":\"CREATED\",\"tokenName\":\"bad \\u12g4 escape\"}",
                "not json at all"
            })
    void anythingElseIsUnreadable(String line) {
        assertEquals(TrailLine.Kind.UNREADABLE, AuditTrailFormat.parse(4, line).kind(), line);
    }
}
