package io.jenkins.plugins.apitokens.cli;

import hudson.Extension;
import hudson.cli.CLICommand;
import io.jenkins.plugins.apitokens.audit.AuditTrail;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * {@code export-api-token-audit}: prints the stored audit trail as it is on disk (JSON lines with sequence numbers,
 * hashes and any checkpoint), the same as {@code /manage/api-tokens/audit/export}. Administrators only.
 */
@Extension
@Restricted(NoExternalUse.class)
public class ExportApiTokenAuditCommand extends CLICommand {

    @Override
    public String getShortDescription() {
        return Messages.ExportApiTokenAuditCommand_ShortDescription();
    }

    @Override
    protected int run() throws Exception {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        stdout.write(AuditTrail.get().export());
        stdout.flush();
        return 0;
    }
}
