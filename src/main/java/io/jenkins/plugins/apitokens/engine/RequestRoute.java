package io.jenkins.plugins.apitokens.engine;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where a request goes, read from its path alone, for tokens limited to some items: into an item (a folder or job,
 * reached as {@code /job/a/job/b/…}), into a queue item (its owner is looked up later), or elsewhere. The table below
 * is an allow-list of exact shapes: a path is inside an item only when it is the item, one of its builds, or one of
 * the few things of theirs that a script needs (their JSON/XML API, console, artifacts, workspace, build and stop
 * actions). Anything else under an item counts as elsewhere: its views, {@code descriptorByName}, and every getter
 * that leads back out (a build's executor, a run parameter's other build, a test report's run, the search of an
 * API object). A route Jenkins or a plugin adds later is refused until it is listed here.
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
        /** Not inside any one item (or not a route this class knows). */
        ELSEWHERE,
        /** A path that cannot be read safely. */
        MALFORMED
    }

    /** The API's formats: {@code api/json} and so on, nothing below them (an {@code Api} object can search). */
    private static final Set<String> API_FORMATS = Set.of("json", "xml", "python");
    /** Under an item or a build, these and anything below them: directory listings, which route to files only. */
    private static final Set<String> ITEM_TREES = Set.of("ws");

    private static final Set<String> BUILD_TREES = Set.of("artifact");
    /** Under an item or a build: exactly these. */
    private static final Set<String> ITEM_PAGES = Set.of(
            "config.xml",
            "changes",
            "configSubmit",
            "doDelete",
            "disable",
            "enable",
            "submitDescription",
            "description",
            "doWipeOutWorkspace");

    private static final Set<String> BUILD_PAGES = Set.of(
            "console",
            "consoleText",
            "consoleFull",
            "changes",
            "configSubmit",
            "submitDescription",
            "doDelete",
            "toggleLogKeep");
    /** A build's log as scripts follow it. */
    private static final Set<String> LOG_TEXT = Set.of("progressiveText", "progressiveHtml");
    /**
     * The actions that run builds: {@link Operation#RUN}, whatever the method, since core starts a build on a GET
     * that carries the job's trigger token.
     */
    private static final Set<String> ITEM_RUNS = Set.of("build", "buildWithParameters", "polling");

    private static final Set<String> BUILD_RUNS = Set.of("stop", "term", "kill");
    private static final Set<String> QUEUE_ITEM_RUNS = Set.of("cancelQueue");
    /** Core's {@code /queue/cancelItem?id=…}. */
    private static final String CANCEL_ITEM = "cancelItem";
    /** Every name above that runs builds: wherever it is in a path that is not inside an item, it counts as running. */
    private static final Set<String> ALL_RUNS = Stream.of(ITEM_RUNS, BUILD_RUNS, QUEUE_ITEM_RUNS, Set.of(CANCEL_ITEM))
            .flatMap(Set::stream)
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

    private final Kind kind;
    private final List<String> item;
    private final long queueId;
    private final boolean runs;

    private RequestRoute(Kind kind, List<String> item, long queueId, boolean runs) {
        this.kind = kind;
        this.item = item;
        this.queueId = queueId;
        this.runs = runs;
    }

    /**
     * Reads a request's path.
     *
     * @param path the path below Jenkins' context path, as the client sent it (still URL-encoded)
     */
    public static RequestRoute of(String path) {
        List<String> segments = segmentsOf(path);
        if (segments == null) {
            return new RequestRoute(Kind.MALFORMED, List.of(), -1, false);
        }
        RequestRoute route = segments.isEmpty() ? null : routeOf(segments);
        if (route != null) {
            return route;
        }
        // Stapler calls a do-action even with segments after it (/job/a/build/x), through views too.
        boolean runs = segments.stream().anyMatch(ALL_RUNS::contains);
        return new RequestRoute(Kind.ELSEWHERE, List.of(), -1, runs);
    }

    /** The route into an item or a queue item, or {@code null} for elsewhere. */
    private static RequestRoute routeOf(List<String> segments) {
        return switch (segments.get(0)) {
            case "job" -> intoItem(segments);
            case "queue" -> intoQueue(segments.subList(1, segments.size()));
            default -> null;
        };
    }

    private static RequestRoute intoItem(List<String> segments) {
        List<String> item = new ArrayList<>();
        int i = 0;
        while (i + 1 < segments.size() && segments.get(i).equals("job")) {
            item.add(segments.get(i + 1));
            i += 2;
        }
        if (item.isEmpty()) {
            return null;
        }
        List<String> name = List.copyOf(item);
        List<String> rest = segments.subList(i, segments.size());
        if (isOne(rest, ITEM_RUNS)) {
            return new RequestRoute(Kind.ITEM, name, -1, true);
        }
        if (rest.isEmpty() || isApi(rest) || ITEM_TREES.contains(rest.get(0)) || isOne(rest, ITEM_PAGES)) {
            return new RequestRoute(Kind.ITEM, name, -1, false);
        }
        if (isBuild(rest.get(0))) {
            List<String> inBuild = rest.subList(1, rest.size());
            if (isOne(inBuild, BUILD_RUNS)) {
                return new RequestRoute(Kind.ITEM, name, -1, true);
            }
            if (inBuild.isEmpty()
                    || isApi(inBuild)
                    || BUILD_TREES.contains(inBuild.get(0))
                    || isOne(inBuild, BUILD_PAGES)
                    || isLogText(inBuild)
                    || isTestReportApi(inBuild)) {
                return new RequestRoute(Kind.ITEM, name, -1, false);
            }
        }
        return null;
    }

    private static RequestRoute intoQueue(List<String> rest) {
        if (rest.size() == 1 && rest.get(0).equals(CANCEL_ITEM)) {
            return new RequestRoute(Kind.QUEUE_ITEM_BY_PARAMETER, List.of(), -1, true);
        }
        if (rest.size() < 2 || !rest.get(0).equals("item") || !isNumber(rest.get(1))) {
            return null;
        }
        long id = Long.parseLong(rest.get(1));
        List<String> inItem = rest.subList(2, rest.size());
        if (isOne(inItem, QUEUE_ITEM_RUNS)) {
            return new RequestRoute(Kind.QUEUE_ITEM, List.of(), id, true);
        }
        if (inItem.isEmpty() || isApi(inItem)) {
            return new RequestRoute(Kind.QUEUE_ITEM, List.of(), id, false);
        }
        return null;
    }

    /** {@code api/}, {@code api/json}, {@code api/xml} or {@code api/python}, and nothing below. */
    private static boolean isApi(List<String> rest) {
        return rest.get(0).equals("api")
                && (rest.size() == 1 || (rest.size() == 2 && API_FORMATS.contains(rest.get(1))));
    }

    private static boolean isLogText(List<String> rest) {
        return rest.size() == 2 && rest.get(0).equals("logText") && LOG_TEXT.contains(rest.get(1));
    }

    /** A build's test results through their API: {@code testReport/api/json}, nothing else of the report. */
    private static boolean isTestReportApi(List<String> rest) {
        return rest.size() > 1 && rest.get(0).equals("testReport") && isApi(rest.subList(1, rest.size()));
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
     * What a request along this route does, made with {@code method}: running builds on the routes that do, whatever
     * the method; otherwise what the method says.
     */
    public Operation operation(String method) {
        if (runs) {
            return Operation.RUN;
        }
        return Operation.ofMethod(method);
    }

    @Override
    public String toString() {
        return kind + (item.isEmpty() ? "" : " " + String.join("/", item)) + (queueId < 0 ? "" : " #" + queueId);
    }
}
