package io.jenkins.plugins.apitokens.web;

import java.io.IOException;
import net.sf.json.JSONObject;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/** A JSON answer with a status code: data on success, {@code {"message": …}} on a refusal. Never a stack trace. */
@Restricted(NoExternalUse.class)
public final class JsonReply implements HttpResponse {

    private final int status;
    private final JSONObject body;

    private JsonReply(int status, JSONObject body) {
        this.status = status;
        this.body = body;
    }

    public static JsonReply ok(JSONObject body) {
        return new JsonReply(200, body);
    }

    public static JsonReply created(JSONObject body) {
        return new JsonReply(201, body);
    }

    /** Taken in, with nothing to say about the outcome. */
    public static JsonReply accepted(String message) {
        return new JsonReply(202, new JSONObject().element("message", message));
    }

    public static JsonReply error(int status, String message) {
        return new JsonReply(status, new JSONObject().element("message", message));
    }

    @Override
    public void generateResponse(StaplerRequest2 req, StaplerResponse2 rsp, Object node) throws IOException {
        rsp.setStatus(status);
        rsp.setContentType("application/json;charset=UTF-8");
        rsp.setHeader("Cache-Control", "no-store");
        rsp.getWriter().write(body.toString());
    }
}
