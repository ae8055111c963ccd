package io.jenkins.plugins.apitokens.routes;

import hudson.PluginWrapper;
import hudson.util.VersionNumber;
import io.jenkins.plugins.apitokens.engine.ItemRoute;
import java.util.List;
import jenkins.model.Jenkins;

/**
 * Routes of another plugin, declared by this one after reading that plugin's source: in force only while that plugin
 * is active, at the version read or later. Without the plugin, the same names could be another plugin's actions,
 * whose getters nobody read; before that version, its routes may have led elsewhere.
 */
abstract class ReviewedPluginRoutes extends ItemRoutes {

    private final String plugin;
    private final VersionNumber reviewed;

    /**
     * @param plugin the plugin's short name
     * @param reviewed the oldest version whose source was read
     */
    ReviewedPluginRoutes(String plugin, String reviewed) {
        this.plugin = plugin;
        this.reviewed = new VersionNumber(reviewed);
    }

    /** The plugin's routes, as read in its source. */
    abstract List<ItemRoute> reviewedRoutes();

    @Override
    public final List<ItemRoute> routes() {
        Jenkins jenkins = Jenkins.getInstanceOrNull();
        PluginWrapper installed =
                jenkins == null ? null : jenkins.getPluginManager().getPlugin(plugin);
        if (installed == null
                || !installed.isActive()
                || installed.getVersionNumber().isOlderThan(reviewed)) {
            return List.of();
        }
        return reviewedRoutes();
    }

    @Override
    public final String origin() {
        return plugin;
    }
}
