package io.jenkins.plugins.apitokens.routes;

import hudson.ExtensionList;
import hudson.ExtensionPoint;
import io.jenkins.plugins.apitokens.engine.ItemRoute;
import java.util.List;

/**
 * Routes below a job or a build that an API token limited to that job may take: a plugin whose actions scripts call
 * declares them here, each with what a request along it does, and limited tokens may then take them. A token limited
 * to some folders and jobs is refused on every other route below them, since a getter there may lead out of the item
 * (to another job, a user, a node): declare a route only after reading every getter, field and action below its
 * pattern, and only as deep as nothing leads out.
 *
 * <pre>
 * &#64;Extension
 * public class MyRoutes extends ItemRoutes {
 *     &#64;Override
 *     public List&lt;ItemRoute&gt; routes() {
 *         return List.of(
 *                 ItemRoute.onBuild("my-report/api/json", Operation.READ),
 *                 ItemRoute.onBuild("my-report/rerun", Operation.RUN));
 *     }
 * }
 * </pre>
 *
 * The routes are read once, when a limited token first makes a request, and again when extensions change.
 */
public abstract class ItemRoutes implements ExtensionPoint {

    /** The routes this declares; an empty list when none applies now. */
    public abstract List<ItemRoute> routes();

    /**
     * Who declares them, as named in refusals, for the routes that do not say it themselves: by default the plugin this
     * class comes from.
     */
    public String origin() {
        return RouteTables.pluginOf(getClass());
    }

    public static ExtensionList<ItemRoutes> all() {
        return ExtensionList.lookup(ItemRoutes.class);
    }
}
