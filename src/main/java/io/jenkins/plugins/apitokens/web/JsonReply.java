package io.jenkins.plugins.apitokens.web;

import io.jenkins.plugins.apitokens.engine.TokenNotFoundException;
import io.jenkins.plugins.apitokens.engine.TokenPermissionException;
import io.jenkins.plugins.apitokens.engine.TokenRuleException;
import io.jenkins.plugins.apitokens.engine.TokenStorageException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.sf.json.JSONObject;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/** A JSON answer with a status code: data on success, {@code {"message": …}} on a refusal. Never a stack trace. */
@Restricted(NoExternalUse.class)
public final class JsonReply implements HttpResponse {

    private static final Logger LOGGER = Logger.getLogger(JsonReply.class.getName());

    private final int status;
    private final JSONObject body;
    private final Map<String, String> headers;

    private JsonReply(int status, JSONObject body) {
        this(status, body, Map.of());
    }

    private JsonReply(int status, JSONObject body, Map<String, String> headers) {
        this.status = status;
        this.body = body;
        this.headers = headers;
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

    /** Taken in, with what may be said about it beside the message. */
    public static JsonReply accepted(String message, JSONObject details) {
        JSONObject body = new JSONObject().element("message", message);
        body.putAll(details);
        return new JsonReply(202, body);
    }

    public static JsonReply error(int status, String message) {
        return new JsonReply(status, new JSONObject().element("message", message));
    }

    /** This reply with one more header, such as {@code Retry-After}. */
    /** An engine's refusal ({@link TokenRuleException} or {@link TokenStorageException}), with its status and words. */
    public static JsonReply refusal(RuntimeException refusal) {
        return error(statusOf(refusal), refusal.getMessage());
    }

    /**
     * The status an engine's refusal is answered with: 403 for a permission, 404 for an unknown token or decoy, 400
     * for any other rule, 500 for a change that could not be saved (whose cause is logged here, as the answer only
     * says that nothing was changed).
     */
    public static int statusOf(RuntimeException refusal) {
        if (refusal instanceof TokenStorageException) {
            LOGGER.log(Level.WARNING, refusal.getMessage(), refusal.getCause());
            return 500;
        }
        if (refusal instanceof TokenPermissionException) {
            return 403;
        }
        return refusal instanceof TokenNotFoundException ? 404 : 400;
    }

    public JsonReply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new JsonReply(status, body, Map.copyOf(more));
    }

    @Override
    public void generateResponse(StaplerRequest2 req, StaplerResponse2 rsp, Object node) throws IOException {
        rsp.setStatus(status);
        rsp.setContentType("application/json;charset=UTF-8");
        rsp.setHeader("Cache-Control", "no-store");
        headers.forEach(rsp::setHeader);
        rsp.getWriter().write(body.toString());
    }
}
