package io.jenkins.plugins.apitokens.web;

import io.jenkins.plugins.apitokens.engine.DecoyInfo;
import io.jenkins.plugins.apitokens.engine.DecoyUse;
import io.jenkins.plugins.apitokens.engine.NewDecoy;
import java.util.List;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** A decoy as the REST API shows it, to administrators and to its creator: never its value, but in {@link #withValue}. */
@Restricted(NoExternalUse.class)
public final class DecoyJson {

    private DecoyJson() {}

    public static JSONObject of(DecoyInfo decoy) {
        JSONObject json = new JSONObject()
                .element("id", decoy.id())
                .element("name", decoy.name())
                .element("plantedAt", decoy.plantedAt())
                .element("createdBy", decoy.createdBy())
                .element("awaitingValue", decoy.awaitingValue())
                .element("created", decoy.createdAt().toString())
                .element("trips", decoy.trips());
        DecoyUse use = decoy.lastTrip();
        if (use != null) {
            json.element(
                    "lastTrip",
                    new JSONObject()
                            .element("at", decoy.lastTripAt().toString())
                            .element("via", use.via().name())
                            .element("source", use.source())
                            .element("method", use.method())
                            .element("path", use.path())
                            .element("userName", use.userName())
                            .element("userAgent", use.userAgent()));
        }
        return json;
    }

    /** {@code {"decoys": […]}}. */
    public static JSONObject list(List<DecoyInfo> decoys) {
        JSONArray all = new JSONArray();
        for (DecoyInfo decoy : decoys) {
            all.add(of(decoy));
        }
        return new JSONObject().element("decoys", all);
    }

    /** The one answer that holds a decoy's value: the one that makes it. */
    public static JSONObject withValue(NewDecoy made) {
        return of(made.decoy()).element("value", made.value());
    }
}
