package io.jenkins.plugins.apitokens.routes;

import hudson.ExtensionList;
import hudson.ExtensionPoint;
import hudson.PluginWrapper;
import io.jenkins.plugins.apitokens.engine.ItemRoute;
import java.util.List;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.Beta;

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
 * The routes are read when a token is first used, and again when extensions or plugins change. A pattern that passes
 * through a name leading out of any item ({@code parent}, {@code run}, {@code search}, …) is refused when declared
 * ({@link ItemRoute}). New API: it may still change.
 */
@Restricted(Beta.class)
public abstract class ItemRoutes implements ExtensionPoint {

    /** The routes this declares; an empty list when none applies now. */
    public abstract List<ItemRoute> routes();

    /** Who declares them, as named in refusals: the plugin this class comes from, or the class when none has it. */
    public String origin() {
        Jenkins jenkins = Jenkins.getInstanceOrNull();
        PluginWrapper plugin =
                jenkins == null ? null : jenkins.getPluginManager().whichPlugin(getClass());
        return plugin == null ? getClass().getName() : plugin.getShortName();
    }

    public static ExtensionList<ItemRoutes> all() {
        return ExtensionList.lookup(ItemRoutes.class);
    }
}
