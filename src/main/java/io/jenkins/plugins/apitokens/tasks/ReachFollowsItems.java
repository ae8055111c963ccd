package io.jenkins.plugins.apitokens.tasks;

import hudson.Extension;
import hudson.model.Item;
import hudson.model.listeners.ItemListener;
import io.jenkins.plugins.apitokens.TokenEngine;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Keeps tokens limited to folders and jobs pointing at the same items when those are renamed or moved, as core asks
 * of anything that keeps references to items by full name, and lets go of items that are deleted. Without it a token
 * would stop working after a rename, and would reach whatever item is later created under the old name.
 */
@Extension
@Restricted(NoExternalUse.class)
public class ReachFollowsItems extends ItemListener {

    private static final Logger LOGGER = Logger.getLogger(ReachFollowsItems.class.getName());

    @Override
    public void onLocationChanged(Item item, String oldFullName, String newFullName) {
        try {
            int followed = TokenEngine.get().service().followItemMove(oldFullName, newFullName);
            if (followed > 0) {
                LOGGER.log(Level.INFO, "{0} API token(s) limited to {1} now work in {2}", new Object[] {
                    followed, oldFullName, newFullName
                });
            }
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "Could not move API tokens limited to " + oldFullName + " to " + newFullName, e);
        }
    }

    @Override
    public void onDeleted(Item item) {
        try {
            int changed = TokenEngine.get().service().forgetDeletedItem(item.getFullName());
            if (changed > 0) {
                LOGGER.log(Level.INFO, "{0} API token(s) no longer name the deleted {1}", new Object[] {
                    changed, item.getFullName()
                });
            }
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "Could not update API tokens limited to the deleted " + item.getFullName(), e);
        }
    }
}
