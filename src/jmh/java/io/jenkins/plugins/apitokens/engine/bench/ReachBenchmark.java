package io.jenkins.plugins.apitokens.engine.bench;

import io.jenkins.plugins.apitokens.engine.PluginRoutes;
import io.jenkins.plugins.apitokens.engine.Reach;
import io.jenkins.plugins.apitokens.engine.RouteTable;
import io.jenkins.plugins.apitokens.engine.Scope;
import io.jenkins.plugins.apitokens.engine.TokenAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Deciding whether a request is within a token's scope and reach, as the request filter does for every request made
 * with one of the plugin's tokens: a full token that works everywhere (the fast path), and a run-builds token limited
 * to 1 or 50 items (the most a token may list) for a build's API, a queue item and a Pipeline input's approval of the
 * item listed last (every listed item is compared), and a refused route; with the largest route table the plugin
 * makes (core's routes and those of every plugin it knows, {@link PluginRoutes}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
public class ReachBenchmark {

    @Param({"1", "50"})
    public int listed;

    private Reach reach;
    /** A build's API of the item listed last, so that every listed item is compared. */
    private String buildApi;
    /** Approving a Pipeline input of a build of the item listed last: a route with a wildcard, five segments deep. */
    private String inputApproval;
    private TokenAccess.Items items;
    private RouteTable routes;

    @Setup
    public void setUp() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < listed; i++) {
            names.add("team/folder-" + (listed - 1 - i) + "/app");
        }
        reach = Reach.of(names);
        routes = RouteTable.of(PluginRoutes.withCore());
        String last = reach.items().get(reach.items().size() - 1);
        buildApi = "/job/" + last.replace("/", "/job/") + "/lastBuild/api/json";
        inputApproval = "/job/" + last.replace("/", "/job/") + "/12/input/Deploy/proceedEmpty";
        List<String> owner = List.of(last.split("/"));
        items = new TokenAccess.Items() {
            @Override
            public List<String> ownerOfQueueItem(long id) {
                return owner;
            }

            @Override
            public boolean isFolder(List<String> item) {
                return false;
            }
        };
    }

    private RouteTable routes() {
        return routes;
    }

    @Benchmark
    public TokenAccess.Decision fullEverywhere() {
        return TokenAccess.decide(
                Scope.FULL, Reach.EVERYWHERE, "POST", "/job/team/job/folder-0/job/app/build", () -> null, items, this::routes);
    }

    @Benchmark
    public TokenAccess.Decision limitedBuildApi() {
        return TokenAccess.decide(Scope.RUN_BUILDS, reach, "GET", buildApi, () -> null, items, this::routes);
    }

    @Benchmark
    public TokenAccess.Decision limitedInputApproval() {
        return TokenAccess.decide(Scope.RUN_BUILDS, reach, "POST", inputApproval, () -> null, items, this::routes);
    }

    @Benchmark
    public TokenAccess.Decision limitedQueueItem() {
        return TokenAccess.decide(Scope.RUN_BUILDS, reach, "GET", "/queue/item/1234/api/json", () -> null, items, this::routes);
    }

    @Benchmark
    public TokenAccess.Decision limitedRefused() {
        return TokenAccess.decide(
                Scope.RUN_BUILDS, reach, "GET", "/view/all/job/team/job/other/api/json", () -> null, items, this::routes);
    }
}
