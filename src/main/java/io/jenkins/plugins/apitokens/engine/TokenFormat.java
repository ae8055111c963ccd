package io.jenkins.plugins.apitokens.engine;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
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
    /** Membership by table, not by searching the alphabet: this runs on every authenticated request. */
    private static final boolean[] IN_ALPHABET = new boolean[128];

    static {
        for (char c : ALPHABET.toCharArray()) {
            IN_ALPHABET[c] = true;
        }
    }

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
        return unchecked + checksumOf(unchecked);
    }

    /**
     * The id inside a well-formed value, or empty for anything else. Cheap and hash-free, so malformed input is
     * turned away before any hashing or lookup.
     */
    public static Optional<String> idOf(String value) {
        if (value == null || value.length() != LENGTH || !value.startsWith(PREFIX)) {
            return Optional.empty();
        }
        for (int i = PREFIX.length(); i < LENGTH; i++) {
            char c = value.charAt(i);
            if (c >= IN_ALPHABET.length || !IN_ALPHABET[c]) {
                return Optional.empty();
            }
        }
        String unchecked = value.substring(0, LENGTH - CHECKSUM_LENGTH);
        if (!checksumOf(unchecked).equals(value.substring(LENGTH - CHECKSUM_LENGTH))) {
            return Optional.empty();
        }
        return Optional.of(value.substring(PREFIX.length(), PREFIX.length() + ID_LENGTH));
    }

    /** Whether a string has this format, checksum included: what a secret scanner should test. */
    public static boolean isWellFormed(String value) {
        return idOf(value).isPresent();
    }

    static String checksumOf(String unchecked) {
        CRC32 crc = new CRC32();
        crc.update(unchecked.getBytes(StandardCharsets.US_ASCII));
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
