package io.jenkins.plugins.apitokens.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A request's path as the client sent it, and as Stapler reads it: one segment at a time, decoded once. */
final class RequestPath {

    private RequestPath() {}

    /** The path below Jenkins' context, as the client sent it. */
    static String of(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    /**
     * The path's segments as Stapler dispatches them: without path parameters, each decoded once (a user id keeps its
     * case; a malformed escape is left as sent, which the container refuses anyway), and with {@code .} and {@code ..}
     * resolved as Stapler's canonical path resolves them, so that {@code /whoAmI/../user/x/…} is read as the
     * {@code /user/x/…} it reaches.
     */
    static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String raw : path.split("/")) {
            int parameters = raw.indexOf(';');
            String segment = parameters >= 0 ? raw.substring(0, parameters) : raw;
            try {
                segment = URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                // left as sent
            }
            if (segment.equals("..")) {
                if (!segments.isEmpty()) {
                    segments.remove(segments.size() - 1);
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
        }
        return segments;
    }
}
