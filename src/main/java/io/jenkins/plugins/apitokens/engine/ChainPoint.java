package io.jenkins.plugins.apitokens.engine;

/**
 * A place in the audit chain: a sequence number and the hash of the entry with that number. The trail's checkpoint
 * (the last event compaction dropped) and its head (the last event written, kept in a file of its own) are such
 * points.
 */
public record ChainPoint(long seq, String hash) {

    /** What the first event links to: nothing before it. */
    public static final ChainPoint GENESIS = new ChainPoint(0, "0".repeat(64));
}
