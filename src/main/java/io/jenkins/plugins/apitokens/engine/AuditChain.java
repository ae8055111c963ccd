package io.jenkins.plugins.apitokens.engine;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Links audit events into a hash chain, so that an edited, removed or reordered event shows: each entry's hash covers
 * the hash before it, and a verifier ({@link AuditVerifier}) recomputes them all.
 *
 * <p>{@code hash(n) = hex(SHA-256(ASCII(hash(n-1)) || canonical(n, event)))}, where {@code hash(0)} is 64 zeros
 * ({@link ChainPoint#GENESIS}) and the canonical form is the concatenation of these fields, in this order:
 *
 * <ol>
 *   <li>the format's name {@value #FORMAT},
 *   <li>the sequence number in decimal,
 *   <li>the time in milliseconds since the epoch, in decimal (the trail stores milliseconds, so finer parts of the
 *       instant are not covered),
 *   <li>the event type's name, the actor, the user id, the token id, the token name and the detail,
 * </ol>
 *
 * each written as its UTF-8 byte length in decimal, a colon and its UTF-8 bytes ({@code 5:alice}), or, for
 * {@code null}, a single {@code -}. A length begins with a digit, so no field can be read as two and {@code null}
 * ({@code -}) differs from the empty text ({@code 0:}).
 *
 * <p>Not thread-safe: its one user appends under its own lock.
 */
public final class AuditChain {

    /** Names the canonical form, so that a different one can never produce the same bytes. */
    public static final String FORMAT = "api-token-audit-chain-1";

    private ChainPoint last;

    /** A chain whose next entry links to {@code last}: {@link ChainPoint#GENESIS} for a new chain. */
    public AuditChain(ChainPoint last) {
        this.last = last;
    }

    /** Gives the event the next sequence number and its hash. */
    public AuditEntry append(AuditEvent event) {
        long seq = last.seq() + 1;
        AuditEntry entry = new AuditEntry(seq, event, hash(last.hash(), seq, event));
        last = entry.point();
        return entry;
    }

    /** The entry the next one will link to. */
    public ChainPoint last() {
        return last;
    }

    /** The hash of the entry {@code seq} holding {@code event}, linked to the entry before it. */
    public static String hash(String previousHash, long seq, AuditEvent event) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(previousHash.getBytes(StandardCharsets.US_ASCII));
            sha256.update(canonicalForm(seq, event));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    /** The bytes that stand for the event in the chain; see the class description. */
    static byte[] canonicalForm(long seq, AuditEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        field(out, FORMAT);
        field(out, Long.toString(seq));
        field(out, Long.toString(event.at().toEpochMilli()));
        field(out, event.type().name());
        field(out, event.actor());
        field(out, event.userId());
        field(out, event.tokenId());
        field(out, event.tokenName());
        field(out, event.detail());
        return out.toByteArray();
    }

    private static void field(ByteArrayOutputStream out, String value) {
        if (value == null) {
            out.write('-');
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        out.write(':');
        out.writeBytes(bytes);
    }
}
