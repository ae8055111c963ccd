package io.jenkins.plugins.apitokens.routes;

import hudson.ExtensionList;
import hudson.ExtensionListListener;
import io.jenkins.plugins.apitokens.engine.ItemRoute;
import io.jenkins.plugins.apitokens.engine.RouteTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The one table of routes limited tokens may take: every {@link ItemRoutes} extension's, core's among them. Built when
 * first asked and again after the extensions or the plugins change (a plugin installed without a restart); a
 * declaration that fails adds nothing, so its routes stay refused and no other's are lost.
 */
@Restricted(NoExternalUse.class)
public final class RouteTables {

    private static final Logger LOGGER = Logger.getLogger(RouteTables.class.getName());

    /**
     * The table and what it was built from: each Jenkins (a test's too) has its own extension list, and a plugin
     * installed or enabled later changes the routes that {@link ReviewedPluginRoutes} declares.
     */
    private record Built(ExtensionList<ItemRoutes> from, int plugins, RouteTable table) {}

    private static volatile Built built;
    /** Set when the extensions change, so that the next request builds the table again. */
    private static volatile boolean stale;
    /** The extension list already listened to: one listener per list, however often the table is built. */
    private static ExtensionList<ItemRoutes> listened;

    private RouteTables() {}

    /** The table now in force. */
    public static RouteTable current() {
        Built now = built;
        ExtensionList<ItemRoutes> declarations = ItemRoutes.all();
        int plugins = Jenkins.get().getPluginManager().getPlugins().size();
        if (now != null && now.from() == declarations && now.plugins() == plugins && !stale) {
            return now.table();
        }
        synchronized (RouteTables.class) {
            if (listened != declarations) {
                declarations.addListener(new ExtensionListListener() {
                    @Override
                    public void onChange() {
                        markStale();
                    }
                });
                listened = declarations;
            }
            stale = false;
            built = new Built(declarations, plugins, RouteTable.of(routesOf(declarations)));
            return built.table();
        }
    }

    private static void markStale() {
        stale = true;
    }

    private static List<ItemRoute> routesOf(List<ItemRoutes> declarations) {
        List<ItemRoute> routes = new ArrayList<>();
        Map<String, Integer> byOrigin = new TreeMap<>();
        for (ItemRoutes declaration : declarations) {
            try {
                // This plugin's own declarations name the plugin each route belongs to; any other's is named by its
                // own plugin, whatever its routes say, so that no refusal blames someone else.
                boolean ownsOrigins =
                        declaration instanceof CoreItemRoutes || declaration instanceof ReviewedPluginRoutes;
                String origin = declaration.origin();
                List<ItemRoute> declared = new ArrayList<>();
                for (ItemRoute route : declaration.routes()) {
                    declared.add(ownsOrigins ? route : route.declaredBy(origin));
                }
                routes.addAll(declared);
                declared.forEach(route -> byOrigin.merge(route.origin(), 1, Integer::sum));
            } catch (RuntimeException | LinkageError e) {
                LOGGER.log(
                        Level.WARNING,
                        "Routes declared by " + declaration.getClass().getName()
                                + " are left out: limited API tokens stay refused there",
                        e);
            }
        }
        LOGGER.fine(() -> "Routes limited API tokens may take, by who declared them: " + byOrigin);
        return routes;
    }
}
