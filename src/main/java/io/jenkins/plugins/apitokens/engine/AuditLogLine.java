package io.jenkins.plugins.apitokens.engine;

import java.time.Instant;

/**
 * An audit entry as one line for the Jenkins log and the log shippers that read it (a SIEM), in a stable
 * {@code key=value} format:
 *
 * <pre>
 * api-token-audit seq=12 hash=9f… at=2026-11-24T12:00:00.123Z type=CREATED actor="alice" user="alice" token="wQNrNXKz" name="deploy" detail=-
 * </pre>
 *
 * The keys come always, in this order, separated by one space. {@code seq}, {@code hash} (64 hexadecimal digits),
 * {@code at} (ISO-8601, UTC) and {@code type} are never quoted and hold no space. The other values are {@code -} when
 * absent, otherwise quoted: {@code "} and {@code \} inside are escaped as {@code \"} and {@code \\}, line feed,
 * carriage return and tab as {@code \n}, {@code \r}, {@code \t}, and every other control character (and the Unicode
 * line and paragraph separators) as {@code \}{@code uXXXX}. So no value can end its quotes early, add a key, or start a
 * new line: a reader splits a line on the spaces outside quotes and unescapes the values.
 */
public final class AuditLogLine {

    /** The first word of every line: what a log shipper's filter looks for. */
    public static final String PREFIX = "api-token-audit";

    private AuditLogLine() {}

    public static String of(AuditEntry entry) {
        AuditEvent event = entry.event();
        StringBuilder out = new StringBuilder(PREFIX);
        out.append(" seq=").append(entry.seq());
        out.append(" hash=").append(entry.hash());
        out.append(" at=").append(Instant.ofEpochMilli(event.at().toEpochMilli()));
        out.append(" type=").append(event.type().name());
        quoted(out, "actor", event.actor());
        quoted(out, "user", event.userId());
        quoted(out, "token", event.tokenId());
        quoted(out, "name", event.tokenName());
        quoted(out, "detail", event.detail());
        return out.toString();
    }

    private static void quoted(StringBuilder out, String key, String value) {
        out.append(' ').append(key).append('=');
        if (value == null) {
            out.append('-');
            return;
        }
        FlatJson.quote(out, value);
    }
}
