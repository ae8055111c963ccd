package io.jenkins.plugins.apitokens.auth;

import io.jenkins.plugins.apitokens.engine.Operation;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The requests through which a token could buy a lasting credential: creating, rotating or revealing API tokens
 * (the plugin's and core's), credentials, the user's password or account, the CLI and the script consoles (which
 * can do all of that). Per-build tokens, and tokens narrowed to a scope or to some items, may make none of them (see
 * {@link TokenAuthentication#mayManageCredentials()}): for a limited token the route table already keeps them out, and
 * this list is the second lock. The path is read as Stapler reads it, one segment at a
 * time, decoded once, without path parameters, in any case: {@code /user/a;x=1/API-TOKENS/create} is still token
 * creation.
 */
final class CredentialRoutes {

    /** Segments that lead to such an action wherever they appear. */
    private static final Set<String> ANYWHERE =
            Set.of("credentials", "credential-store", "script", "scripttext", "cli");
    /** First segments under which only reading is allowed: users, their accounts and the security realm. */
    private static final Set<String> READ_ONLY_ROOTS = Set.of("user", "me", "securityrealm", "people", "asynchpeople");

    /** Core's token descriptor, as core looks it up: by its full name or its short one, wherever the path goes. */
    private static final Set<String> CORE_TOKEN_DESCRIPTOR = CoreTokenCreation.DESCRIPTOR;

    private CredentialRoutes() {}

    /** @param path below Jenkins' context, as the client sent it */
    static boolean managesCredentials(String path, String method) {
        List<String> segments = segmentsOf(path);
        boolean reading = Operation.ofMethod(method) == Operation.READ;
        if (!segments.isEmpty() && READ_ONLY_ROOTS.contains(segments.get(0)) && !reading) {
            return true;
        }
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if (ANYWHERE.contains(segment) || (segment.equals("api-tokens") && !reading)) {
                return true;
            }
            if (CORE_TOKEN_DESCRIPTOR.contains(segment) && !reading) {
                return true;
            }
            if (segment.equals("descriptorbyname") && i + 1 < segments.size()) {
                String descriptor = segments.get(i + 1);
                if (CORE_TOKEN_DESCRIPTOR.contains(descriptor) || descriptor.contains("credentials")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The path as lower-case segments without path parameters, each decoded once. */
    private static List<String> segmentsOf(String path) {
        return RequestPath.segments(path).stream()
                .map(segment -> segment.toLowerCase(Locale.ROOT))
                .toList();
    }
}
