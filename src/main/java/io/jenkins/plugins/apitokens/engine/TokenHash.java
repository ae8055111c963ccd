package io.jenkins.plugins.apitokens.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one-way form in which a token is kept. SHA-256 without salt or stretching is right here: a token carries
 * 166 random bits, so there is no dictionary to protect against, and a check must stay in the microseconds.
 */
final class TokenHash {

    private TokenHash() {}

    /** One digest per thread: looking the algorithm up costs more than hashing a token. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    });

    static byte[] of(String value) {
        // digest() resets the instance, so it is ready for the thread's next value.
        return SHA_256.get().digest(value.getBytes(StandardCharsets.US_ASCII));
    }

    static String hexOf(String value) {
        return HexFormat.of().formatHex(of(value));
    }

    /** Constant time in the content, so a caller cannot learn a hash byte by byte from timings. */
    static boolean matches(String value, byte[] expectedHash) {
        return MessageDigest.isEqual(of(value), expectedHash);
    }
}
