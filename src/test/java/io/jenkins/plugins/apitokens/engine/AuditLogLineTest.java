package io.jenkins.plugins.apitokens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditLogLineTest {

    private static AuditEntry entry(String actor, String name, String detail) {
        return new AuditEntry(
                12,
                new AuditEvent(
                        Instant.parse("2026-11-24T12:00:00.123456Z"),
                        AuditEventType.CREATED,
                        actor,
                        "alice",
                        "wQNrNXKz",
                        name,
                        detail),
                "9f".repeat(32));
    }

    /** Reads a line the way the admin guide tells a log shipper to: split on spaces outside quotes, unescape. */
    private static Map<String, String> read(String line) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && quoted) {
                word.append(c).append(line.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
                word.append(c);
            } else if (c == ' ' && !quoted) {
                words.add(word.toString());
                word.setLength(0);
            } else {
                word.append(c);
            }
        }
        words.add(word.toString());
        assertEquals(AuditLogLine.PREFIX, words.remove(0));
        for (String w : words) {
            int eq = w.indexOf('=');
            String key = w.substring(0, eq);
            assertFalse(fields.containsKey(key), "repeated key " + key + " in " + line);
            fields.put(key, w.substring(eq + 1));
        }
        return fields;
    }

    @Test
    void theLineHasTheDocumentedKeysInOrder() {
        assertEquals(
                "api-token-audit seq=12 hash=" + "9f".repeat(32) + " at=2026-11-24T12:00:00.123Z type=CREATED"
                        + " actor=\"bob\" user=\"alice\" token=\"wQNrNXKz\" name=\"deploy\" detail=-",
                AuditLogLine.of(entry("bob", "deploy", null)));
    }

    @Test
    void emptyDiffersFromAbsent() {
        Map<String, String> fields = read(AuditLogLine.of(entry("bob", "", null)));
        assertEquals("\"\"", fields.get("name"));
        assertEquals("-", fields.get("detail"));
    }

    @Test
    void noValueCanAddAFieldOrALine() {
        String forged = "x\" actor=\"root\" seq=1 \\\" detail=\"y";
        String line =
                AuditLogLine.of(entry(forged, "a\nap-token-audit seq=13 type=REVOKED\r\u0085\u2028", "\u001b[31m"));

        Map<String, String> fields = read(line);

        assertEquals(
                List.of("seq", "hash", "at", "type", "actor", "user", "token", "name", "detail"),
                List.copyOf(fields.keySet()));
        assertEquals("12", fields.get("seq"));
        assertEquals("\"x\\\" actor=\\\"root\\\" seq=1 \\\\\\\" detail=\\\"y\"", fields.get("actor"));
        assertEquals("\"a\\nap-token-audit seq=13 type=REVOKED\\r\\u0085\\u2028\"", fields.get("name"));
        assertEquals("\"\\u001b[31m\"", fields.get("detail"));
        assertEquals(1, line.lines().count());
        assertFalse(line.chars().anyMatch(Character::isISOControl), "no control character reaches the log");
    }
}
