package io.jenkins.plugins.apitokens.audit;

import io.jenkins.plugins.apitokens.engine.AuditEntry;
import io.jenkins.plugins.apitokens.engine.AuditLogLine;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Writes every token event to the Jenkins log at INFO, as one {@link AuditLogLine} ({@code key=value}, values quoted
 * and escaped, with the entry's sequence number and hash) for log recorders and shippers. Events carry ids and names
 * only, never a value; no value can forge another field or a line. Shipped elsewhere, these lines are the audit
 * trail's outside anchor: they let a copy of the trail be checked entry by entry.
 */
@Restricted(NoExternalUse.class)
public final class AuditLog {

    /** The name the admin guide gives for log recorders: it stays when the class moves. */
    private static final Logger LOGGER = Logger.getLogger("io.jenkins.plugins.apitokens.AuditLog");

    private AuditLog() {}

    /** Called in the order of the chain. Passed as a message without parameters, so no formatter rewrites it. */
    static void record(AuditEntry entry) {
        LOGGER.log(Level.INFO, AuditLogLine.of(entry));
    }
}
