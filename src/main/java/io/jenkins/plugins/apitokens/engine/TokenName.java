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
            throw new TokenRuleException("A token needs a name.");
        }
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length > MAX_LENGTH) {
            throw new TokenRuleException(
                    "A token name can have at most " + MAX_LENGTH + " characters; this one has " + length + ".");
        }
        if (trimmed.codePoints().anyMatch(Character::isISOControl)) {
            throw new TokenRuleException("A token name cannot contain control characters such as line breaks.");
        }
        return trimmed;
    }

    /** The key under which names clash: full case folding, so "STRASSE" and "straße" are one name. */
    static String uniquenessKey(String normalizedName) {
        return normalizedName.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }
}
