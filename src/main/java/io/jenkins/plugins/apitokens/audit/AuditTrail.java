package io.jenkins.plugins.apitokens.audit;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.util.AtomicFileWriter;
import io.jenkins.plugins.apitokens.engine.AuditEvent;
import io.jenkins.plugins.apitokens.engine.AuditEventType;
import io.jenkins.plugins.apitokens.engine.AuditListener;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import net.sf.json.JSONException;
import net.sf.json.JSONObject;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The most recent token events, newest first, for the administrators' audit page. Bounded, so a busy instance
 * (build tokens come and go with every build) cannot grow it without limit; the Jenkins log keeps everything.
 *
 * <p>Kept across restarts in {@code JENKINS_HOME/api-token-manager-audit.log}, one JSON object a line. An event is
 * appended, not the whole trail rewritten; once the file holds twice the retained events it is replaced, atomically,
 * by the retained ones. A line cut short by a crash is skipped when the file is read.
 */
@Extension
@Restricted(NoExternalUse.class)
public class AuditTrail implements AuditListener {

    private static final Logger LOGGER = Logger.getLogger(AuditTrail.class.getName());

    static final int RETAINED = 1000;
    static final String FILE_NAME = "api-token-manager-audit.log";

    /** Newest first. */
    private final Deque<AuditEvent> events = new ArrayDeque<>();
    /** Lines in the file, to know when to compact it. */
    private int linesOnDisk;

    public AuditTrail() {
        load();
    }

    public static AuditTrail get() {
        return ExtensionList.lookupSingleton(AuditTrail.class);
    }

    @Override
    public synchronized void onEvent(AuditEvent event) {
        events.addFirst(event);
        while (events.size() > RETAINED) {
            events.removeLast();
        }
        try {
            if (linesOnDisk >= 2 * RETAINED) {
                rewrite();
            } else {
                Files.writeString(
                        file().toPath(),
                        toJson(event) + "\n",
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                linesOnDisk++;
            }
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Could not write the API token audit trail; the Jenkins log has the event", e);
        }
    }

    public synchronized List<AuditEvent> getEvents() {
        return new ArrayList<>(events);
    }

    private synchronized void load() {
        File file = file();
        if (!file.exists()) {
            return;
        }
        try {
            List<String> lines = Files.readAllLines(file.toPath(), StandardCharsets.UTF_8);
            linesOnDisk = lines.size();
            for (String line : lines) {
                AuditEvent event = fromJson(line);
                if (event != null) {
                    events.addFirst(event);
                }
            }
            while (events.size() > RETAINED) {
                events.removeLast();
            }
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Could not read the API token audit trail " + file, e);
        }
    }

    /** Replaces the file by the retained events, oldest first. */
    private void rewrite() throws IOException {
        try (AtomicFileWriter writer = new AtomicFileWriter(file().toPath(), StandardCharsets.UTF_8)) {
            try {
                for (Iterator<AuditEvent> oldestFirst = events.descendingIterator(); oldestFirst.hasNext(); ) {
                    writer.write(toJson(oldestFirst.next()) + "\n");
                }
                writer.commit();
            } finally {
                writer.abort(); // after a commit, a no-op; before one, removes the temporary file
            }
        }
        linesOnDisk = events.size();
    }

    private static File file() {
        return new File(Jenkins.get().getRootDir(), FILE_NAME);
    }

    static String toJson(AuditEvent event) {
        return new JSONObject()
                .element("at", event.at().toEpochMilli())
                .element("type", event.type().name())
                .element("actor", event.actor())
                .element("userId", event.userId())
                .element("tokenId", event.tokenId())
                .element("tokenName", event.tokenName())
                .element("detail", event.detail())
                .toString();
    }

    /** The event of one line, or {@code null} for a line that is not one (such as one cut short by a crash). */
    static AuditEvent fromJson(String line) {
        try {
            JSONObject json = JSONObject.fromObject(line);
            return new AuditEvent(
                    Instant.ofEpochMilli(json.getLong("at")),
                    AuditEventType.valueOf(json.getString("type")),
                    text(json, "actor"),
                    text(json, "userId"),
                    text(json, "tokenId"),
                    text(json, "tokenName"),
                    text(json, "detail"));
        } catch (JSONException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String text(JSONObject json, String key) {
        return json.has(key) ? json.getString(key) : null;
    }
}
