package io.jenkins.plugins.apitokens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    static AuditEvent event(int i) {
        return new AuditEvent(
                Instant.parse("2026-11-24T12:00:00Z").plusSeconds(i),
                AuditEventType.CREATED,
                "alice",
                "alice",
                "id" + i,
                "token " + i,
                null);
    }

    @Test
    void entriesAreNumberedFromOneAndEachHashCoversThePreviousOne() {
        AuditChain chain = new AuditChain(ChainPoint.GENESIS);
        AuditEntry first = chain.append(event(1));
        AuditEntry second = chain.append(event(2));

        assertEquals(1, first.seq());
        assertEquals(2, second.seq());
        assertEquals(AuditChain.hash(ChainPoint.GENESIS.hash(), 1, event(1)), first.hash());
        assertEquals(AuditChain.hash(first.hash(), 2, event(2)), second.hash());
        assertEquals(second.point(), chain.last());
    }

    @Test
    void theHashIsTheDocumentedSha256OfThePreviousHashAndTheCanonicalForm() throws Exception {
        AuditEvent event = new AuditEvent(
                Instant.ofEpochMilli(1764000300123L), AuditEventType.RENAMED, "bob", "alice", "", "ci", null);
        String canonical = "23:api-token-audit-chain-1" + "1:7" + "13:1764000300123" + "7:RENAMED" + "3:bob" + "5:alice"
                + "0:" + "2:ci" + "-";
        assertEquals(canonical, new String(AuditChain.canonicalForm(7, event), StandardCharsets.UTF_8));

        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update("ab".repeat(32).getBytes(StandardCharsets.US_ASCII));
        String expected = HexFormat.of().formatHex(sha256.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, AuditChain.hash("ab".repeat(32), 7, event));
    }

    @Test
    void lengthsAreCountedInUtf8Bytes() {
        AuditEvent event = new AuditEvent(Instant.EPOCH, AuditEventType.CREATED, "zoë", null, null, null, null);
        String canonical = new String(AuditChain.canonicalForm(1, event), StandardCharsets.UTF_8);
        assertEquals("23:api-token-audit-chain-1" + "1:1" + "1:0" + "7:CREATED" + "4:zoë" + "----", canonical);
    }

    @Test
    void nullDiffersFromEmptyAndFieldsCannotBeShiftedIntoEachOther() {
        AuditEvent nullDetail = new AuditEvent(Instant.EPOCH, AuditEventType.CREATED, "a", "u", "t", "n", null);
        AuditEvent emptyDetail = new AuditEvent(Instant.EPOCH, AuditEventType.CREATED, "a", "u", "t", "n", "");
        AuditEvent shifted = new AuditEvent(Instant.EPOCH, AuditEventType.CREATED, "a", "u", "t", "n1:", "");
        AuditEvent unshifted = new AuditEvent(Instant.EPOCH, AuditEventType.CREATED, "a", "u", "t", "n", "1:");
        String previous = ChainPoint.GENESIS.hash();

        assertNotEquals(AuditChain.hash(previous, 1, nullDetail), AuditChain.hash(previous, 1, emptyDetail));
        assertNotEquals(AuditChain.hash(previous, 1, shifted), AuditChain.hash(previous, 1, unshifted));
    }

    @Test
    void theSequenceNumberAndThePreviousHashAreCovered() {
        String previous = ChainPoint.GENESIS.hash();
        assertNotEquals(AuditChain.hash(previous, 1, event(1)), AuditChain.hash(previous, 2, event(1)));
        assertNotEquals(
                AuditChain.hash(previous, 1, event(1)), AuditChain.hash("1" + previous.substring(1), 1, event(1)));
    }

    @Test
    void aChainResumesFromAPoint() {
        AuditChain original = new AuditChain(ChainPoint.GENESIS);
        original.append(event(1));
        AuditEntry second = original.append(event(2));

        AuditChain resumed = new AuditChain(
                new AuditChain(ChainPoint.GENESIS).append(event(1)).point());
        assertEquals(second, resumed.append(event(2)));
    }
}
