package io.jenkins.plugins.apitokens.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON object of texts, whole numbers and nulls on one line: all the audit trail's lines are. Written and read
 * here rather than by a general library so that a text is always a text (some libraries turn a name such as
 * {@code [ci]} or {@code null} into an array or a null, which would change the event under its hash), and so that
 * anything else (a nested value, a repeated key, trailing text) is an unreadable line, not a guess.
 */
final class FlatJson {

    private final String text;
    private int at;

    private FlatJson(String text) {
        this.text = text;
    }

    /** Appends {@code "key":} and the value: a {@link String}, a {@link Long} or {@code null}. */
    static void member(StringBuilder out, String key, Object value) {
        out.append(out.length() == 0 ? '{' : ',');
        quote(out, key);
        out.append(':');
        if (value == null) {
            out.append("null");
        } else if (value instanceof Long number) {
            out.append(number.longValue());
        } else {
            quote(out, (String) value);
        }
    }

    /** A JSON string: quoted, with quotes, backslashes, controls and line separators escaped (the log line's too). */
    static void quote(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * The members of a one-line object, in order; values are {@link String}, {@link Long} or {@code null}.
     *
     * @throws IllegalArgumentException for anything else
     */
    static Map<String, Object> parse(String line) {
        FlatJson reader = new FlatJson(line);
        Map<String, Object> members = reader.object();
        reader.space();
        if (reader.at != line.length()) {
            throw new IllegalArgumentException("text after the object");
        }
        return members;
    }

    private Map<String, Object> object() {
        Map<String, Object> members = new LinkedHashMap<>();
        space();
        expect('{');
        space();
        if (peek() == '}') {
            at++;
            return members;
        }
        while (true) {
            space();
            String key = string();
            space();
            expect(':');
            space();
            if (members.containsKey(key)) {
                throw new IllegalArgumentException("repeated key " + key);
            }
            members.put(key, value());
            space();
            char c = next();
            if (c == '}') {
                return members;
            }
            if (c != ',') {
                throw new IllegalArgumentException("expected , or }");
            }
        }
    }

    private Object value() {
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            int start = at;
            if (c == '-') {
                at++;
            }
            while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
                at++;
            }
            return Long.parseLong(text.substring(start, at)); // NumberFormatException is an IllegalArgumentException
        }
        if (text.startsWith("null", at)) {
            at += 4;
            return null;
        }
        throw new IllegalArgumentException("not a text, a whole number or null at " + at);
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw new IllegalArgumentException("control character in a text");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escaped = next();
            switch (escaped) {
                case '"', '\\', '/' -> out.append(escaped);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (at + 4 > text.length()
                            || !text.substring(at, at + 4).chars().allMatch(h -> Character.digit(h, 16) >= 0)) {
                        throw new IllegalArgumentException("bad \\u escape");
                    }
                    out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    at += 4;
                }
                default -> throw new IllegalArgumentException("unknown escape \\" + escaped);
            }
        }
    }

    private void space() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private void expect(char c) {
        if (next() != c) {
            throw new IllegalArgumentException("expected " + c + " at " + (at - 1));
        }
    }

    private char peek() {
        if (at >= text.length()) {
            throw new IllegalArgumentException("line ends early");
        }
        return text.charAt(at);
    }

    private char next() {
        char c = peek();
        at++;
        return c;
    }
}
