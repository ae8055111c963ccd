package io.jenkins.plugins.apitokens.engine;

/**
 * An audit event in its place in the chain.
 *
 * @param seq its number in the chain: 1 for the first chained event, one more for each after it
 * @param hash {@link AuditChain#hash(String, long, AuditEvent)} of the entry before it and this one, lowercase hex
 */
public record AuditEntry(long seq, AuditEvent event, String hash) {

    /** This entry as the point the next one links to. */
    public ChainPoint point() {
        return new ChainPoint(seq, hash);
    }
}
