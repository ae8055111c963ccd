package io.jenkins.plugins.apitokens.auth;

import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.PluginServletFilter;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.engine.ItemRoute;
import io.jenkins.plugins.apitokens.engine.Operation;
import io.jenkins.plugins.apitokens.engine.PolicyBreach;
import io.jenkins.plugins.apitokens.engine.Reach;
import io.jenkins.plugins.apitokens.engine.RequestRoute;
import io.jenkins.plugins.apitokens.engine.Scope;
import io.jenkins.plugins.apitokens.engine.TokenAccess;
import io.jenkins.plugins.apitokens.engine.TokenInfo;
import io.jenkins.plugins.apitokens.engine.TokenService;
import io.jenkins.plugins.apitokens.routes.RouteTables;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.springframework.security.core.Authentication;

/**
 * Holds every token-authenticated request to its token's promises. Plugin filters run after authentication and the
 * crumb check, so every such request passes here:
 * <ul>
 *   <li>it gets no cookie: core's Basic-header processing hands out a 14-day remember-me cookie to any request that
 *       asks for one with {@code remember_me=true}, which would turn a read-only, expiring or per-build token into a
 *       full browser login that outlives the token. Core's own tokens are protected the same way;
 *   <li>it must stay within the token's scope and reach ({@link TokenAccess}): a limited token's request is refused
 *       unless its path is known to lead inside an item in reach;
 *   <li>a per-build or narrowed token may not manage tokens, credentials or passwords ({@link CredentialRoutes}).
 * </ul>
 */
@Restricted(NoExternalUse.class)
public class TokenRequestFilter implements Filter {

    /** The request attribute core's token authenticator sets when a core token authenticated the request. */
    private static final String CORE_TOKEN_ATTRIBUTE = "jenkins.security.BasicHeaderApiTokenAuthenticator";

    @Initializer(after = InitMilestone.PLUGINS_STARTED)
    public static void register() throws ServletException {
        PluginServletFilter.addFilter(new TokenRequestFilter());
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse rsp)) {
            chain.doFilter(request, response);
            return;
        }
        Authentication authentication = Jenkins.getAuthentication2();
        if (authentication instanceof TokenAuthentication token) {
            CookieFreeResponse guarded = CookieFreeResponse.of(rsp);
            String blocked = PolicyEnforcement.blockedRefusal(http);
            String refusal = blocked != null ? blocked : refusalOf(token, http);
            if (refusal != null) {
                refuse(guarded, refusal);
                return;
            }
            chain.doFilter(http, guarded);
        } else if (Boolean.TRUE.equals(http.getAttribute(CORE_TOKEN_ATTRIBUTE))) {
            String blocked = blockedCoreToken(http);
            if (blocked != null) {
                refuse(CookieFreeResponse.of(rsp), blocked);
                return;
            }
            // Core's token, core's identity: only made transient, so no session can keep it either.
            try (ACLContext ignored = ACL.as2(TokenAuthentication.ofCoreToken(authentication))) {
                chain.doFilter(http, CookieFreeResponse.of(rsp));
            }
        } else {
            chain.doFilter(request, response);
        }
    }

    /** Why a request with a core token that breaks the policy in force is refused; {@code null} when it may go on. */
    private static String blockedCoreToken(HttpServletRequest request) {
        TokenService service = TokenEngine.get().service();
        TokenInfo core = PolicyEnforcement.enforcedCoreToken(service, request);
        if (core == null) {
            return null;
        }
        List<PolicyBreach> breaches = PolicyEnforcement.breachesOf(service, User.getById(core.userId(), false), core);
        return breaches.isEmpty() ? null : PolicyEnforcement.refusal(service, core, breaches, request.getRemoteAddr());
    }

    /** Why the token may not make this request, or {@code null} when it may. */
    private static String refusalOf(TokenAuthentication token, HttpServletRequest request) {
        Scope scope = token.scope();
        Reach reach = token.reach();
        if (isWebSocket(request) && token.isNarrowed()) {
            return Messages.TokenRequestFilter_WebSockets(scope.id(), reach.describe());
        }
        String path = RequestPath.of(request);
        TokenAccess.Decision decision = TokenAccess.decide(
                scope,
                reach,
                request.getMethod(),
                path,
                () -> request.getParameter("id"),
                JenkinsItems.INSTANCE,
                RouteTables::current);
        switch (decision) {
            case SCOPE_REFUSES:
                return scopeRefusal(scope, RouteTables.current().route(path), request.getMethod());
            case OUTSIDE_REACH:
                return Messages.TokenRequestFilter_OutsideReach(reach.describe());
            case FOLDER_CHANGE:
                return Messages.TokenRequestFilter_FolderChange(reach.describe());
            case NOT_UNDERSTOOD:
                return Messages.TokenRequestFilter_NotUnderstood(scope.id(), reach.describe());
            case ALLOWED:
            default:
                break;
        }
        if (!token.mayManageCredentials() && CredentialRoutes.managesCredentials(path, request.getMethod())) {
            return Messages.TokenRequestFilter_CredentialsRefused();
        }
        return null;
    }

    /** Why the scope refuses, naming the route that decided and who declared it when the request is inside an item. */
    private static String scopeRefusal(Scope scope, RequestRoute route, String method) {
        ItemRoute decided = route.routeDeciding(method);
        if (decided == null) {
            return Messages.TokenRequestFilter_ScopeRefuses(scope.id());
        }
        String place = decided.place() == ItemRoute.Place.BUILD
                ? Messages.TokenRequestFilter_BuildRoute()
                : Messages.TokenRequestFilter_ItemRoute();
        String does = route.operation(method) == Operation.RUN
                ? Messages.TokenRequestFilter_Runs()
                : Messages.TokenRequestFilter_Changes();
        return Messages.TokenRequestFilter_ScopeRefusesRoute(
                scope.id(), method, place, decided.patternText(), decided.origin(), does);
    }

    /** A 403 with the refusal's words, as plain text: what every token refusal of the plugin looks like. */
    static void refuse(HttpServletResponse response, String message) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/plain;charset=UTF-8");
        response.getOutputStream().write((message + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A WebSocket handshake (the CLI's {@code -webSocket} mode) is a GET that opens a channel for anything. Other
     * upgrades, such as a client offering HTTP/2 ({@code Upgrade: h2c}), keep the request's own method and meaning.
     */
    private static boolean isWebSocket(HttpServletRequest request) {
        String upgrade = request.getHeader("Upgrade");
        return upgrade != null && upgrade.toLowerCase(Locale.ROOT).contains("websocket");
    }
}
