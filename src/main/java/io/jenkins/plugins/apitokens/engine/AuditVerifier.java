package io.jenkins.plugins.apitokens.engine;

import java.util.List;

/**
 * Checks a stored audit trail against its chain ({@link AuditChain}) and its head, and names the first place that
 * does not match.
 *
 * <p>A trail is, in order: events that predate the chain (legacy, counted, not verifiable), at most one checkpoint
 * (the last event a compaction dropped, from which the rest is verified), then chained entries numbered one after
 * the other. Each entry's hash is recomputed from the one before it. The head, kept outside the trail, records the
 * last entry written, so that removing the newest entries (which leaves a valid chain) shows too.
 *
 * <p>What the chain cannot show: someone able to rewrite both the trail and the head can recompute every hash. The
 * anchors that such a person cannot rewrite are the copies kept elsewhere, such as the log lines shipped to a SIEM,
 * each of which carries its entry's sequence number and hash.
 */
public final class AuditVerifier {

    private AuditVerifier() {}

    /**
     * @param lines the trail's lines, in file order
     * @param head the last entry written, as the head file records it, or {@code null} if there is no readable head
     */
    public static AuditVerdict verify(List<TrailLine> lines, ChainPoint head) {
        ChainPoint start = ChainPoint.GENESIS;
        ChainPoint previous = ChainPoint.GENESIS;
        boolean chained = false;
        int legacy = 0;
        AuditEntry first = null;
        AuditEntry last = null;
        AuditEntry atHead = null;
        for (TrailLine line : lines) {
            switch (line.kind()) {
                case UNREADABLE -> {
                    return new AuditVerdict(
                            AuditVerdict.Problem.UNREADABLE,
                            line.number(),
                            previous.seq() + 1,
                            null,
                            0,
                            first,
                            last,
                            legacy,
                            start);
                }
                case LEGACY -> {
                    if (chained) { // an event without its chain fields where the chain has begun
                        return new AuditVerdict(
                                AuditVerdict.Problem.EDITED,
                                line.number(),
                                previous.seq() + 1,
                                line.event(),
                                0,
                                first,
                                last,
                                legacy,
                                start);
                    }
                    legacy++;
                }
                case CHECKPOINT -> {
                    if (chained) { // only a compacted trail's first chained line may be one
                        return new AuditVerdict(
                                AuditVerdict.Problem.EDITED,
                                line.number(),
                                line.checkpoint().seq(),
                                null,
                                0,
                                first,
                                last,
                                legacy,
                                start);
                    }
                    chained = true;
                    start = line.checkpoint();
                    previous = start;
                }
                case ENTRY -> {
                    chained = true;
                    AuditEntry entry = line.entry();
                    if (entry.seq() != previous.seq() + 1) {
                        return new AuditVerdict(
                                AuditVerdict.Problem.MISSING_OR_REORDERED,
                                line.number(),
                                entry.seq(),
                                entry.event(),
                                previous.seq() + 1,
                                first,
                                last,
                                legacy,
                                start);
                    }
                    if (!AuditChain.hash(previous.hash(), entry.seq(), entry.event())
                            .equals(entry.hash())) {
                        return new AuditVerdict(
                                AuditVerdict.Problem.EDITED,
                                line.number(),
                                entry.seq(),
                                entry.event(),
                                0,
                                first,
                                last,
                                legacy,
                                start);
                    }
                    if (head != null && entry.seq() == head.seq()) {
                        atHead = entry;
                    }
                    first = first == null ? entry : first;
                    last = entry;
                    previous = entry.point();
                }
            }
        }
        if (head == null) {
            return chained
                    ? new AuditVerdict(AuditVerdict.Problem.HEAD_MISSING, 0, 0, null, 0, first, last, legacy, start)
                    : new AuditVerdict(null, 0, 0, null, 0, null, null, legacy, start);
        }
        if (head.seq() > previous.seq()) {
            return new AuditVerdict(
                    AuditVerdict.Problem.TRUNCATED, 0, previous.seq(), null, head.seq(), first, last, legacy, start);
        }
        // The head names an entry the trail holds (normally its last; an older one if the head's write was lost):
        // a chain recomputed from some entry on is consistent in itself, but not with the head.
        boolean headMatches = atHead != null
                ? atHead.hash().equals(head.hash())
                : head.seq() != start.seq() || start.hash().equals(head.hash());
        if (!headMatches) {
            return new AuditVerdict(
                    AuditVerdict.Problem.HEAD_MISMATCH,
                    lineOf(lines, atHead),
                    head.seq(),
                    atHead == null ? null : atHead.event(),
                    0,
                    first,
                    last,
                    legacy,
                    start);
        }
        return new AuditVerdict(null, 0, 0, null, 0, first, last, legacy, start);
    }

    private static int lineOf(List<TrailLine> lines, AuditEntry entry) {
        for (TrailLine line : lines) {
            if (entry != null && line.entry() == entry) {
                return line.number();
            }
        }
        return 0;
    }
}
