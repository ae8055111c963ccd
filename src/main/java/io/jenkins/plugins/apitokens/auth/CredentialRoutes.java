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
    /**
     * Getters that lead to users, their accounts and the security realm, under which only reading is allowed:
     * wherever they appear, since a path can lead back to the root ({@code /job/a/parent/user/…}).
     */
    private static final Set<String> USER_ROOTS = Set.of("user", "me", "securityrealm", "people", "asynchpeople");
    /** A user's pages whose forms show secrets: core's Security page shows the user's legacy token. */
    private static final Set<String> SECRET_PAGES = Set.of("security", "configure", "account");

    private CredentialRoutes() {}

    /**
     * @param path below Jenkins' context, as the client sent it; read as Stapler dispatches it ({@link RequestPath})
     */
    static boolean managesCredentials(String path, String method) {
        List<String> segments = segmentsOf(path);
        boolean reading = Operation.ofMethod(method) == Operation.READ;
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            // After /job/ a segment is an item's name, not a getter.
            boolean getter = i == 0 || !segments.get(i - 1).equals("job");
            if (getter && USER_ROOTS.contains(segment) && (!reading || showsSecrets(segments, i))) {
                return true;
            }
            if (ANYWHERE.contains(segment) || (segment.equals("api-tokens") && !reading)) {
                return true;
            }
            if (CoreTokenCreation.isCoreTokenDescriptor(segment) && !reading) {
                return true;
            }
            boolean lookup = segment.equals("descriptorbyname") || segment.equals("descriptor");
            if (lookup && i + 1 < segments.size()) {
                String descriptor = segments.get(i + 1);
                if (CoreTokenCreation.isCoreTokenDescriptor(descriptor) || descriptor.contains("credentials")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the path goes to a page of the user that {@code root} leads to which shows secrets. */
    private static boolean showsSecrets(List<String> segments, int root) {
        int page = segments.get(root).equals("me") ? root + 1 : root + 2;
        return page < segments.size() && SECRET_PAGES.contains(segments.get(page));
    }

    /** The path as lower-case segments without path parameters, each decoded once. */
    private static List<String> segmentsOf(String path) {
        return RequestPath.segments(path).stream()
                .map(segment -> segment.toLowerCase(Locale.ROOT))
                .toList();
    }
}
