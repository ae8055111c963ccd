package io.jenkins.plugins.apitokens.leaks;

import hudson.Extension;
import hudson.model.UnprotectedRootAction;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.engine.LeakReport;
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
import net.sf.json.JSONObject;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code POST /api-token-leaks/report}: whoever found values of this plugin's tokens where they should not be (a
 * secret scanner, GitHub's secret scanning with a custom pattern, a colleague) posts them here, in any text, without
 * logging in and without a crumb, and every live one is revoked at once and recorded in the audit trail with the
 * reporter's address. A report is read whole, up to {@link LeakReport#MAX_BYTES} bytes and
 * {@link LeakReport#MAX_VALUES} distinct values, or refused with 413 and nothing revoked: never cut short while the
 * reporter is told it was received. The answer says how many values of the token format the report holds, which
 * the reporter knows, and never whether any was live; each address may report {@value #REPORTS_PER_MINUTE} times a
 * minute (429 and {@code Retry-After} beyond).
 */
@Extension
@Restricted(NoExternalUse.class)
public class LeakReportAction implements UnprotectedRootAction {

    static final String URL_NAME = "api-token-leaks";
    static final int REPORTS_PER_MINUTE = 10;

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
            return JsonReply.error(429, Messages.LeakReportAction_TooMany(REPORTS_PER_MINUTE))
                    .withHeader("Retry-After", Long.toString(reportsPerAddress.retryAfterSeconds(reporter)));
        }
        LeakReport report;
        try {
            report = LeakReport.parse(reportOf(req));
        } catch (LeakReport.OverLimitException e) {
            return tooLarge(e.limit());
        }
        List<TokenInfo> revoked = TokenEngine.get().service().revokeLeaked(report, reporter);
        // A decoy in the report says where it leaked to; the answer is the same whether it holds one or not.
        TokenEngine.get().decoys().tripReported(report, reporter);
        if (!revoked.isEmpty()) {
            LOGGER.log(Level.WARNING, "Revoked {0} leaked API token(s) reported from {1}", new Object[] {
                revoked.size(), reporter
            });
        }
        return JsonReply.accepted(
                Messages.LeakReportAction_Received(report.valuesFound()),
                new JSONObject().element("valuesFound", report.valuesFound()));
    }

    private static HttpResponse tooLarge(LeakReport.Limit limit) {
        return JsonReply.error(
                413,
                limit == LeakReport.Limit.SIZE
                        ? Messages.LeakReportAction_TooLarge(LeakReport.MAX_BYTES, LeakReport.MAX_VALUES)
                        : Messages.LeakReportAction_TooManyValues(LeakReport.MAX_BYTES, LeakReport.MAX_VALUES));
    }

    /**
     * The body as text, whatever its type; a form's fields if the container has already read the body as one.
     *
     * @throws LeakReport.OverLimitException if the body is larger than {@link LeakReport#MAX_BYTES}: refused from its
     *     declared length before it is read, and a body of unknown length (chunked) is read one byte past the limit
     */
    private static String reportOf(StaplerRequest2 req) throws IOException {
        if (req.getContentLengthLong() > LeakReport.MAX_BYTES) {
            throw new LeakReport.OverLimitException(LeakReport.Limit.SIZE);
        }
        byte[] body;
        try (InputStream in = req.getInputStream()) {
            body = in.readNBytes(LeakReport.MAX_BYTES + 1);
        }
        if (body.length > LeakReport.MAX_BYTES) {
            throw new LeakReport.OverLimitException(LeakReport.Limit.SIZE);
        }
        String text = new String(body, StandardCharsets.UTF_8);
        if (!text.isBlank()) {
            return text;
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
