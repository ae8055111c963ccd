package io.jenkins.plugins.apitokens.routes;

import hudson.ExtensionList;
import hudson.ExtensionListListener;
import hudson.PluginWrapper;
import io.jenkins.plugins.apitokens.engine.ItemRoute;
import io.jenkins.plugins.apitokens.engine.RouteTable;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The one table of routes limited tokens may take: every {@link ItemRoutes} extension's, core's among them. Built when
 * first asked and again after the extensions change (a plugin installed without a restart); a declaration that fails
 * adds nothing, so its routes stay refused.
 */
@Restricted(NoExternalUse.class)
public final class RouteTables {

    private static final Logger LOGGER = Logger.getLogger(RouteTables.class.getName());

    /** The table and the extension list it was built from: each Jenkins (a test's too) has its own list. */
    private record Built(ExtensionList<ItemRoutes> from, RouteTable table) {}

    private static volatile Built built;
    /** Set when the extensions change, so that the next request builds the table again. */
    private static volatile boolean stale;

    private RouteTables() {}

    /** The table now in force. */
    public static RouteTable current() {
        Built now = built;
        ExtensionList<ItemRoutes> declarations = ItemRoutes.all();
        if (now != null && now.from() == declarations && !stale) {
            return now.table();
        }
        synchronized (RouteTables.class) {
            if (built == null || built.from() != declarations) {
                declarations.addListener(new ExtensionListListener() {
                    @Override
                    public void onChange() {
                        stale = true;
                    }
                });
            } else if (!stale) {
                return built.table();
            }
            stale = false;
            built = new Built(declarations, RouteTable.of(routesOf(declarations)));
            return built.table();
        }
    }

    private static List<ItemRoute> routesOf(List<ItemRoutes> declarations) {
        List<ItemRoute> routes = new ArrayList<>();
        for (ItemRoutes declaration : declarations) {
            try {
                String origin = declaration.origin();
                List<ItemRoute> declared = new ArrayList<>();
                for (ItemRoute route : declaration.routes()) {
                    declared.add(route.origin().isEmpty() ? route.declaredBy(origin) : route);
                }
                routes.addAll(declared);
            } catch (RuntimeException e) {
                LOGGER.log(
                        Level.WARNING,
                        "Routes declared by " + declaration.getClass().getName()
                                + " are left out: limited API tokens stay refused there",
                        e);
            }
        }
        return routes;
    }

    /** The short name of the plugin {@code type} comes from, or the class's name when no plugin has it. */
    static String pluginOf(Class<?> type) {
        Jenkins jenkins = Jenkins.getInstanceOrNull();
        PluginWrapper plugin =
                jenkins == null ? null : jenkins.getPluginManager().whichPlugin(type);
        return plugin == null ? type.getName() : plugin.getShortName();
    }
}
