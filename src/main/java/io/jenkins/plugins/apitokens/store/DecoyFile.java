package io.jenkins.plugins.apitokens.store;

import hudson.util.AtomicFileWriter;
import io.jenkins.plugins.apitokens.engine.DecoyInfo;
import io.jenkins.plugins.apitokens.engine.DecoyStore;
import io.jenkins.plugins.apitokens.engine.DecoyUse;
import io.jenkins.plugins.apitokens.engine.StoredDecoy;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.sf.json.JSONArray;
import net.sf.json.JSONException;
import net.sf.json.JSONObject;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The instance's decoys, in {@code JENKINS_HOME/api-token-manager-decoys.json}: each one's description, its uses,
 * and the SHA-256 of its value, never the value. Replaced whole and atomically; a decoy that cannot be read is
 * skipped with a warning (it then alerts no more, and authenticates nothing, as before).
 */
@Restricted(NoExternalUse.class)
public final class DecoyFile implements DecoyStore {

    private static final Logger LOGGER = Logger.getLogger(DecoyFile.class.getName());
    public static final String FILE_NAME = "api-token-manager-decoys.json";

    private final File file;

    public DecoyFile(File jenkinsHome) {
        this.file = new File(jenkinsHome, FILE_NAME);
    }

    @Override
    public List<StoredDecoy> load() throws IOException {
        if (!file.exists()) {
            return List.of();
        }
        JSONArray all;
        try {
            all = JSONArray.fromObject(Files.readString(file.toPath(), StandardCharsets.UTF_8));
        } catch (JSONException e) {
            throw new IOException("Not a list of decoys: " + file, e);
        }
        List<StoredDecoy> decoys = new ArrayList<>();
        for (Object entry : all) {
            try {
                decoys.add(fromJson((JSONObject) entry));
            } catch (JSONException | ClassCastException | IllegalArgumentException e) {
                LOGGER.log(Level.WARNING, "Skipping a decoy token that cannot be read in " + file, e);
            }
        }
        return decoys;
    }

    @Override
    public void save(List<StoredDecoy> decoys) throws IOException {
        JSONArray all = new JSONArray();
        for (StoredDecoy decoy : decoys) {
            all.add(toJson(decoy));
        }
        try (AtomicFileWriter writer = new AtomicFileWriter(file.toPath(), StandardCharsets.UTF_8)) {
            try {
                writer.write(all.toString(2));
                writer.commit();
            } finally {
                writer.abort(); // after a commit, a no-op; before one, removes the temporary file
            }
        }
    }

    private static JSONObject toJson(StoredDecoy stored) {
        DecoyInfo decoy = stored.info();
        JSONObject json = new JSONObject()
                .element("id", decoy.id())
                .element("name", decoy.name())
                .element("plantedAt", decoy.plantedAt())
                .element("createdBy", decoy.createdBy())
                .element("createdAt", decoy.createdAt().toEpochMilli())
                .element("awaitingValue", decoy.awaitingValue())
                .element("trips", decoy.trips());
        if (stored.sha256() != null) {
            json.element("sha256", stored.sha256());
        }
        if (decoy.lastTrip() != null) {
            DecoyUse use = decoy.lastTrip();
            json.element("lastTripAt", decoy.lastTripAt().toEpochMilli())
                    .element(
                            "lastTrip",
                            new JSONObject()
                                    .element("via", use.via().name())
                                    .element("source", use.source())
                                    .element("method", use.method())
                                    .element("path", use.path())
                                    .element("userName", use.userName())
                                    .element("userAgent", use.userAgent()));
        }
        return json;
    }

    private static StoredDecoy fromJson(JSONObject json) {
        DecoyUse lastTrip = null;
        Instant lastTripAt = null;
        if (json.has("lastTrip")) {
            JSONObject use = json.getJSONObject("lastTrip");
            lastTrip = new DecoyUse(
                    DecoyUse.Via.valueOf(use.getString("via")),
                    text(use, "source"),
                    text(use, "method"),
                    text(use, "path"),
                    text(use, "userName"),
                    text(use, "userAgent"));
            lastTripAt = Instant.ofEpochMilli(json.getLong("lastTripAt"));
        }
        DecoyInfo info = new DecoyInfo(
                json.getString("id"),
                json.getString("name"),
                json.optString("plantedAt", ""),
                text(json, "createdBy"),
                Instant.ofEpochMilli(json.getLong("createdAt")),
                json.optBoolean("awaitingValue", false),
                json.optLong("trips", 0),
                lastTripAt,
                lastTrip);
        String sha256 = text(json, "sha256");
        if (sha256 == null ? !info.awaitingValue() : !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("Not a SHA-256 hash");
        }
        return new StoredDecoy(info, sha256);
    }

    /** A text field; {@code null} when absent or JSON null (net.sf.json reads null as the text "null"). */
    private static String text(JSONObject json, String key) {
        Object value = json.opt(key);
        return value instanceof String text ? text : null;
    }
}
