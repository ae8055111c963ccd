package io.jenkins.plugins.apitokens.engine.bench;


import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A faithful model of how Jenkins core (2.516) checks an API token and records its use, for a side-by-side
 * measurement: {@code ApiTokenStore.findMatchingToken} hashes the value once and compares it with every token of the
 * user in turn, inside a {@code synchronized} method; {@code ApiTokenStats.updateUsageForId} then bumps the counter
 * and saves the user's whole stats file, through {@code AtomicFileWriter} (temporary file, forced to disk, moved
 * into place), on every single use.
 */
final class CoreModel {

    private static final class Entry {
        final String uuid;
        final byte[] hash;
        long useCount;
        long lastUse;

        Entry(String uuid, byte[] hash) {
            this.uuid = uuid;
            this.hash = hash;
        }
    }

    private final List<Entry> tokens = new ArrayList<>();
    private final Path statsFile;
    final List<String> values = new ArrayList<>();

    CoreModel(int count, Path directory) {
        this.statsFile = directory.resolve("apiTokenStats.xml");
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < count; i++) {
            byte[] secret = new byte[16];
            random.nextBytes(secret);
            String hex = HexFormat.of().formatHex(secret);
            values.add("11" + hex);
            tokens.add(new Entry("uuid-" + i, sha256(hex)));
        }
    }

    /** Returns whether the value matched; like core, records and saves the use when it does. */
    synchronized boolean checkAndRecord(String value) throws IOException {
        byte[] hash = sha256(value.substring(2));
        for (Entry token : tokens) {
            if (MessageDigest.isEqual(token.hash, hash)) {
                token.useCount++;
                token.lastUse = System.currentTimeMillis();
                save();
                return true;
            }
        }
        return false;
    }

    private void save() throws IOException {
        StringBuilder xml = new StringBuilder("<jenkins.security.apitoken.ApiTokenStats>\n  <tokenStats>\n");
        for (Entry token : tokens) {
            xml.append("    <jenkins.security.apitoken.ApiTokenStats_-SingleTokenStats>\n      <tokenUuid>")
                    .append(token.uuid).append("</tokenUuid>\n      <useCounter>").append(token.useCount)
                    .append("</useCounter>\n      <lastUseDate>").append(token.lastUse)
                    .append("</lastUseDate>\n    </jenkins.security.apitoken.ApiTokenStats_-SingleTokenStats>\n");
        }
        xml.append("  </tokenStats>\n</jenkins.security.apitoken.ApiTokenStats>\n");
        Path temporary = Files.createTempFile(statsFile.getParent(), "atomic", "tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(xml.toString().getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        }
        Files.move(temporary, statsFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
