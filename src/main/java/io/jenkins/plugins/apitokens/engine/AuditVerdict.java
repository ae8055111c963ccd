package io.jenkins.plugins.apitokens.engine;

/**
 * What {@link AuditVerifier} found: the trail intact, from its first chained event to its last, or the first place
 * where it does not match.
 *
 * @param problem {@code null} when intact
 * @param line the line of the first mismatch in the trail file (from 1), or 0 when no line is to blame (a missing
 *     head, a truncated end)
 * @param seq the sequence number the mismatching line holds, or that the check expected when the line holds none; 0
 *     when unknown
 * @param event the mismatching line's event, when it could be read
 * @param expectedSeq the sequence number the check expected there (for {@link Problem#MISSING_OR_REORDERED} and
 *     {@link Problem#TRUNCATED}), else 0
 * @param first the first chained event verified, {@code null} if none
 * @param last the last chained event verified (before the mismatch, if any), {@code null} if none
 * @param legacyEvents how many events at the start of the trail predate the chain and cannot be verified
 * @param start what the chain is verified from: {@link ChainPoint#GENESIS} or a compacted trail's checkpoint
 */
public record AuditVerdict(
        Problem problem,
        int line,
        long seq,
        AuditEvent event,
        long expectedSeq,
        AuditEntry first,
        AuditEntry last,
        int legacyEvents,
        ChainPoint start) {

    /** Kinds of mismatch, each the first thing {@link AuditVerifier} checks that failed. */
    public enum Problem {
        /** The line's event (or its hash) is not the one the chain holds: its hash does not match. */
        EDITED,
        /** The line's sequence number is not the next one: events before it were removed, or lines moved. */
        MISSING_OR_REORDERED,
        /** The line is not a line of the trail (cut short by a crash, or altered beyond reading). */
        UNREADABLE,
        /** The trail ends before the last event the head file records: its newest events were removed. */
        TRUNCATED,
        /**
         * The chain is consistent in itself, but the entry the head file names has another hash (or the trail holds
         * no such entry): events up to it were rewritten and their hashes recomputed.
         */
        HEAD_MISMATCH,
        /** The trail holds chained events but the head file that anchors its end is missing or unreadable. */
        HEAD_MISSING
    }

    public boolean isIntact() {
        return problem == null;
    }
}
