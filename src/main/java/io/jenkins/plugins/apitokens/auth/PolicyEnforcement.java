package io.jenkins.plugins.apitokens.auth;

import hudson.model.User;
import io.jenkins.plugins.apitokens.coretokens.CoreTokens;
import io.jenkins.plugins.apitokens.coretokens.EveryToken;
import io.jenkins.plugins.apitokens.engine.PolicyBreach;
import io.jenkins.plugins.apitokens.engine.PolicyCompliance;
import io.jenkins.plugins.apitokens.engine.TokenInfo;
import io.jenkins.plugins.apitokens.engine.TokenPolicy;
import io.jenkins.plugins.apitokens.engine.TokenService;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Which rules of the policy the token of a request breaks, once the enforcement date has come: the engine's one
 * rule ({@link PolicyCompliance}), asked in memory. Before the date, and for compliant tokens, nothing. The user's
 * other tokens are listed only when they hold more than the per-user maximum.
 */
final class PolicyEnforcement {

    private PolicyEnforcement() {}

    /** @return the breaches that refuse the request; empty when it may go on */
    static List<PolicyBreach> breachesOf(TokenService service, User user, TokenInfo token) {
        TokenPolicy policy = service.policy();
        if (!policy.isEnforcedAt(service.now())) {
            return List.of();
        }
        return PolicyCompliance.breachesOf(
                policy,
                token,
                () -> service.countOwnTokens(user.getId())
                        + (policy.isCoreTokensGoverned() ? CoreTokens.count(user) : 0),
                () -> EveryToken.of(service, user));
    }

    /**
     * The core token a request with core's token authentication presented in its Basic header, when the policy
     * governs core's tokens and is enforced now; {@code null} otherwise. The user is the one the header names, as core
     * found the token: a realm may call its user otherwise in the authentication it returns.
     */
    static TokenInfo enforcedCoreToken(TokenService service, HttpServletRequest request) {
        TokenPolicy policy = service.policy();
        if (!policy.isCoreTokensGoverned() || !policy.isEnforcedAt(service.now())) {
            return null;
        }
        String[] credentials = basicCredentials(request);
        User user = credentials == null ? null : User.getById(credentials[0], false);
        return user == null ? null : CoreTokens.matching(user, credentials[1]);
    }

    /** The user name and password of the request's Basic header; {@code null} for none. */
    private static String[] basicCredentials(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, "Basic ".length())) {
            return null;
        }
        try {
            String decoded = new String(
                    Base64.getDecoder()
                            .decode(header.substring("Basic ".length()).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Marks the request as refused by the policy, with the words to answer it: the request filter refuses it. */
    static void markBlocked(HttpServletRequest request, String refusal) {
        request.setAttribute(BLOCKED, refusal);
    }

    /** The refusal {@link #markBlocked} left on the request; {@code null} when it may go on. */
    static String blockedRefusal(HttpServletRequest request) {
        return request.getAttribute(BLOCKED) instanceof String refusal ? refusal : null;
    }

    private static final String BLOCKED = PolicyEnforcement.class.getName() + ".blocked";

    /** The refusal's words, in the request's language, and into the audit trail once an hour per token. */
    static String refusal(TokenService service, TokenInfo token, List<PolicyBreach> breaches, String source) {
        service.announceBlocked(token, breaches, source);
        return PolicyCompliance.refusal(service.policy(), breaches).toString();
    }
}
