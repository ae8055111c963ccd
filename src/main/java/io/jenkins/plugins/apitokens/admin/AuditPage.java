package io.jenkins.plugins.apitokens.admin;

import io.jenkins.plugins.apitokens.audit.AuditTrail;
import io.jenkins.plugins.apitokens.audit.VerdictText;
import io.jenkins.plugins.apitokens.engine.AuditEvent;
import io.jenkins.plugins.apitokens.engine.AuditVerdict;
import java.io.IOException;
import java.util.List;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.verb.GET;

/**
 * Manage Jenkins › API tokens › Audit trail ({@code /manage/api-tokens/audit}): the retained events, the verdict of
 * the stored trail, and its export. Reached only through {@link TokenOverview}, which admits administrators only.
 */
@Restricted(NoExternalUse.class)
public final class AuditPage {

    /** The name of the exported file: JSON lines. */
    static final String EXPORT_FILE_NAME = "api-token-manager-audit.jsonl";

    public List<AuditEvent> getEvents() {
        return AuditTrail.get().getEvents();
    }

    /** The stored trail verified: read from disk for each page, as that is what could have been tampered with. */
    public Verdict getVerdict() throws IOException {
        return new Verdict(AuditTrail.get().verify());
    }

    /** {@code GET audit/export}: the stored trail as JSON lines, with its chain, to keep or verify elsewhere. */
    @GET
    public void doExport(StaplerResponse2 rsp) throws IOException {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        byte[] trail = AuditTrail.get().export();
        rsp.setContentType("application/x-ndjson; charset=UTF-8");
        rsp.setHeader("Content-Disposition", "attachment; filename=" + EXPORT_FILE_NAME);
        rsp.setHeader("X-Content-Type-Options", "nosniff");
        rsp.setContentLength(trail.length);
        rsp.getOutputStream().write(trail);
    }

    /** The verdict as the page and the overview show it. */
    public record Verdict(AuditVerdict verdict) {

        public boolean isIntact() {
            return verdict.isIntact();
        }

        public String getHeadline() {
            return VerdictText.headline(verdict);
        }

        public String getText() {
            return VerdictText.of(verdict);
        }
    }
}
