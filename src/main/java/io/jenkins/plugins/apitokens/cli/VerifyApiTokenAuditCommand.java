package io.jenkins.plugins.apitokens.cli;

import hudson.Extension;
import hudson.cli.CLICommand;
import io.jenkins.plugins.apitokens.audit.AuditTrail;
import io.jenkins.plugins.apitokens.audit.VerdictText;
import io.jenkins.plugins.apitokens.engine.AuditVerdict;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * {@code verify-api-token-audit}: verifies the stored audit trail and prints the verdict; exit code 0 when intact,
 * {@value #NOT_INTACT} when not, so that a scheduled job can alert. Administrators only.
 */
@Extension
@Restricted(NoExternalUse.class)
public class VerifyApiTokenAuditCommand extends CLICommand {

    /** The first exit code {@link CLICommand} leaves to commands. */
    static final int NOT_INTACT = 16;

    @Override
    public String getShortDescription() {
        return Messages.VerifyApiTokenAuditCommand_ShortDescription();
    }

    @Override
    protected int run() throws Exception {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        AuditVerdict verdict = AuditTrail.get().verify();
        stdout.println(VerdictText.of(verdict));
        return verdict.isIntact() ? 0 : NOT_INTACT;
    }
}
