package io.jenkins.plugins.apitokens.leaks;

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
 * Leak reports come from scanners and scripts that hold no session, so they carry no crumb. A forged report can do
 * nothing a real one cannot: revoke a token whose whole value the sender already has.
 */
@Extension
@Restricted(NoExternalUse.class)
public class LeakReportCrumbExclusion extends CrumbExclusion {

    @Override
    public boolean process(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getPathInfo();
        if (path == null || !path.equals("/" + LeakReportAction.URL_NAME + "/report")) {
            return false;
        }
        chain.doFilter(request, response);
        return true;
    }
}
