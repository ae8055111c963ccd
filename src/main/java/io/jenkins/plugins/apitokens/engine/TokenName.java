package io.jenkins.plugins.apitokens.engine;

import java.util.Locale;

/** The rules for a token's name: trimmed, 1 to 100 characters of any script, unique per user ignoring case. */
public final class TokenName {

    public static final int MAX_LENGTH = 100;

    private TokenName() {}

    /**
     * The name as it will be stored.
     *
     * @throws TokenRuleException saying what is wrong with it
     */
    public static String normalize(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new TokenRuleException(EngineMessage.of("TokenName.Required"));
        }
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length > MAX_LENGTH) {
            throw new TokenRuleException(EngineMessage.of("TokenName.TooLong", MAX_LENGTH, length));
        }
        if (trimmed.codePoints().anyMatch(TokenName::isMisleading)) {
            throw new TokenRuleException(EngineMessage.of("TokenName.Misleading"));
        }
        return trimmed;
    }

    /**
     * Characters that change how a list or a log line reads without being seen: controls, line and paragraph
     * separators, and format characters (bidirectional overrides and isolates, zero-width characters), which can
     * make one name look like another. A zero-width joiner inside an emoji sequence is the one format character
     * kept, so names in every script and emoji stay possible.
     */
    private static boolean isMisleading(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isISOControl(codePoint)
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || (type == Character.FORMAT && codePoint != ZERO_WIDTH_JOINER);
    }

    private static final int ZERO_WIDTH_JOINER = 0x200D;

    /**
     * {@code text} made to fit {@code max} characters by cutting out its middle, so that both the start (a job's
     * folder) and the end (its build number) stay readable.
     */
    public static String shorten(String text, int max) {
        String stripped = text == null ? "" : text.strip();
        int length = stripped.codePointCount(0, stripped.length());
        if (length <= max) {
            return stripped;
        }
        int keep = max - 1;
        int head = keep / 2;
        int tail = keep - head;
        int headEnd = stripped.offsetByCodePoints(0, head);
        int tailStart = stripped.offsetByCodePoints(stripped.length(), -tail);
        return stripped.substring(0, headEnd) + "\u2026" + stripped.substring(tailStart);
    }

    /** The key under which names clash: full case folding, so "STRASSE" and "straße" are one name. */
    static String uniquenessKey(String normalizedName) {
        return normalizedName.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }
}
