package io.jenkins.plugins.apitokens.engine;

/**
 * One line of the stored audit trail, as read.
 *
 * @param number the line's number in the file, from 1
 * @param entry for {@link Kind#ENTRY}, else {@code null}
 * @param event for {@link Kind#ENTRY} and {@link Kind#LEGACY}, else {@code null}
 * @param checkpoint for {@link Kind#CHECKPOINT}, else {@code null}
 */
public record TrailLine(int number, Kind kind, AuditEntry entry, AuditEvent event, ChainPoint checkpoint) {

    public enum Kind {
        /** A chained event: sequence number, event, hash. */
        ENTRY,
        /** An event written before the trail was chained (releases without sequence numbers): shown, not verifiable. */
        LEGACY,
        /** Where the chain of a compacted trail resumes: the sequence number and hash of the last event dropped. */
        CHECKPOINT,
        /** Not a line of the trail: cut short by a crash, or altered. */
        UNREADABLE
    }

    public static TrailLine entry(int number, AuditEntry entry) {
        return new TrailLine(number, Kind.ENTRY, entry, entry.event(), null);
    }

    public static TrailLine legacy(int number, AuditEvent event) {
        return new TrailLine(number, Kind.LEGACY, null, event, null);
    }

    public static TrailLine checkpoint(int number, ChainPoint checkpoint) {
        return new TrailLine(number, Kind.CHECKPOINT, null, null, checkpoint);
    }

    public static TrailLine unreadable(int number) {
        return new TrailLine(number, Kind.UNREADABLE, null, null, null);
    }
}
