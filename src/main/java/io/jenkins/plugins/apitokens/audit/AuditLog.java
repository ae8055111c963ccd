package io.jenkins.plugins.apitokens.audit;

import io.jenkins.plugins.apitokens.engine.AuditEvent;
import io.jenkins.plugins.apitokens.engine.AuditListener;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Writes every token event to the Jenkins log at INFO. Events carry ids and names only, and names cannot hold
 * line breaks, so a log line can be neither a leak nor forged.
 */
@Restricted(NoExternalUse.class)
public final class AuditLog implements AuditListener {

    /** The name the admin guide gives for log recorders: it stays when the class moves. */
    private static final Logger LOGGER = Logger.getLogger("io.jenkins.plugins.apitokens.AuditLog");

    @Override
    public void onEvent(AuditEvent event) {
        LOGGER.log(Level.INFO, "API token {0}: user={1} token={2} name=''{3}'' by={4}{5}", new Object[] {
            event.type(),
            event.userId(),
            event.tokenId(),
            event.tokenName(),
            event.actor(),
            event.detail() == null ? "" : " (" + event.detail() + ")"
        });
    }
}
