package io.jenkins.plugins.apitokens.engine;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The textual form of a token: {@code jnkapi_<id><secret><checksum>}, all base62.
 *
 * <p>The fixed prefix lets secret scanners find leaked tokens; the 8-character id names a token in logs and lets
 * verification find it without scanning; the 28-character secret carries 166 random bits; the 6-character CRC32
 * checksum lets a scanner tell a real token from a look-alike offline. Base62 is safe in URLs, shells and after
 * the {@code :} of HTTP Basic credentials. See {@code docs/token-format.md}.
 */
public final class TokenFormat {

    public static final String PREFIX = "jnkapi_";
    static final int ID_LENGTH = 8;
    static final int SECRET_LENGTH = 28;
    static final int CHECKSUM_LENGTH = 6;
    public static final int LENGTH = PREFIX.length() + ID_LENGTH + SECRET_LENGTH + CHECKSUM_LENGTH;

    /** The pattern documented for secret scanners; the checksum is what tells a real token from a look-alike. */
    public static final Pattern PATTERN = Pattern.compile("jnkapi_[0-9A-Za-z]{42}");

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int BASE = ALPHABET.length();
    /**
     * Each character's place in the alphabet, -1 for characters outside it: a table, not a search of the alphabet,
     * because this runs on every authenticated request.
     */
    private static final byte[] DIGITS = new byte[128];

    static {
        Arrays.fill(DIGITS, (byte) -1);
        for (int i = 0; i < BASE; i++) {
            DIGITS[ALPHABET.charAt(i)] = (byte) i;
        }
    }

    /** Marks a packed id, so that no id packs to 0, the "no id" answer of {@link #idKey}. */
    private static final long ID_KEY_MARK = 1L << (6 * ID_LENGTH);

    private final SecureRandom random;

    public TokenFormat() {
        this(new SecureRandom());
    }

    TokenFormat(SecureRandom random) {
        this.random = random;
    }

    /** A fresh public token id. */
    String newId() {
        return randomChars(ID_LENGTH);
    }

    /** A complete new token value carrying the given id. */
    String newValue(String id) {
        String unchecked = PREFIX + id + randomChars(SECRET_LENGTH);
        return unchecked + checksumOf(unchecked, unchecked.length());
    }

    /**
     * The id inside a well-formed value, or empty for anything else. Cheap and hash-free, so malformed input is
     * turned away before any hashing or lookup.
     */
    public static Optional<String> idOf(String value) {
        return keyOf(value) == 0
                ? Optional.empty()
                : Optional.of(value.substring(PREFIX.length(), PREFIX.length() + ID_LENGTH));
    }

    /** Whether a string has this format, checksum included: what a secret scanner should test. */
    public static boolean isWellFormed(String value) {
        return keyOf(value) != 0;
    }

    /**
     * The {@link #idKey packed id} of a well-formed value, or 0 for anything else: {@link #idOf} without allocating
     * a string, for the check every request makes.
     */
    static long keyOf(String value) {
        if (value == null || value.length() != LENGTH || !value.startsWith(PREFIX)) {
            return 0;
        }
        for (int i = PREFIX.length(); i < LENGTH; i++) {
            if (digit(value.charAt(i)) < 0) {
                return 0;
            }
        }
        if (!checksumMatches(value)) {
            return 0;
        }
        return idKey(value, PREFIX.length());
    }

    /**
     * An id packed into a {@code long}, six bits per character, so an index can hold ids as numbers rather than
     * strings; 0 when the characters from {@code from} are not an id.
     */
    private static long idKey(String text, int from) {
        long key = ID_KEY_MARK;
        for (int i = from; i < from + ID_LENGTH; i++) {
            int digit = digit(text.charAt(i));
            if (digit < 0) {
                return 0;
            }
            key |= (long) digit << (6 * (i - from));
        }
        return key;
    }

    /** The packed form of a whole id, such as one typed in a URL; 0 if it is not one. */
    static long idKey(String id) {
        return id == null || id.length() != ID_LENGTH ? 0 : idKey(id, 0);
    }

    private static int digit(char c) {
        return c < DIGITS.length ? DIGITS[c] : -1;
    }

    /** Whether the value's last characters are the checksum of the rest. */
    private static boolean checksumMatches(String value) {
        int checked = LENGTH - CHECKSUM_LENGTH;
        return value.regionMatches(checked, checksumOf(value, checked), 0, CHECKSUM_LENGTH);
    }

    /** The checksum of the first {@code length} characters of the text. */
    static String checksumOf(String text, int length) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.US_ASCII), 0, length);
        long remaining = crc.getValue();
        char[] digits = new char[CHECKSUM_LENGTH];
        for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
            digits[i] = ALPHABET.charAt((int) (remaining % BASE));
            remaining /= BASE;
        }
        return new String(digits);
    }

    private String randomChars(int count) {
        char[] chars = new char[count];
        byte[] buffer = new byte[count * 2];
        int filled = 0;
        while (filled < count) {
            random.nextBytes(buffer);
            for (int i = 0; i < buffer.length && filled < count; i++) {
                int b = buffer[i] & 0xff;
                // Rejection sampling: 248 = 4 * 62, so every character is equally likely.
                if (b < 4 * BASE) {
                    chars[filled++] = ALPHABET.charAt(b % BASE);
                }
            }
        }
        return new String(chars);
    }
}
