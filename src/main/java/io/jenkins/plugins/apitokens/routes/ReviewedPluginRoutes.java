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
 * sources: each plugin's only while every plugin its routes pass through is active at the version read or later.
 * Without one of them, the same names could be another plugin's actions, whose getters nobody read; before that
 * version, its routes may have led elsewhere.
 */
@Extension
@Restricted(NoExternalUse.class)
public final class ReviewedPluginRoutes extends ItemRoutes {

    @Override
    public List<ItemRoute> routes() {
        List<ItemRoute> routes = new ArrayList<>();
        for (PluginRoutes plugin : PluginRoutes.values()) {
            if (plugin.reviewed().stream().allMatch(read -> isActive(read.plugin(), read.version()))) {
                routes.addAll(plugin.routes());
            }
        }
        return routes;
    }

    private static boolean isActive(String shortName, String reviewed) {
        PluginWrapper installed = Jenkins.get().getPluginManager().getPlugin(shortName);
        return installed != null && installed.isActive() && isAtLeast(installed.getVersion(), reviewed);
    }

    /** Whether the version installed is the one read or later, as Jenkins orders plugin versions. */
    static boolean isAtLeast(String installed, String reviewed) {
        return !new VersionNumber(installed).isOlderThan(new VersionNumber(reviewed));
    }
}
