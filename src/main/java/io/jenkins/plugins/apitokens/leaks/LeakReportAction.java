package io.jenkins.plugins.apitokens.leaks;

import hudson.Extension;
import hudson.model.UnprotectedRootAction;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.engine.RateLimit;
import io.jenkins.plugins.apitokens.engine.TokenInfo;
import io.jenkins.plugins.apitokens.web.JsonReply;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code POST /api-token-leaks/report}: whoever found values of this plugin's tokens where they should not be (a
 * secret scanner, GitHub's secret scanning with a custom pattern, a colleague) posts them here, in any text, without
 * logging in and without a crumb, and every live one is revoked at once and recorded in the audit trail with the
 * reporter's address. The answer is the same whether or not anything matched; each address may report
 * {@value #REPORTS_PER_MINUTE} times a minute.
 */
@Extension
@Restricted(NoExternalUse.class)
public class LeakReportAction implements UnprotectedRootAction {

    static final String URL_NAME = "api-token-leaks";
    static final int REPORTS_PER_MINUTE = 10;
    /** Enough for a hundred values in any wrapping; the rest of a longer body is not read. */
    static final int MAX_REPORT_BYTES = 64 * 1024;

    private static final Logger LOGGER = Logger.getLogger(LeakReportAction.class.getName());

    private final RateLimit reportsPerAddress =
            new RateLimit(REPORTS_PER_MINUTE, Duration.ofMinutes(1), Clock.systemUTC());

    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    /** Not in any menu: scanners and people reach it by the URL the admin guide gives. */
    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return null;
    }

    @POST
    public HttpResponse doReport(StaplerRequest2 req) throws IOException {
        String reporter = req.getRemoteAddr();
        if (!reportsPerAddress.tryAcquire(reporter)) {
            return JsonReply.error(429, Messages.LeakReportAction_TooMany(REPORTS_PER_MINUTE));
        }
        List<TokenInfo> revoked = TokenEngine.get().service().revokeLeaked(reportOf(req), reporter);
        if (!revoked.isEmpty()) {
            LOGGER.log(Level.WARNING, "Revoked {0} leaked API token(s) reported from {1}", new Object[] {
                revoked.size(), reporter
            });
        }
        return JsonReply.accepted(Messages.LeakReportAction_Received());
    }

    /** The body as text, whatever its type; a form's fields if the container has already read the body as one. */
    private static String reportOf(StaplerRequest2 req) throws IOException {
        String body;
        try (InputStream in = req.getInputStream()) {
            body = new String(in.readNBytes(MAX_REPORT_BYTES), StandardCharsets.UTF_8);
        }
        if (!body.isBlank()) {
            return body;
        }
        StringBuilder fields = new StringBuilder();
        for (Map.Entry<String, String[]> field : req.getParameterMap().entrySet()) {
            fields.append(field.getKey()).append('\n');
            for (String value : field.getValue()) {
                fields.append(value).append('\n');
            }
        }
        return fields.toString();
    }
}
