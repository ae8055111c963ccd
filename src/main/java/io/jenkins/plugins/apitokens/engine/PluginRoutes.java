package io.jenkins.plugins.apitokens.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The routes of plugins that people script against, declared by this plugin after reading each one's source at the
 * version named: what a script needs, as exact as nothing below leads out of the item. Every pattern here was checked
 * against the getters, public fields, actions and views of the objects along it; what was found leading out is named
 * beside the plugin and stays refused. A plugin's routes apply only while it is installed at that version or later:
 * without it, the same names could be another plugin's, which nobody read.
 */
public enum PluginRoutes {

    /**
     * Approving or aborting a Pipeline {@code input} step: running a build, as Jenkins checks it (Job/Build or
     * Job/Cancel, or being a named submitter). Left out: {@code input/run} and {@code input/<id>/run} (the build, then
     * its job's folder), {@code input/execution/…} (a second spelling), the HTML pages. Input ids never start with a
     * lower-case letter, so the wildcard never stands for {@code run} or {@code execution}.
     */
    PIPELINE_INPUT(
            read("pipeline-input-step", "540.v14b_100d754dd"),
            ItemRoute.onBuild("input/*/proceedEmpty", Operation.RUN),
            ItemRoute.onBuild("input/*/proceed", Operation.RUN),
            ItemRoute.onBuild("input/*/submit", Operation.RUN),
            ItemRoute.onBuild("input/*/abort", Operation.RUN)),

    /**
     * Stage View's REST API ({@code wfapi}): JSON built from plain objects, nothing routed below it; and approving an
     * input through it. Left out: {@code wfapi/target} (the job, build or node it wraps) and Stage View's page
     * {@code workflow-stage}, whose public field {@code target} is the job.
     */
    STAGE_VIEW(
            read("pipeline-rest-api", "2.38", "workflow-job", Read.WORKFLOW_JOB, "workflow-cps", Read.WORKFLOW_CPS),
            ItemRoute.onItem("wfapi", Operation.READ),
            ItemRoute.onItem("wfapi/describe", Operation.READ),
            ItemRoute.onItem("wfapi/runs", Operation.READ),
            ItemRoute.onBuild("wfapi", Operation.READ),
            ItemRoute.onBuild("wfapi/describe", Operation.READ),
            ItemRoute.onBuild("wfapi/changesets", Operation.READ),
            ItemRoute.onBuild("wfapi/artifacts", Operation.READ),
            ItemRoute.onBuild("wfapi/pendingInputActions", Operation.READ),
            ItemRoute.onBuild("wfapi/nextPendingInputAction", Operation.READ),
            ItemRoute.onBuild("wfapi/inputSubmit", Operation.RUN),
            ItemRoute.onBuild("execution/node/*/wfapi", Operation.READ),
            ItemRoute.onBuild("execution/node/*/wfapi/describe", Operation.READ),
            ItemRoute.onBuild("execution/node/*/wfapi/log", Operation.READ)),

    /**
     * A Pipeline step's log and the build's step table. Left out: the flow execution itself and everything of a flow
     * node but its log ({@code descriptor} is a global step descriptor, {@code search} searches from Jenkins' root,
     * {@code log/node} loops back to the node, {@code ws} is any directory on the agent), and {@code flowGraphTable/run}
     * (the build, then its job's folder).
     */
    PIPELINE_LOGS(
            read(
                    "workflow-job",
                    Read.WORKFLOW_JOB,
                    "workflow-cps",
                    Read.WORKFLOW_CPS,
                    "workflow-api",
                    "1384.vdc05a_48f535f",
                    "workflow-support",
                    "1010.vb_b_39488a_9841"),
            ItemRoute.onBuild("execution/node/*/log", Operation.READ),
            ItemRoute.onBuild("execution/node/*/log/logText/progressiveText", Operation.READ),
            ItemRoute.onBuild("execution/node/*/log/logText/progressiveHtml", Operation.READ),
            ItemRoute.onBuild("flowGraphTable", Operation.READ)),

    /**
     * Build status badges of a job or a build. Left out: {@code badge/project} and {@code badge/run} (public fields:
     * the job and the build, then their folder), {@code badge/text} (not a web method: 404), and the root's
     * {@code /buildStatus/…?job=…}, whose job is a parameter resolved by the plugin's own rules (and other plugins'
     * job selectors), which a path cannot show.
     */
    BADGES(
            read("embeddable-build-status", "637.vd878e68178f8"),
            ItemRoute.onItem("badge/icon", Operation.READ),
            ItemRoute.onItem("badge/icon.svg", Operation.READ),
            ItemRoute.onBuild("badge/icon", Operation.READ),
            ItemRoute.onBuild("badge/icon.svg", Operation.READ)),

    /**
     * A computed folder's last computation (an organisation folder's scan): its log and stopping it. The scan itself
     * is core's {@code build} route. Left out: {@code computation/parent}, {@code search}, {@code ajaxExecutors} (every
     * agent's running builds) and its actions.
     */
    FOLDER_COMPUTATION(read("cloudbees-folder", Read.CLOUDBEES_FOLDER), computationRoutes("computation")),

    /** A multibranch project's branch indexing, the same computation as {@code computation}, by its own name. */
    BRANCH_INDEXING(
            read("branch-api", "2.1268.v044a_87612da_8", "cloudbees-folder", Read.CLOUDBEES_FOLDER),
            computationRoutes("indexing")),

    /**
     * Replaying a Pipeline build: with an edited script it runs new code as the job, a change of the job; rebuilding
     * is counted the same, as replay is one feature. Left out: {@code replay/owner} (the build), the page.
     */
    REPLAY(
            read("workflow-cps", Read.WORKFLOW_CPS),
            ItemRoute.onBuild("replay/run", Operation.CHANGE),
            ItemRoute.onBuild("replay/rebuild", Operation.CHANGE)),

    /**
     * Restarting a Declarative Pipeline from a stage: as a job change, like replay. Left out: {@code restart/owner}
     * (the build) and anything below the action's API ({@code api/search} searches from Jenkins' root).
     */
    RESTART_FROM_STAGE(read("pipeline-model-definition", "2.2277.v00573e73ddf1"), restartRoutes());

    private final List<PluginVersion> reviewed;
    private final List<ItemRoute> routes;

    PluginRoutes(List<PluginVersion> reviewed, ItemRoute... routes) {
        this.reviewed = reviewed;
        this.routes = Stream.of(routes)
                .map(route -> route.declaredBy(reviewed.get(0).plugin()))
                .toList();
    }

    /** Versions read that several plugins' routes pass through. */
    private static final class Read {
        static final String WORKFLOW_JOB = "1559.va_a_533730b_ea_d";
        static final String WORKFLOW_CPS = "4238.va_6fb_65c1f699";
        static final String CLOUDBEES_FOLDER = "6.1053.vd62fb_b_f7367b_";
    }

    /** A plugin whose source was read at a version: the oldest that gets the routes. */
    public record PluginVersion(String plugin, String version) {}

    /** The plugins a route passes through, each at the version read: the first owns the routes. */
    private static List<PluginVersion> read(String... pluginsAndVersions) {
        List<PluginVersion> read = new ArrayList<>();
        for (int i = 0; i < pluginsAndVersions.length; i += 2) {
            read.add(new PluginVersion(pluginsAndVersions[i], pluginsAndVersions[i + 1]));
        }
        return List.copyOf(read);
    }

    private static ItemRoute[] computationRoutes(String name) {
        List<ItemRoute> routes = new ArrayList<>();
        routes.add(ItemRoute.onItem(name + "/consoleText", Operation.READ));
        for (String log : List.of("logText", "eventsText")) {
            routes.add(ItemRoute.onItem(name + "/" + log + "/progressiveText", Operation.READ));
            routes.add(ItemRoute.onItem(name + "/" + log + "/progressiveHtml", Operation.READ));
        }
        routes.add(ItemRoute.onItem(name + "/stop", Operation.RUN));
        return routes.toArray(ItemRoute[]::new);
    }

    private static ItemRoute[] restartRoutes() {
        List<ItemRoute> routes = new ArrayList<>();
        routes.add(ItemRoute.onBuild("restart/restart", Operation.CHANGE));
        routes.add(ItemRoute.onBuild("restart/restartPipeline", Operation.CHANGE));
        // The action's API in each format, not its index page.
        ItemRoute.API_FORMATS.forEach(format -> routes.add(ItemRoute.onBuild("restart/api/" + format, Operation.READ)));
        return routes.toArray(ItemRoute[]::new);
    }

    /** The short name of the plugin that owns the routes, named in refusals. */
    public String plugin() {
        return reviewed.get(0).plugin();
    }

    /**
     * The plugins whose source was read, the owner first, each at the oldest version that gets these routes: the
     * routes are in force only while every one of them is active at that version or later.
     */
    public List<PluginVersion> reviewed() {
        return reviewed;
    }

    /** The routes, each declared by {@link #plugin()}. */
    public List<ItemRoute> routes() {
        return routes;
    }

    /** Core's routes and every plugin's here: the largest table this plugin makes. */
    public static List<ItemRoute> withCore() {
        List<ItemRoute> all = new ArrayList<>(CoreRoutes.all());
        for (PluginRoutes plugin : values()) {
            all.addAll(plugin.routes());
        }
        return all;
    }
}
