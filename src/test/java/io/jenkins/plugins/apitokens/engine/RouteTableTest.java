package io.jenkins.plugins.apitokens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RouteTableTest {

    private static final RouteTable TABLE = withCore(
            ItemRoute.onBuild("input/*/proceedEmpty", Operation.RUN).declaredBy("input"),
            ItemRoute.onBuild("input/api/json", Operation.READ).declaredBy("input"),
            ItemRoute.onItem("reports/**", Operation.READ).declaredBy("reports"),
            ItemRoute.onBuild("replay/run", Operation.CHANGE).declaredBy("replay"));

    private static RouteTable withCore(ItemRoute... more) {
        List<ItemRoute> routes = new ArrayList<>(CoreRoutes.all());
        routes.addAll(List.of(more));
        return RouteTable.of(routes);
    }

    @Test
    void aDeclaredRouteLeadsIntoItsItemWithTheOperationDeclared() {
        RequestRoute approval = TABLE.route("/job/team/job/app/12/input/Deploy/proceedEmpty");
        assertEquals(RequestRoute.Kind.ITEM, approval.kind());
        assertEquals(List.of("team", "app"), approval.item());
        assertEquals(Operation.RUN, approval.operation("POST"));
        assertEquals(Operation.RUN, approval.operation("GET"), "running whatever the method");
        assertEquals(
                Operation.CHANGE, TABLE.route("/job/app/lastBuild/replay/run").operation("GET"));
        assertEquals(Operation.READ, TABLE.route("/job/app/12/input/api/json").operation("GET"));
        assertEquals(Operation.CHANGE, TABLE.route("/job/app/12/input/api/json").operation("POST"));
    }

    @Test
    void coreAloneKnowsNoneOfThem() {
        for (String path :
                List.of("/job/app/12/input/Deploy/proceedEmpty", "/job/app/reports/a", "/job/app/12/replay/run")) {
            assertEquals(
                    RequestRoute.Kind.ELSEWHERE, RouteTable.core().route(path).kind(), path);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/job/app/12/input/Deploy/proceedEmpty/x",
                "/job/app/12/input/Deploy",
                "/job/app/12/input/Deploy/api/json",
                "/job/app/12/input/proceedEmpty",
                "/job/app/input/Deploy/proceedEmpty",
                "/job/app/12/input/api/json/x",
                "/job/app/12/reports/a",
                "/job/app/12/replay",
                "/job/app/reportsx/a",
                "/view/all/job/app/12/input/Deploy/proceedEmpty",
                "/job/app/12/input/run/proceedEmpty",
                "/job/app/12/input/execution/abort",
                "/job/app/12/input/%C3%A9x/proceedEmpty",
                "/job/app/12/input/a%3Cb/proceedEmpty"
            })
    void aPathBesideOrBelowADeclaredRouteIsNotInsideTheItem(String path) {
        assertEquals(RequestRoute.Kind.ELSEWHERE, TABLE.route(path).kind(), path);
    }

    @Test
    void aTreeCoversItsSegmentAndEverythingBelow() {
        for (String path : List.of("/job/app/reports", "/job/app/reports/a", "/job/app/reports/a/b/c.html")) {
            assertEquals(RequestRoute.Kind.ITEM, TABLE.route(path).kind(), path);
        }
    }

    @Test
    void theStrictestOfOverlappingRoutesCounts() {
        RouteTable table = RouteTable.of(List.of(
                ItemRoute.onBuild("input/*/proceedEmpty", Operation.RUN),
                ItemRoute.onBuild("input/Deploy/proceedEmpty", Operation.READ),
                ItemRoute.onBuild("input/*/abort", Operation.RUN),
                ItemRoute.onBuild("input/Deploy/abort", Operation.CHANGE)));
        assertEquals(
                Operation.RUN, table.route("/job/a/1/input/Deploy/proceedEmpty").operation("GET"));
        assertEquals(
                Operation.CHANGE,
                table.route("/job/a/1/input/Deploy/proceedEmpty").operation("POST"),
                "a route that reads changes when posted to, which is stricter than running");
        assertEquals(
                Operation.CHANGE, table.route("/job/a/1/input/Deploy/abort").operation("POST"));
        assertEquals(Operation.RUN, table.route("/job/a/1/input/Other/abort").operation("POST"));
    }

    @Test
    void aRequestNamesTheRoutesItTakes() {
        List<ItemRoute> taken =
                TABLE.route("/job/app/12/input/Deploy/proceedEmpty").routes();
        assertEquals(
                List.of(ItemRoute.onBuild("input/*/proceedEmpty", Operation.RUN).declaredBy("input")), taken);
        assertEquals("build/input/*/proceedEmpty (input): RUN", taken.get(0).toString());
        assertEquals(
                "core", TABLE.route("/job/app/12/consoleText").routes().get(0).origin());
        assertTrue(TABLE.route("/view/all/").routes().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "*/x",
                "**",
                "a/**/b",
                "job/x",
                "a/job",
                "a//b",
                "a/../b",
                "a/./b",
                "a/b*",
                "a\\b",
                "a;b",
                "/a",
                "a/",
                "parent/**",
                "a/run/x",
                "a/owner/**",
                "descriptorByName/x",
                "a/api/search",
                "a/api/json/x",
                "api/**"
            })
    void refusesPatternsThatAreNotExact(String pattern) {
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> ItemRoute.onItem(pattern, Operation.READ));
        assertTrue(refused.getMessage().contains("'" + pattern + "'"), refused.getMessage());
    }

    @Test
    void aRefusalNamesTheRouteThatDecided() {
        ItemRoute runs = ItemRoute.onBuild("input/*/proceedEmpty", Operation.RUN);
        ItemRoute reads = ItemRoute.onBuild("input/Deploy/proceedEmpty", Operation.READ);
        RequestRoute route = RouteTable.of(List.of(runs, reads)).route("/job/a/1/input/Deploy/proceedEmpty");
        assertEquals(runs, route.routeDeciding("GET"), "a GET runs, by the route that runs");
        assertEquals(reads, route.routeDeciding("POST"), "a POST changes, by the route whose method makes it a change");
        assertEquals(null, TABLE.route("/view/all/").routeDeciding("POST"));
    }

    @Test
    void aWebMethodNamedLikeAWayOutMayEndAPattern() {
        assertEquals(
                Operation.CHANGE,
                RouteTable.of(List.of(ItemRoute.onBuild("replay/run", Operation.CHANGE)))
                        .route("/job/a/1/replay/run")
                        .operation("POST"));
        assertEquals(
                RequestRoute.Kind.ITEM,
                TABLE.route("/job/app/12/input/_Deploy.2/proceedEmpty").kind(),
                "an id in the characters Pipeline allows");
    }

    @Test
    void coreRoutesAreTheTableOfCore() {
        assertEquals(CoreRoutes.all(), RouteTable.core().routes());
        assertTrue(CoreRoutes.all().stream().allMatch(route -> route.origin().equals(CoreRoutes.ORIGIN)));
    }
}
