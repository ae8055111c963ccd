package io.jenkins.plugins.apitokens.engine;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where a request goes, read from its path alone, for tokens limited to some items: into an item (a folder or job,
 * reached as {@code /job/a/job/b/…}), into a queue item (its owner is looked up later), or elsewhere. A path is inside
 * an item only when the rest of it after the item, or after one of its builds, is a route of the {@link RouteTable}:
 * core's and those plugins declare, each an exact shape. Anything else under an item counts as elsewhere: its views,
 * {@code descriptorByName}, and every getter that leads back out (a build's executor, a run parameter's other build,
 * a test report's run, the search of an API object). A route Jenkins or a plugin adds later is refused until it is
 * declared.
 *
 * <p>The path is read as Stapler reads it: a segment at a time, each decoded once, names and keywords compared exactly
 * (Stapler matches {@code job} and {@code api}, not {@code JOB}). A {@code %} left after decoding is part of the name
 * (multibranch projects name a branch {@code feature/x} as {@code feature%2Fx}, reached as {@code feature%252Fx}). A
 * path that could be read in two ways, with path parameters ({@code ;}), dot segments, empty segments or encoded
 * slashes or backslashes, is {@link Kind#MALFORMED}.
 */
public final class RequestRoute {

    /** What kind of place a request goes to. */
    public enum Kind {
        /** Inside the item {@link #item()}. */
        ITEM,
        /** To the queue item {@link #queueId()}, inside whatever item it belongs to. */
        QUEUE_ITEM,
        /** To core's {@code /queue/cancelItem}, whose queue item is named by the {@code id} parameter. */
        QUEUE_ITEM_BY_PARAMETER,
        /** Not inside any one item (or not a route the table knows). */
        ELSEWHERE,
        /** A path that cannot be read safely. */
        MALFORMED
    }

    private static final Set<String> QUEUE_ITEM_RUNS = Set.of("cancelQueue");
    /** Core's {@code /queue/cancelItem?id=…}. */
    private static final String CANCEL_ITEM = "cancelItem";
    /**
     * Core's names that run builds ({@link CoreRoutes#runNames()} and the queue's): a GET along a path elsewhere that
     * holds one counts as running, so that a read-only token cannot start a build through a view. Only core's: a
     * plugin's name such as {@code submit} could mean anything elsewhere.
     */
    private static final Set<String> ALL_RUNS = Stream.of(
                    CoreRoutes.runNames().stream(), QUEUE_ITEM_RUNS.stream(), Stream.of(CANCEL_ITEM))
            .flatMap(names -> names)
            .collect(Collectors.toUnmodifiableSet());
    /** The builds' permalinks, as core names them. */
    private static final Set<String> PERMALINKS = Set.of(
            "lastBuild",
            "lastStableBuild",
            "lastSuccessfulBuild",
            "lastFailedBuild",
            "lastUnstableBuild",
            "lastUnsuccessfulBuild",
            "lastCompletedBuild");

    private static final int RUN = 1 << Operation.RUN.ordinal();
    private static final int CHANGE = 1 << Operation.CHANGE.ordinal();
    private static final int BY_METHOD = 1 << Operation.READ.ordinal();
    private static final RequestRoute MALFORMED = new RequestRoute(Kind.MALFORMED, List.of(), -1, BY_METHOD, null);

    private final Kind kind;
    private final List<String> item;
    private final long queueId;
    /** The operations the matching routes declare, a bit each; {@link Operation#READ}'s means "what the method says". */
    private final int operations;
    /** For explaining a refusal: the segments after the item or build, and whether after a build. */
    private final Where where;

    private RequestRoute(Kind kind, List<String> item, long queueId, int operations, Where where) {
        this.kind = kind;
        this.item = item;
        this.queueId = queueId;
        this.operations = operations;
        this.where = where;
    }

    /** The segments after an item or build that a route matched, and the table that has it. */
    private record Where(RouteTable table, List<String> rest, boolean inBuild) {}

    /** @see RouteTable#route(String) */
    static RequestRoute read(String path, RouteTable table) {
        List<String> segments = segmentsOf(path);
        if (segments == null) {
            return MALFORMED;
        }
        RequestRoute route = segments.isEmpty() ? null : routeOf(segments, table);
        if (route != null) {
            return route;
        }
        // Stapler calls a do-action even with segments after it (/job/a/build/x), through views too: a GET that names
        // a run counts as running (a trigger token starts a build on a GET), and anything else as what its method
        // says. Never as running alone: Stapler calls the first do-action on the path, which may be another
        // (/job/a/doDelete/build deletes the job).
        boolean runs = segments.stream().anyMatch(ALL_RUNS::contains);
        return new RequestRoute(Kind.ELSEWHERE, List.of(), -1, runs ? RUN | BY_METHOD : BY_METHOD, null);
    }

    /** The route into an item or a queue item, or {@code null} for elsewhere. */
    private static RequestRoute routeOf(List<String> segments, RouteTable table) {
        return switch (segments.get(0)) {
            case "job" -> intoItem(segments, table);
            case "queue" -> intoQueue(segments.subList(1, segments.size()));
            default -> null;
        };
    }

    private static RequestRoute intoItem(List<String> segments, RouteTable table) {
        List<String> item = new ArrayList<>();
        int i = 0;
        while (i + 1 < segments.size() && segments.get(i).equals("job")) {
            item.add(segments.get(i + 1));
            i += 2;
        }
        if (item.isEmpty()) {
            return null;
        }
        List<String> rest = segments.subList(i, segments.size());
        boolean inBuild = !rest.isEmpty() && isBuild(rest.get(0));
        List<String> below = inBuild ? rest.subList(1, rest.size()) : rest;
        int operations = table.operationsOf(below, inBuild);
        if (operations == 0) {
            return null;
        }
        return new RequestRoute(Kind.ITEM, List.copyOf(item), -1, operations, new Where(table, below, inBuild));
    }

    private static RequestRoute intoQueue(List<String> rest) {
        if (rest.size() == 1 && rest.get(0).equals(CANCEL_ITEM)) {
            return new RequestRoute(Kind.QUEUE_ITEM_BY_PARAMETER, List.of(), -1, RUN, null);
        }
        if (rest.size() < 2 || !rest.get(0).equals("item") || !isNumber(rest.get(1))) {
            return null;
        }
        long id = Long.parseLong(rest.get(1));
        List<String> inItem = rest.subList(2, rest.size());
        if (isOne(inItem, QUEUE_ITEM_RUNS)) {
            return new RequestRoute(Kind.QUEUE_ITEM, List.of(), id, RUN, null);
        }
        if (inItem.isEmpty() || isApi(inItem)) {
            return new RequestRoute(Kind.QUEUE_ITEM, List.of(), id, BY_METHOD, null);
        }
        return null;
    }

    /** {@code api/}, {@code api/json}, {@code api/xml} or {@code api/python}, and nothing below. */
    private static boolean isApi(List<String> rest) {
        return rest.get(0).equals("api")
                && (rest.size() == 1 || (rest.size() == 2 && ItemRoute.API_FORMATS.contains(rest.get(1))));
    }

    private static boolean isOne(List<String> rest, Set<String> names) {
        return rest.size() == 1 && names.contains(rest.get(0));
    }

    private static boolean isBuild(String segment) {
        return isNumber(segment) || PERMALINKS.contains(segment);
    }

    /** A queue item's or build's number: digits only, few enough for a {@code long}. */
    private static boolean isNumber(String segment) {
        if (segment.isEmpty() || segment.length() > 18) {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            if (segment.charAt(i) < '0' || segment.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The decoded segments, or {@code null} when the path could be read in more than one way. */
    private static List<String> segmentsOf(String path) {
        if (path == null || path.indexOf(';') >= 0 || path.indexOf('\\') >= 0) {
            return null;
        }
        String[] raw = (path.startsWith("/") ? path.substring(1) : path).split("/", -1);
        int length = raw.length;
        if (length > 0 && raw[length - 1].isEmpty()) {
            length--; // one trailing slash, as Jenkins' own links end
        }
        List<String> segments = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            String segment;
            try {
                segment = URLDecoder.decode(raw[i].replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            if (segment.isEmpty()
                    || segment.equals(".")
                    || segment.equals("..")
                    || segment.indexOf('/') >= 0
                    || segment.indexOf('\\') >= 0
                    || segment.indexOf(';') >= 0) {
                return null;
            }
            segments.add(segment);
        }
        return segments;
    }

    public Kind kind() {
        return kind;
    }

    /** For {@link Kind#ITEM}: the item's full name, a name per element, as the path spells them. */
    public List<String> item() {
        return item;
    }

    /** For {@link Kind#QUEUE_ITEM}: the queue item's id. */
    public long queueId() {
        return queueId;
    }

    /**
     * What a request along this route does, made with {@code method}: the strictest of what the matching routes
     * declare, where a route that only reads does what its method says (a GET reads, a POST changes).
     */
    public Operation operation(String method) {
        if ((operations & CHANGE) != 0) {
            return Operation.CHANGE;
        }
        if ((operations & BY_METHOD) != 0 && Operation.ofMethod(method) == Operation.CHANGE) {
            return Operation.CHANGE;
        }
        return (operations & RUN) != 0 ? Operation.RUN : Operation.READ;
    }

    /**
     * The declared routes this request takes, for saying which one a refusal is about; empty when it is not inside an
     * item.
     */
    public List<ItemRoute> routes() {
        return where == null ? List.of() : where.table().routesOf(where.rest(), where.inBuild());
    }

    /**
     * The declared route that makes a request made with {@code method} do what {@link #operation(String)} says: among
     * the routes it takes, one declaring that operation, or one that only reads and whose method makes it a change;
     * {@code null} when it is not inside an item.
     */
    public ItemRoute routeDeciding(String method) {
        Operation operation = operation(method);
        return routes().stream()
                .filter(taken -> taken.operation() == operation || taken.operation() == Operation.READ)
                .max(Comparator.comparing(ItemRoute::operation))
                .orElse(null);
    }

    @Override
    public String toString() {
        return kind + (item.isEmpty() ? "" : " " + String.join("/", item)) + (queueId < 0 ? "" : " #" + queueId);
    }
}
