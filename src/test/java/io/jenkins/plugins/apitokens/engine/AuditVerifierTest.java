package io.jenkins.plugins.apitokens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditVerifierTest {

    private static final List<AuditEntry> ENTRIES = chain(5);

    private static List<AuditEntry> chain(int count) {
        AuditChain chain = new AuditChain(ChainPoint.GENESIS);
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            entries.add(chain.append(AuditChainTest.event(i)));
        }
        return entries;
    }

    /** The entries as the lines of a file, numbered from 1. */
    private static List<TrailLine> lines(List<AuditEntry> entries) {
        List<TrailLine> lines = new ArrayList<>();
        for (AuditEntry entry : entries) {
            lines.add(TrailLine.entry(lines.size() + 1, entry));
        }
        return lines;
    }

    private static ChainPoint head() {
        return ENTRIES.get(ENTRIES.size() - 1).point();
    }

    @Test
    void anUntouchedTrailIsIntactFromItsFirstToItsLastEvent() {
        AuditVerdict verdict = AuditVerifier.verify(lines(ENTRIES), head());

        assertTrue(verdict.isIntact(), verdict.toString());
        assertEquals(ENTRIES.get(0), verdict.first());
        assertEquals(ENTRIES.get(4), verdict.last());
        assertEquals(ChainPoint.GENESIS, verdict.start());
    }

    @Test
    void anEditedEventIsNamedWithItsLine() {
        List<TrailLine> lines = lines(ENTRIES);
        AuditEntry original = ENTRIES.get(2);
        AuditEvent e = original.event();
        AuditEvent edited =
                new AuditEvent(e.at(), e.type(), "mallory", e.userId(), e.tokenId(), e.tokenName(), e.detail());
        lines.set(2, TrailLine.entry(3, new AuditEntry(3, edited, original.hash())));

        AuditVerdict verdict = AuditVerifier.verify(lines, head());

        assertEquals(AuditVerdict.Problem.EDITED, verdict.problem());
        assertEquals(3, verdict.line());
        assertEquals(3, verdict.seq());
        assertEquals(edited, verdict.event());
        assertEquals(ENTRIES.get(1), verdict.last(), "verified up to the event before");
    }

    @Test
    void aDeletedEventShowsAsAGapAtTheNextOne() {
        List<AuditEntry> entries = new ArrayList<>(ENTRIES);
        entries.remove(1);

        AuditVerdict verdict = AuditVerifier.verify(lines(entries), head());

        assertEquals(AuditVerdict.Problem.MISSING_OR_REORDERED, verdict.problem());
        assertEquals(2, verdict.line());
        assertEquals(3, verdict.seq());
        assertEquals(2, verdict.expectedSeq());
    }

    @Test
    void swappedEventsShowAtTheFirstOneOutOfOrder() {
        List<AuditEntry> entries = new ArrayList<>(ENTRIES);
        entries.set(1, ENTRIES.get(2));
        entries.set(2, ENTRIES.get(1));

        AuditVerdict verdict = AuditVerifier.verify(lines(entries), head());

        assertEquals(AuditVerdict.Problem.MISSING_OR_REORDERED, verdict.problem());
        assertEquals(2, verdict.line());
        assertEquals(3, verdict.seq());
        assertEquals(2, verdict.expectedSeq());
    }

    @Test
    void anUnreadableLineIsReportedWhereItIs() {
        List<TrailLine> lines = lines(ENTRIES);
        lines.add(TrailLine.unreadable(6)); // as a crash in the middle of an append leaves it

        AuditVerdict verdict = AuditVerifier.verify(lines, head());

        assertEquals(AuditVerdict.Problem.UNREADABLE, verdict.problem());
        assertEquals(6, verdict.line());
        assertEquals(6, verdict.seq(), "the sequence number it would have had");
        assertNull(verdict.event());
        assertEquals(ENTRIES.get(4), verdict.last());
    }

    @Test
    void removingTheNewestEventsLeavesAValidChainButNotTheHead() {
        AuditVerdict verdict = AuditVerifier.verify(lines(ENTRIES.subList(0, 3)), head());

        assertEquals(AuditVerdict.Problem.TRUNCATED, verdict.problem());
        assertEquals(3, verdict.seq(), "where the trail ends");
        assertEquals(5, verdict.expectedSeq(), "where the head says it ends");
    }

    @Test
    void aChainRecomputedAfterAnEditMatchesItselfButNotTheHead() {
        List<AuditEntry> forged = new ArrayList<>(ENTRIES.subList(0, 3));
        AuditChain chain = new AuditChain(forged.get(2).point());
        AuditEvent e = ENTRIES.get(3).event();
        forged.add(chain.append(new AuditEvent(e.at(), e.type(), "mallory", null, null, null, null)));
        forged.add(chain.append(ENTRIES.get(4).event()));

        AuditVerdict verdict = AuditVerifier.verify(lines(forged), head());

        assertEquals(AuditVerdict.Problem.HEAD_MISMATCH, verdict.problem());
        assertEquals(5, verdict.line(), "the entry the head names");
        assertEquals(5, verdict.seq());
    }

    @Test
    void aTrailWithoutItsHeadIsNotIntact() {
        AuditVerdict verdict = AuditVerifier.verify(lines(ENTRIES), null);

        assertEquals(AuditVerdict.Problem.HEAD_MISSING, verdict.problem());
        assertEquals(ENTRIES.get(4), verdict.last(), "the chain itself was verified");
    }

    @Test
    void aHeadOneEntryBehindIsAcceptedWhenItMatches() {
        // The event was appended but the head not yet written when Jenkins stopped.
        AuditVerdict verdict =
                AuditVerifier.verify(lines(ENTRIES), ENTRIES.get(3).point());

        assertTrue(verdict.isIntact(), verdict.toString());
    }

    @Test
    void aCompactedTrailIsVerifiedFromItsCheckpoint() {
        List<TrailLine> lines = new ArrayList<>();
        lines.add(TrailLine.checkpoint(1, ENTRIES.get(1).point()));
        for (AuditEntry entry : ENTRIES.subList(2, 5)) {
            lines.add(TrailLine.entry(lines.size() + 1, entry));
        }

        AuditVerdict verdict = AuditVerifier.verify(lines, head());

        assertTrue(verdict.isIntact(), verdict.toString());
        assertEquals(ENTRIES.get(1).point(), verdict.start());
        assertEquals(ENTRIES.get(2), verdict.first());
    }

    @Test
    void aCheckpointThatDoesNotLeadToTheNextEventIsAGap() {
        List<TrailLine> lines = new ArrayList<>();
        lines.add(TrailLine.checkpoint(1, ENTRIES.get(0).point()));
        for (AuditEntry entry : ENTRIES.subList(2, 5)) {
            lines.add(TrailLine.entry(lines.size() + 1, entry));
        }

        AuditVerdict verdict = AuditVerifier.verify(lines, head());

        assertEquals(AuditVerdict.Problem.MISSING_OR_REORDERED, verdict.problem());
        assertEquals(2, verdict.line());
        assertEquals(2, verdict.expectedSeq());
    }

    @Test
    void aCheckpointWithAnotherHashBreaksTheFirstEventAfterIt() {
        List<TrailLine> lines = new ArrayList<>();
        lines.add(TrailLine.checkpoint(1, new ChainPoint(2, ENTRIES.get(0).hash())));
        for (AuditEntry entry : ENTRIES.subList(2, 5)) {
            lines.add(TrailLine.entry(lines.size() + 1, entry));
        }

        AuditVerdict verdict = AuditVerifier.verify(lines, head());

        assertEquals(AuditVerdict.Problem.EDITED, verdict.problem());
        assertEquals(2, verdict.line());
        assertEquals(3, verdict.seq());
    }

    @Test
    void eventsOfEarlierReleasesAreCountedNotVerifiedAndTheChainStartsAfterThem() {
        List<TrailLine> lines = new ArrayList<>();
        lines.add(TrailLine.legacy(1, AuditChainTest.event(-2)));
        lines.add(TrailLine.legacy(2, AuditChainTest.event(-1)));
        for (AuditEntry entry : ENTRIES) {
            lines.add(TrailLine.entry(lines.size() + 1, entry));
        }

        AuditVerdict verdict = AuditVerifier.verify(lines, head());

        assertTrue(verdict.isIntact(), verdict.toString());
        assertEquals(2, verdict.legacyEvents());
        assertEquals(ENTRIES.get(0), verdict.first());
    }

    @Test
    void anEventWithoutChainFieldsInsideTheChainIsAnEdit() {
        List<TrailLine> lines = lines(ENTRIES);
        lines.add(2, TrailLine.legacy(3, AuditChainTest.event(99)));

        AuditVerdict verdict = AuditVerifier.verify(lines, head());

        assertEquals(AuditVerdict.Problem.EDITED, verdict.problem());
        assertEquals(3, verdict.line());
        assertEquals(AuditChainTest.event(99), verdict.event());
    }

    @Test
    void aTrailOfOnlyEarlierEventsOrNoneIsIntactAndEmpty() {
        AuditVerdict legacyOnly = AuditVerifier.verify(List.of(TrailLine.legacy(1, AuditChainTest.event(1))), null);
        AuditVerdict empty = AuditVerifier.verify(List.of(), null);

        assertTrue(legacyOnly.isIntact());
        assertEquals(1, legacyOnly.legacyEvents());
        assertNull(legacyOnly.first());
        assertTrue(empty.isIntact());
    }

    @Test
    void anEmptiedTrailWhoseHeadRemainsIsTruncated() {
        AuditVerdict verdict = AuditVerifier.verify(List.of(), head());

        assertEquals(AuditVerdict.Problem.TRUNCATED, verdict.problem());
        assertEquals(0, verdict.seq());
        assertEquals(5, verdict.expectedSeq());
    }

    @Test
    void aHashChangedInTheFileIsAnEdit() {
        List<TrailLine> lines = lines(ENTRIES);
        AuditEntry last = ENTRIES.get(4);
        lines.set(
                4,
                TrailLine.entry(
                        5, new AuditEntry(5, last.event(), "0" + last.hash().substring(1))));

        AuditVerdict verdict = AuditVerifier.verify(lines, head());

        assertEquals(AuditVerdict.Problem.EDITED, verdict.problem());
        assertEquals(5, verdict.line());
    }

    @Test
    void anInstantIsVerifiedToTheMillisecond() {
        AuditEvent precise = new AuditEvent(
                Instant.parse("2026-11-24T12:00:00.123456789Z"), AuditEventType.CREATED, "a", "a", "t", "n", null);
        AuditEntry entry = new AuditChain(ChainPoint.GENESIS).append(precise);
        AuditEvent stored = new AuditEvent(
                Instant.ofEpochMilli(precise.at().toEpochMilli()), AuditEventType.CREATED, "a", "a", "t", "n", null);

        AuditVerdict verdict = AuditVerifier.verify(
                List.of(TrailLine.entry(1, new AuditEntry(1, stored, entry.hash()))), entry.point());

        assertTrue(verdict.isIntact(), "the trail stores milliseconds; the chain covers what it stores");
    }
}
