package io.jenkins.plugins.apitokens.auth;

import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.util.PluginServletFilter;
import io.jenkins.plugins.apitokens.engine.Scope;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Refuses, with 403, a request whose token scope does not permit its HTTP method. Plugin filters run after
 * authentication and after the crumb check, so every token-authenticated request passes here.
 */
@Restricted(NoExternalUse.class)
public class TokenScopeFilter implements Filter {

    @Initializer(after = InitMilestone.PLUGINS_STARTED)
    public static void register() throws ServletException {
        PluginServletFilter.addFilter(new TokenScopeFilter());
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Scope scope = TokenRequestScope.of(request);
        if (scope != null
                && request instanceof HttpServletRequest http
                && !scope.permits(http.getMethod(), isWebSocket(http))) {
            HttpServletResponse rsp = (HttpServletResponse) response;
            rsp.setStatus(HttpServletResponse.SC_FORBIDDEN);
            rsp.setContentType("text/plain;charset=UTF-8");
            String what = isWebSocket(http) ? "WebSocket connections" : http.getMethod() + " requests";
            String message = "This API token has the scope '" + scope.id() + "', which does not permit " + what + ".\n";
            rsp.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
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
