package io.jenkins.plugins.apitokens.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One route below an item or a build that a token limited to that item may take, and what a request along it does.
 * Core's routes ({@link CoreRoutes}) and those other plugins declare have this one shape; together they are the
 * {@link RouteTable}, outside which a limited token is refused.
 *
 * <p>A pattern is a path relative to the item ({@code /job/a/job/b/}) or to one of its builds ({@code /job/a/12/}),
 * a segment per name, compared exactly: {@code wfapi/runs}; {@code *}, after a getter that takes an id, for that id
 * (an input's id, a flow node's number): never a segment that starts with a lower-case letter, which is how Stapler
 * names getters and web methods ({@code run}, {@code parent}), nor one with characters an id does not hold;
 * {@code **}, last only, for the segment before it and anything below (a directory of files).
 *
 * <p>A pattern may not pass through a name that leads out of any item: {@code job}, {@code parent}, {@code owner},
 * {@code run}, {@code project}, {@code target}, {@code executor}, {@code search}, {@code descriptor},
 * {@code descriptorByName}, {@code view} and the like, nor below an {@code api} (only {@code api/json}, {@code api/xml}
 * and {@code api/python} end there). A web method of that name may end a pattern ({@code replay/run}). The empty pattern is the item or build itself. The first segment is always a name: a route is reached
 * through one action or getter that its author read, never through whatever a wildcard would let in.
 *
 * <p>What a request does ({@link #operation()}): {@link Operation#READ} means what its method says (a GET reads, a
 * POST changes); {@link Operation#RUN} runs builds whatever the method (approving a Pipeline input, starting a build);
 * {@link Operation#CHANGE} changes the job whatever the method (replaying a build with an edited script).
 */
public final class ItemRoute {

    /** Where a pattern starts. */
    public enum Place {
        /** Below an item: a folder or a job, reached by its {@code /job/…} path. */
        ITEM,
        /** Below a build of a job: {@code /job/…/<number>/} or one of core's permalinks such as {@code lastBuild}. */
        BUILD
    }

    /** One segment of any name. */
    static final String ANY = "*";
    /** Last only: the segment before it and anything below. */
    static final String TREE = "**";

    private static final int MAX_SEGMENTS = 12;
    /**
     * Names that lead out of any item when a path goes on below them: the item's or build's owners, an executor and
     * its agent, searches from Jenkins' root, global descriptors, views, other spellings of child items.
     */
    private static final Set<String> WAYS_OUT = Set.of(
            "parent",
            "owner",
            "run",
            "project",
            "target",
            "executor",
            "oneOffExecutor",
            "search",
            "searchGroup",
            "descriptor",
            "descriptorByName",
            "view",
            "primaryView",
            "item",
            "branch",
            "itemByBranchName",
            "user");

    /** The API's formats: {@code api/json} and so on, nothing below them (an {@code Api} object can search). */
    static final List<String> API_FORMATS = List.of("json", "xml", "python");

    private final Place place;
    private final List<String> pattern;
    private final Operation operation;
    private final String origin;

    private ItemRoute(Place place, List<String> pattern, Operation operation, String origin) {
        this.place = place;
        this.pattern = pattern;
        this.operation = operation;
        this.origin = origin;
    }

    /**
     * A route below an item.
     *
     * @throws IllegalArgumentException naming the pattern, when it is not one (see the class)
     */
    public static ItemRoute onItem(String pattern, Operation operation) {
        return new ItemRoute(Place.ITEM, parse(pattern), Objects.requireNonNull(operation), "");
    }

    /**
     * A route below a build.
     *
     * @throws IllegalArgumentException naming the pattern, when it is not one (see the class)
     */
    public static ItemRoute onBuild(String pattern, Operation operation) {
        return new ItemRoute(Place.BUILD, parse(pattern), Objects.requireNonNull(operation), "");
    }

    /** This route as declared by {@code origin} (a plugin's short name, or {@code core}), named in refusals. */
    public ItemRoute declaredBy(String origin) {
        return new ItemRoute(place, pattern, operation, Objects.requireNonNull(origin));
    }

    private static List<String> parse(String pattern) {
        Objects.requireNonNull(pattern);
        if (pattern.isEmpty()) {
            return List.of();
        }
        String[] names = pattern.split("/", -1);
        if (names.length > MAX_SEGMENTS) {
            throw badPattern(pattern, "more than " + MAX_SEGMENTS + " segments");
        }
        List<String> segments = new ArrayList<>(names.length);
        for (int i = 0; i < names.length; i++) {
            String name = names[i];
            boolean first = i == 0;
            boolean last = i == names.length - 1;
            if (name.isEmpty() || name.equals(".") || name.equals("..") || name.contains("\\") || name.contains(";")) {
                throw badPattern(pattern, "a segment is empty, a dot segment, or holds '\\' or ';'");
            }
            if ((first && (name.equals(ANY) || name.equals(TREE))) || (name.equals(TREE) && !last)) {
                throw badPattern(pattern, "it starts with a wildcard, or has '**' before its end");
            }
            if (name.equals("job") || (!last && WAYS_OUT.contains(name))) {
                throw badPattern(pattern, "'" + name + "' leads out of the item");
            }
            if (name.equals("api") && !(last || (i == names.length - 2 && API_FORMATS.contains(names[i + 1])))) {
                throw badPattern(pattern, "an API object can search: only api/json, api/xml and api/python end there");
            }
            if (!name.equals(ANY) && !name.equals(TREE) && name.contains("*")) {
                throw badPattern(pattern, "'*' stands for a whole segment only");
            }
            segments.add(name);
        }
        return List.copyOf(segments);
    }

    private static IllegalArgumentException badPattern(String pattern, String why) {
        return new IllegalArgumentException("Not a route pattern: '" + pattern + "' (" + why + ")");
    }

    public Place place() {
        return place;
    }

    /** The pattern's segments: names, {@code *} and a last {@code **}. */
    public List<String> pattern() {
        return pattern;
    }

    public Operation operation() {
        return operation;
    }

    /** Who declared it: a plugin's short name, {@code core}, or empty when not said. */
    public String origin() {
        return origin;
    }

    /** The pattern as written, relative to the item or build: {@code input/*}{@code /proceedEmpty}. */
    public String patternText() {
        return String.join("/", pattern);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ItemRoute route
                && place == route.place
                && pattern.equals(route.pattern)
                && operation == route.operation
                && origin.equals(route.origin);
    }

    @Override
    public int hashCode() {
        return Objects.hash(place, pattern, operation, origin);
    }

    /** For people and logs: {@code build/input/*}{@code /proceedEmpty (pipeline-input-step): RUN}. */
    @Override
    public String toString() {
        return (place == Place.ITEM ? "item/" : "build/")
                + patternText()
                + (origin.isEmpty() ? "" : " (" + origin + ")")
                + ": "
                + operation;
    }
}
