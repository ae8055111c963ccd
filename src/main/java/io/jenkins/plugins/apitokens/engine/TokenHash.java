package io.jenkins.plugins.apitokens.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one-way form in which a token is kept. SHA-256 without salt or stretching is right here: a token carries
 * 166 random bits, so there is no dictionary to protect against, and a check must stay in the microseconds.
 */
final class TokenHash {

    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

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

    /**
     * Whether the value's hash is the one given as four {@link #word words}. Constant time in the content, so a
     * caller cannot learn a hash piece by piece from timings: every word is compared, with no early exit.
     */
    static boolean matches(String value, long word0, long word1, long word2, long word3) {
        byte[] actual = of(value);
        long difference = (word(actual, 0) ^ word0)
                | (word(actual, 1) ^ word1)
                | (word(actual, 2) ^ word2)
                | (word(actual, 3) ^ word3);
        return difference == 0;
    }

    /** The index-th eight bytes of a hash, as a number. */
    static long word(byte[] hash, int index) {
        return (long) WORDS.get(hash, index * Long.BYTES);
    }
}
