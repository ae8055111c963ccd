package io.jenkins.plugins.apitokens.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The routes below items and builds that limited tokens may take: core's and those plugins declare, as one table
 * ({@link ItemRoute}). A path below an item that no route matches is not known to stay inside it, so a limited token
 * is refused there. When routes overlap, the strictest operation among those matching counts, so a second declaration
 * can only make a route harder to take, never easier. Immutable; reading a path costs a lookup per segment.
 */
public final class RouteTable {

    private static final RouteTable CORE = of(CoreRoutes.all());
    /** Besides letters and digits, what an id may hold: the characters Pipeline allows in an input's id. */
    private static final String ID_PUNCTUATION = "._~!$()*+,:@=-";

    private final Node item = new Node();
    private final Node build = new Node();
    private final List<ItemRoute> routes;

    private RouteTable(List<ItemRoute> routes) {
        this.routes = routes;
        for (ItemRoute route : routes) {
            Node node = route.place() == ItemRoute.Place.ITEM ? item : build;
            List<String> pattern = route.pattern();
            for (int i = 0; i < pattern.size(); i++) {
                String segment = pattern.get(i);
                if (segment.equals(ItemRoute.TREE)) {
                    node.below.add(route);
                    node = null;
                    break;
                }
                node = segment.equals(ItemRoute.ANY)
                        ? (node.any == null ? (node.any = new Node()) : node.any)
                        : node.names.computeIfAbsent(segment, name -> new Node());
            }
            if (node != null) {
                node.here.add(route);
            }
        }
        item.seal();
        build.seal();
    }

    /** The table of these routes (repeats are harmless). */
    public static RouteTable of(Collection<ItemRoute> routes) {
        return new RouteTable(List.copyOf(routes));
    }

    /** Core's routes alone: what a Jenkins without route-declaring plugins has. */
    public static RouteTable core() {
        return CORE;
    }

    /** Every route of the table, in the order given. */
    public List<ItemRoute> routes() {
        return routes;
    }

    /**
     * Reads a request's path.
     *
     * @param path the path below Jenkins' context path, as the client sent it (still URL-encoded)
     */
    public RequestRoute route(String path) {
        return RequestRoute.read(path, this);
    }

    /**
     * What the routes matching {@code rest} (the segments after an item, or after a build's number when
     * {@code inBuild}) declare, one bit per {@link Operation} ({@code 1 << ordinal}); 0 when none matches. Asked on
     * every request of a limited token, so it allocates nothing.
     */
    int operationsOf(List<String> rest, boolean inBuild) {
        return walk(inBuild ? build : item, rest, 0, null);
    }

    /** The routes matching {@code rest}, for saying which were taken. */
    List<ItemRoute> routesOf(List<String> rest, boolean inBuild) {
        List<ItemRoute> found = new ArrayList<>();
        walk(inBuild ? build : item, rest, 0, found);
        return found;
    }

    /**
     * The one reading of a path against the tree: the operations of the routes matching {@code rest} from {@code at},
     * and those routes into {@code found} when it is not {@code null}.
     */
    private static int walk(Node node, List<String> rest, int at, List<ItemRoute> found) {
        int operations = 0;
        if (at > 0) { // "**" after the segment that led here: it and anything below
            operations |= node.belowOperations;
            if (found != null) {
                found.addAll(node.below);
            }
        }
        if (at == rest.size()) {
            if (found != null) {
                found.addAll(node.here);
            }
            return operations | node.hereOperations;
        }
        Node named = node.names.get(rest.get(at));
        if (named != null) {
            operations |= walk(named, rest, at + 1, found);
        }
        if (node.any != null && isId(rest.get(at))) {
            operations |= walk(node.any, rest, at + 1, found);
        }
        return operations;
    }

    /**
     * Whether a segment may stand where a pattern has {@code *}: an id as plugins make them (an input's {@code Deploy},
     * a flow node's {@code 12}), in the characters Pipeline allows an input's id, and never starting with a lower-case
     * letter: Stapler names getters and web methods from Java names in lower case ({@code run}, {@code execution},
     * {@code parent}), so a wildcard never stands for one of them.
     */
    private static boolean isId(String segment) {
        char first = segment.charAt(0);
        if (first >= 'a' && first <= 'z') {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!plain && ID_PUNCTUATION.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** One bit per operation the routes declare: {@code 1 << ordinal}. */
    private static int bitsOf(List<ItemRoute> routes) {
        int bits = 0;
        for (ItemRoute route : routes) {
            bits |= 1 << route.operation().ordinal();
        }
        return bits;
    }

    /** One segment of the patterns: the routes ending here, those covering all below, and where each name leads. */
    private static final class Node {
        private Map<String, Node> names = new HashMap<>();
        private Node any;
        private List<ItemRoute> here = new ArrayList<>();
        private List<ItemRoute> below = new ArrayList<>();
        private int hereOperations;
        private int belowOperations;

        private void seal() {
            names = Map.copyOf(names);
            here = List.copyOf(here);
            below = List.copyOf(below);
            hereOperations = bitsOf(here);
            belowOperations = bitsOf(below);
            names.values().forEach(Node::seal);
            if (any != null) {
                any.seal();
            }
        }
    }
}
