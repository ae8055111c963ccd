package io.jenkins.plugins.apitokens.routes;

import hudson.Extension;
import hudson.PluginWrapper;
import hudson.util.VersionNumber;
import io.jenkins.plugins.apitokens.engine.ItemRoute;
import io.jenkins.plugins.apitokens.engine.PluginRoutes;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The routes of the plugins people script against ({@link PluginRoutes}), declared by this plugin after reading their
 * sources: each plugin's only while it is active, at the version read or later. Without the plugin, the same names
 * could be another plugin's actions, whose getters nobody read; before that version, its routes may have led
 * elsewhere.
 */
@Extension
@Restricted(NoExternalUse.class)
public final class ReviewedPluginRoutes extends ItemRoutes {

    @Override
    public List<ItemRoute> routes() {
        List<ItemRoute> routes = new ArrayList<>();
        for (PluginRoutes plugin : PluginRoutes.values()) {
            if (isActive(plugin.plugin(), plugin.reviewedVersion())) {
                routes.addAll(plugin.routes());
            }
        }
        return routes;
    }

    private static boolean isActive(String shortName, String reviewed) {
        PluginWrapper installed = Jenkins.get().getPluginManager().getPlugin(shortName);
        return installed != null
                && installed.isActive()
                && !installed.getVersionNumber().isOlderThan(new VersionNumber(reviewed));
    }
}
