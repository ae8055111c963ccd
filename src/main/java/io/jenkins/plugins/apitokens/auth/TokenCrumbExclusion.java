package io.jenkins.plugins.apitokens.auth;

import hudson.Extension;
import hudson.security.csrf.CrumbExclusion;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Token-authenticated requests need no crumb, as with core's tokens: a crumb protects a browser session from
 * forged requests, and a request carrying a token in its header was not forged by a third-party page. Core's own
 * exclusion only knows core's authenticator, hence this one.
 */
@Extension
@Restricted(NoExternalUse.class)
public class TokenCrumbExclusion extends CrumbExclusion {

    @Override
    public boolean process(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (TokenRequestScope.of(request) == null) {
            return false;
        }
        chain.doFilter(request, response);
        return true;
    }
}
