package io.jenkins.plugins.apitokens.engine;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where a request goes, read from its path alone, for tokens limited to some items: into an item (a folder or job,
 * reached as {@code /job/a/job/b/…}), into a queue item (its owner is looked up later), or elsewhere. The table below
 * is an allow-list: a path is inside an item only when it is the item, one of its builds, or one of the few things
 * of theirs that a script needs (their API, console, artifacts, workspace, build and stop actions). Anything else
 * under an item (its views, {@code descriptorByName}, a getter that leads back out such as a build's executor) counts
 * as elsewhere, so a route Jenkins or a plugin adds later is refused until it is listed here.
 *
 * <p>The path is read as Stapler reads it, a segment at a time, each decoded once: a {@code %} left after decoding is
 * part of the name (multibranch projects name a branch {@code feature/x} as {@code feature%2Fx}, reached as
 * {@code feature%252Fx}). A path that could be read in two ways, with path parameters ({@code ;}), dot segments, empty
 * segments or encoded slashes or backslashes, is {@link Kind#MALFORMED}.
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

    private static final RequestRoute ELSEWHERE = new RequestRoute(Kind.ELSEWHERE, List.of(), -1, false);
    private static final RequestRoute MALFORMED = new RequestRoute(Kind.MALFORMED, List.of(), -1, false);

    /** Under an item or a build: these and anything below them. */
    private static final Set<String> ITEM_TREES = Set.of("api", "ws", "wfapi", "badge");

    private static final Set<String> BUILD_TREES =
            Set.of("api", "artifact", "logtext", "testreport", "parameters", "wfapi", "timestamps", "badge");
    /**
     * Under an item or a build: exactly these. Not a folder's {@code createItem}: with {@code mode=copy&from=…} it
     * reads another item's configuration, which may be outside the reach.
     */
    private static final Set<String> ITEM_PAGES = Set.of(
            "config.xml",
            "changes",
            "configsubmit",
            "dodelete",
            "disable",
            "enable",
            "submitdescription",
            "description",
            "dowipeoutworkspace");

    private static final Set<String> BUILD_PAGES = Set.of(
            "console",
            "consoletext",
            "consolefull",
            "changes",
            "configsubmit",
            "submitdescription",
            "dodelete",
            "togglelogkeep");
    /** The actions that run builds: {@link Operation#RUN}. */
    private static final Set<String> ITEM_RUNS = Set.of("build", "buildwithparameters");

    private static final Set<String> BUILD_RUNS = Set.of("stop", "term", "kill");
    private static final Set<String> QUEUE_ITEM_RUNS = Set.of("cancelqueue");
    /** The builds' permalinks, as core names them. */
    private static final Set<String> PERMALINKS = Set.of(
            "lastbuild",
            "laststablebuild",
            "lastsuccessfulbuild",
            "lastfailedbuild",
            "lastunstablebuild",
            "lastunsuccessfulbuild",
            "lastcompletedbuild");

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
            return MALFORMED;
        }
        if (segments.isEmpty()) {
            return ELSEWHERE;
        }
        String first = lower(segments.get(0));
        if (first.equals("job")) {
            return intoItem(segments);
        }
        if (first.equals("queue")) {
            return intoQueue(segments);
        }
        return ELSEWHERE;
    }

    private static RequestRoute intoItem(List<String> segments) {
        List<String> item = new ArrayList<>();
        int i = 0;
        while (i + 1 < segments.size() && lower(segments.get(i)).equals("job")) {
            item.add(segments.get(i + 1));
            i += 2;
        }
        if (item.isEmpty()) {
            return ELSEWHERE;
        }
        List<String> rest = lowerCase(segments.subList(i, segments.size()));
        if (rest.isEmpty() || ITEM_TREES.contains(rest.get(0)) || isOne(rest, ITEM_PAGES)) {
            return new RequestRoute(Kind.ITEM, List.copyOf(item), -1, false);
        }
        if (isOne(rest, ITEM_RUNS)) {
            return new RequestRoute(Kind.ITEM, List.copyOf(item), -1, true);
        }
        if (isBuild(rest.get(0))) {
            List<String> inBuild = rest.subList(1, rest.size());
            if (inBuild.isEmpty() || BUILD_TREES.contains(inBuild.get(0)) || isOne(inBuild, BUILD_PAGES)) {
                return new RequestRoute(Kind.ITEM, List.copyOf(item), -1, false);
            }
            if (isOne(inBuild, BUILD_RUNS)) {
                return new RequestRoute(Kind.ITEM, List.copyOf(item), -1, true);
            }
        }
        return ELSEWHERE;
    }

    private static RequestRoute intoQueue(List<String> segments) {
        List<String> rest = lowerCase(segments.subList(1, segments.size()));
        if (rest.size() == 1 && rest.get(0).equals("cancelitem")) {
            return new RequestRoute(Kind.QUEUE_ITEM_BY_PARAMETER, List.of(), -1, true);
        }
        if (rest.size() < 2 || !rest.get(0).equals("item") || !isNumber(rest.get(1))) {
            return ELSEWHERE;
        }
        long id = Long.parseLong(rest.get(1));
        List<String> inItem = rest.subList(2, rest.size());
        if (inItem.isEmpty() || inItem.get(0).equals("api")) {
            return new RequestRoute(Kind.QUEUE_ITEM, List.of(), id, false);
        }
        if (isOne(inItem, QUEUE_ITEM_RUNS)) {
            return new RequestRoute(Kind.QUEUE_ITEM, List.of(), id, true);
        }
        return ELSEWHERE;
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

    private static String lower(String segment) {
        return segment.toLowerCase(Locale.ROOT);
    }

    private static List<String> lowerCase(List<String> segments) {
        List<String> lower = new ArrayList<>(segments.size());
        for (String segment : segments) {
            lower.add(lower(segment));
        }
        return lower;
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

    /** What a request along this route does, made with {@code method}. */
    public Operation operation(String method) {
        if ("GET".equalsIgnoreCase(method) || "HEAD".equalsIgnoreCase(method)) {
            return Operation.READ;
        }
        return runs ? Operation.RUN : Operation.CHANGE;
    }

    @Override
    public String toString() {
        return kind + (item.isEmpty() ? "" : " " + String.join("/", item)) + (queueId < 0 ? "" : " #" + queueId);
    }
}
