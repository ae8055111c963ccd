package io.jenkins.plugins.apitokens.audit;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.util.AtomicFileWriter;
import io.jenkins.plugins.apitokens.engine.AuditChain;
import io.jenkins.plugins.apitokens.engine.AuditEntry;
import io.jenkins.plugins.apitokens.engine.AuditEvent;
import io.jenkins.plugins.apitokens.engine.AuditListener;
import io.jenkins.plugins.apitokens.engine.AuditTrailFormat;
import io.jenkins.plugins.apitokens.engine.AuditVerdict;
import io.jenkins.plugins.apitokens.engine.AuditVerifier;
import io.jenkins.plugins.apitokens.engine.ChainPoint;
import io.jenkins.plugins.apitokens.engine.TrailLine;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The most recent token events, newest first, for the administrators' audit page, kept as a hash chain
 * ({@link AuditChain}) so that tampering with the stored trail shows. Bounded, so a busy instance (build tokens come
 * and go with every build) cannot grow it without limit; the Jenkins log ({@link AuditLog}) keeps everything.
 *
 * <p>Kept across restarts in {@code JENKINS_HOME/api-token-manager-audit.log}, one JSON object a line
 * ({@link AuditTrailFormat}), each with its sequence number and hash. An event is appended, not the whole trail
 * rewritten; once the file holds twice the retained events it is replaced, atomically, by a checkpoint line (the
 * sequence number and hash of the last event dropped) and the retained events, so the rest stays verifiable. After a
 * restart the chain continues from the file's last good entry. A line cut short by a crash is skipped for the page
 * but reported by {@link #verify()}; events of releases before the chain are shown and counted, not verified.
 *
 * <p>{@code JENKINS_HOME/api-token-manager-audit.head}, rewritten atomically after every event, records the last
 * sequence number and hash, so that removing the newest lines shows too. The head and the log lines are the trail's
 * anchors: someone able to rewrite both this file and the head can forge a consistent chain; the log lines shipped to
 * another system (a SIEM), each carrying its entry's sequence number and hash, are what they cannot rewrite.
 */
@Extension
@Restricted(NoExternalUse.class)
public class AuditTrail implements AuditListener {

    private static final Logger LOGGER = Logger.getLogger(AuditTrail.class.getName());

    static final int RETAINED = 1000;
    static final String FILE_NAME = "api-token-manager-audit.log";
    static final String HEAD_FILE_NAME = "api-token-manager-audit.head";

    /** Newest first: chained entries and, until they are dropped, events that predate the chain. */
    private final Deque<TrailLine> retained = new ArrayDeque<>();
    /** The last chained event dropped from {@link #retained}, or {@code null}: a rewritten file resumes from it. */
    private ChainPoint checkpoint;

    private AuditChain chain = new AuditChain(ChainPoint.GENESIS);
    /** Lines in the file, to know when to compact it. */
    private int linesOnDisk;
    /** The file's last line was cut short: the next one must not be appended to it. */
    private boolean endsMidLine;

    public AuditTrail() {
        load();
    }

    public static AuditTrail get() {
        return ExtensionList.lookupSingleton(AuditTrail.class);
    }

    @Override
    public synchronized void onEvent(AuditEvent event) {
        AuditEntry entry = chain.append(event);
        AuditLog.record(entry);
        retain(TrailLine.entry(0, entry));
        try {
            if (linesOnDisk >= 2 * RETAINED) {
                compact();
            } else {
                String line = AuditTrailFormat.entryLine(entry) + "\n";
                Files.writeString(
                        file(),
                        endsMidLine ? "\n" + line : line,
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                endsMidLine = false;
                linesOnDisk++;
            }
            writeHead(entry.point());
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Could not write the API token audit trail; the Jenkins log has the event", e);
        }
    }

    /** The retained events, newest first. */
    public synchronized List<AuditEvent> getEvents() {
        List<AuditEvent> events = new ArrayList<>(retained.size());
        for (TrailLine line : retained) {
            events.add(line.event());
        }
        return events;
    }

    /** Verifies the trail as stored: the file and the head, read again, since they are what could be tampered with. */
    public synchronized AuditVerdict verify() throws IOException {
        return AuditVerifier.verify(readLines(), readHead());
    }

    /** The file's bytes, as stored: the chain with its checkpoint, for verification elsewhere. */
    public synchronized byte[] export() throws IOException {
        try {
            return Files.readAllBytes(file());
        } catch (NoSuchFileException e) {
            return new byte[0];
        }
    }

    private void retain(TrailLine line) {
        retained.addFirst(line);
        while (retained.size() > RETAINED) {
            TrailLine dropped = retained.removeLast();
            if (dropped.kind() == TrailLine.Kind.ENTRY) {
                checkpoint = dropped.entry().point();
            }
        }
    }

    private synchronized void load() {
        try {
            ChainPoint last = ChainPoint.GENESIS;
            for (TrailLine line : readLines()) {
                linesOnDisk++;
                switch (line.kind()) {
                    case ENTRY -> {
                        retain(line);
                        last = later(last, line.entry().point());
                    }
                    case LEGACY -> retain(line);
                    case CHECKPOINT -> {
                        checkpoint = line.checkpoint();
                        last = later(last, checkpoint);
                    }
                    case UNREADABLE -> {
                        // skipped for the page; verify() reports it
                    }
                }
            }
            byte[] bytes = export();
            endsMidLine = bytes.length > 0 && bytes[bytes.length - 1] != '\n';
            // Numbering goes on after the head even when the file ends earlier, so that the gap stays visible
            // rather than being written over.
            ChainPoint head = readHead();
            chain = new AuditChain(head == null ? last : later(last, head));
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Could not read the API token audit trail " + file(), e);
        }
    }

    private static ChainPoint later(ChainPoint a, ChainPoint b) {
        return b.seq() > a.seq() ? b : a;
    }

    /**
     * Replaces the file by the retained events, oldest first, after the checkpoint they are verified from. What is
     * dropped can no longer be verified here, so a trail that does not verify is reported first.
     */
    private void compact() throws IOException {
        AuditVerdict before = verify();
        if (!before.isIntact()) {
            LOGGER.log(
                    Level.WARNING,
                    "Compacting an API token audit trail that does not verify; the dropped part is lost: {0}",
                    VerdictText.of(before));
        }
        try (AtomicFileWriter writer = new AtomicFileWriter(file(), StandardCharsets.UTF_8)) {
            try {
                boolean chained = false;
                for (Iterator<TrailLine> oldestFirst = retained.descendingIterator(); oldestFirst.hasNext(); ) {
                    TrailLine line = oldestFirst.next();
                    if (line.kind() == TrailLine.Kind.LEGACY) {
                        writer.write(AuditTrailFormat.legacyLine(line.event()) + "\n");
                        continue;
                    }
                    if (!chained && checkpoint != null) {
                        writer.write(AuditTrailFormat.checkpointLine(checkpoint) + "\n");
                    }
                    chained = true;
                    writer.write(AuditTrailFormat.entryLine(line.entry()) + "\n");
                }
                writer.commit();
            } finally {
                writer.abort(); // after a commit, a no-op; before one, removes the temporary file
            }
        }
        linesOnDisk = retained.size() + (checkpoint == null ? 0 : 1);
        endsMidLine = false;
    }

    private void writeHead(ChainPoint head) throws IOException {
        try (AtomicFileWriter writer = new AtomicFileWriter(headFile(), StandardCharsets.UTF_8)) {
            try {
                writer.write(AuditTrailFormat.headLine(head) + "\n");
                writer.commit();
            } finally {
                writer.abort();
            }
        }
    }

    /** The file's lines, numbered from 1; bytes that are not UTF-8 are replaced, so such a line reads as edited. */
    private List<TrailLine> readLines() throws IOException {
        String text;
        try {
            text = new String(Files.readAllBytes(file()), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        List<TrailLine> lines = new ArrayList<>();
        String[] split = text.split("\n", -1);
        int count = text.endsWith("\n") ? split.length - 1 : split.length;
        for (int i = 0; i < count && !text.isEmpty(); i++) {
            lines.add(AuditTrailFormat.parse(i + 1, split[i]));
        }
        return lines;
    }

    /** The head file's point, or {@code null} if there is none or it cannot be read. */
    private ChainPoint readHead() throws IOException {
        try {
            return AuditTrailFormat.parseHead(Files.readString(headFile(), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return null;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static Path file() {
        return Jenkins.get().getRootDir().toPath().resolve(FILE_NAME);
    }

    private static Path headFile() {
        return Jenkins.get().getRootDir().toPath().resolve(HEAD_FILE_NAME);
    }
}
