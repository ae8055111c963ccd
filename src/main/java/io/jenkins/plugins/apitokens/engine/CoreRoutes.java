package io.jenkins.plugins.apitokens.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Core's routes below items and builds that a limited token may take: the item or build, its JSON/XML API, console,
 * artifacts, workspace, and the actions that start and stop builds. Not their views, {@code descriptorByName}, or any
 * getter that leads back out (a build's executor, a run parameter's other build, a test report's run, the search of
 * an API object): only {@code testReport}'s API, nothing else of the report.
 */
public final class CoreRoutes {

    /** Who declares them, as named in refusals. */
    public static final String ORIGIN = "core";

    /** An item's or build's API: {@code api/} and its formats, nothing below them. */
    private static final List<String> API = Stream.concat(
                    Stream.of("api"), ItemRoute.API_FORMATS.stream().map(format -> "api/" + format))
            .toList();

    private static final List<ItemRoute> ALL = build();

    private CoreRoutes() {}

    /** Every one of core's routes. */
    public static List<ItemRoute> all() {
        return ALL;
    }

    /** The names of core's routes that run builds, below an item or a build: {@code build}, {@code stop}, … */
    static List<String> runNames() {
        return ALL.stream()
                .filter(route -> route.operation() == Operation.RUN)
                .map(ItemRoute::patternText)
                .toList();
    }

    private static List<ItemRoute> build() {
        List<ItemRoute> routes = new ArrayList<>();
        for (String read : List.of(
                "",
                "ws/**",
                "config.xml",
                "changes",
                "configSubmit",
                "doDelete",
                "disable",
                "enable",
                "submitDescription",
                "description",
                "doWipeOutWorkspace")) {
            routes.add(ItemRoute.onItem(read, Operation.READ));
        }
        API.forEach(api -> routes.add(ItemRoute.onItem(api, Operation.READ)));
        // Core starts a build on a GET that carries the job's trigger token: running builds whatever the method.
        for (String run : List.of("build", "buildWithParameters", "polling")) {
            routes.add(ItemRoute.onItem(run, Operation.RUN));
        }
        for (String read : List.of(
                "",
                "artifact/**",
                "console",
                "consoleText",
                "consoleFull",
                "changes",
                "configSubmit",
                "submitDescription",
                "doDelete",
                "toggleLogKeep",
                "logText/progressiveText",
                "logText/progressiveHtml")) {
            routes.add(ItemRoute.onBuild(read, Operation.READ));
        }
        API.forEach(api -> routes.add(ItemRoute.onBuild(api, Operation.READ)));
        API.forEach(api -> routes.add(ItemRoute.onBuild("testReport/" + api, Operation.READ)));
        for (String run : List.of("stop", "term", "kill")) {
            routes.add(ItemRoute.onBuild(run, Operation.RUN));
        }
        return routes.stream().map(route -> route.declaredBy(ORIGIN)).toList();
    }
}
