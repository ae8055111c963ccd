package io.jenkins.plugins.apitokens.engine;

import java.time.Instant;
import java.util.Map;

/**
 * The lines of the stored audit trail and of its head file: one JSON object a line, texts always quoted, absent
 * values written as {@code null}.
 *
 * <pre>
 * {"seq":12,"at":1764000300000,"type":"CREATED","actor":"alice","userId":"alice","tokenId":"wQNrNXKz","tokenName":"deploy","detail":null,"hash":"9f…"}
 * {"checkpoint":1000,"hash":"4c…"}     first line of a compacted trail: the last event dropped
 * {"at":1764000300000,"type":"CREATED",…}   an event of an earlier release, without seq and hash (legacy)
 * </pre>
 *
 * The head file holds {@code {"seq":12,"hash":"9f…"}}: the last event written.
 */
public final class AuditTrailFormat {

    private AuditTrailFormat() {}

    public static String entryLine(AuditEntry entry) {
        StringBuilder out = new StringBuilder();
        FlatJson.member(out, "seq", entry.seq());
        eventMembers(out, entry.event());
        FlatJson.member(out, "hash", entry.hash());
        return out.append('}').toString();
    }

    /** An event of an earlier release, kept as it was (compaction rewrites it in the same, unchained, form). */
    public static String legacyLine(AuditEvent event) {
        StringBuilder out = new StringBuilder();
        eventMembers(out, event);
        return out.append('}').toString();
    }

    public static String checkpointLine(ChainPoint checkpoint) {
        StringBuilder out = new StringBuilder();
        FlatJson.member(out, "checkpoint", checkpoint.seq());
        FlatJson.member(out, "hash", checkpoint.hash());
        return out.append('}').toString();
    }

    public static String headLine(ChainPoint head) {
        StringBuilder out = new StringBuilder();
        FlatJson.member(out, "seq", head.seq());
        FlatJson.member(out, "hash", head.hash());
        return out.append('}').toString();
    }

    /** The head file's point, or {@code null} if the text is not one. */
    public static ChainPoint parseHead(String text) {
        try {
            Map<String, Object> json = FlatJson.parse(text.strip());
            long seq = number(json, "seq");
            if (seq < 1) {
                return null;
            }
            return new ChainPoint(seq, text(json, "hash", true));
        } catch (IllegalArgumentException | ClassCastException e) {
            return null;
        }
    }

    /** What the line {@code number} holds; never throws: a line that is not one of the trail's is unreadable. */
    public static TrailLine parse(int number, String line) {
        try {
            Map<String, Object> json = FlatJson.parse(line);
            if (json.containsKey("checkpoint")) {
                long seq = number(json, "checkpoint");
                return seq < 0
                        ? TrailLine.unreadable(number)
                        : TrailLine.checkpoint(number, new ChainPoint(seq, text(json, "hash", true)));
            }
            AuditEvent event = event(json);
            if (!json.containsKey("seq")) {
                return json.containsKey("hash") ? TrailLine.unreadable(number) : TrailLine.legacy(number, event);
            }
            long seq = number(json, "seq");
            return seq < 1
                    ? TrailLine.unreadable(number)
                    : TrailLine.entry(number, new AuditEntry(seq, event, text(json, "hash", true)));
        } catch (IllegalArgumentException | ClassCastException e) {
            return TrailLine.unreadable(number);
        }
    }

    private static void eventMembers(StringBuilder out, AuditEvent event) {
        FlatJson.member(out, "at", event.at().toEpochMilli());
        FlatJson.member(out, "type", event.type().name());
        FlatJson.member(out, "actor", event.actor());
        FlatJson.member(out, "userId", event.userId());
        FlatJson.member(out, "tokenId", event.tokenId());
        FlatJson.member(out, "tokenName", event.tokenName());
        FlatJson.member(out, "detail", event.detail());
    }

    private static AuditEvent event(Map<String, Object> json) {
        return new AuditEvent(
                Instant.ofEpochMilli(number(json, "at")),
                AuditEventType.valueOf(text(json, "type", true)),
                text(json, "actor", false),
                text(json, "userId", false),
                text(json, "tokenId", false),
                text(json, "tokenName", false),
                text(json, "detail", false));
    }

    private static long number(Map<String, Object> json, String key) {
        if (!(json.get(key) instanceof Long number)) {
            throw new IllegalArgumentException(key + " is not a whole number");
        }
        return number;
    }

    /** A text member; absent or {@code null} is {@code null} unless required. */
    private static String text(Map<String, Object> json, String key, boolean required) {
        Object value = json.get(key);
        if (value == null && required) {
            throw new IllegalArgumentException(key + " is missing");
        }
        return (String) value;
    }
}
