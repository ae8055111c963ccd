package io.jenkins.plugins.apitokens.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

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
     * {@code inBuild}) declare, one bit per {@link Operation} ({@code 1 << ordinal}); 0 when none matches.
     */
    int operationsOf(List<String> rest, boolean inBuild) {
        return operationsOf(inBuild ? build : item, rest, 0);
    }

    /** {@link #visit} for the operations alone: asked on every request of a limited token, so it allocates nothing. */
    private static int operationsOf(Node node, List<String> rest, int at) {
        int found = at > 0 ? node.belowOperations : 0;
        if (at == rest.size()) {
            return found | node.hereOperations;
        }
        Node named = node.names.get(rest.get(at));
        if (named != null) {
            found |= operationsOf(named, rest, at + 1);
        }
        if (node.any != null && isId(rest.get(at))) {
            found |= operationsOf(node.any, rest, at + 1);
        }
        return found;
    }

    /** The routes matching {@code rest}, for saying which were taken. */
    List<ItemRoute> routesOf(List<String> rest, boolean inBuild) {
        List<ItemRoute> found = new ArrayList<>();
        visit(inBuild ? build : item, rest, 0, found::add);
        return found;
    }

    private static void visit(Node node, List<String> rest, int at, Consumer<ItemRoute> matched) {
        if (at > 0) {
            node.below.forEach(matched); // "**" after the segment that led here: it and anything below
        }
        if (at == rest.size()) {
            node.here.forEach(matched);
            return;
        }
        Node named = node.names.get(rest.get(at));
        if (named != null) {
            visit(named, rest, at + 1, matched);
        }
        if (node.any != null && isId(rest.get(at))) {
            visit(node.any, rest, at + 1, matched);
        }
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
