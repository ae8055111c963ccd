package io.jenkins.plugins.apitokens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The routes declared for other plugins, against what the review of their sources found: the recipes' requests lead
 * into the item with the operation Jenkins checks, and every route found leading out of it (or below an exact shape)
 * stays outside. The same requests are tried on a real Jenkins with the real plugins in the {@code routes} tests.
 */
class PluginRoutesTest {

    private static final RouteTable TABLE = RouteTable.of(PluginRoutes.withCore());

    @ParameterizedTest
    @CsvSource({
        // pipeline-input-step: approving and aborting run builds, whatever the method
        "POST, /job/team/job/app/7/input/Deploy/proceedEmpty, RUN, pipeline-input-step",
        "POST, /job/team/job/app/7/input/Deploy/proceed, RUN, pipeline-input-step",
        "POST, /job/team/job/app/7/input/Deploy/submit, RUN, pipeline-input-step",
        "POST, /job/team/job/app/lastBuild/input/Deploy/abort, RUN, pipeline-input-step",
        "POST, /job/team/job/app/7/input/7f3a9c/abort, RUN, pipeline-input-step",
        // Stage View
        "GET, /job/team/job/app/wfapi/runs, READ, pipeline-rest-api",
        "GET, /job/team/job/app/7/wfapi/describe, READ, pipeline-rest-api",
        "GET, /job/team/job/app/7/wfapi/pendingInputActions, READ, pipeline-rest-api",
        "POST, /job/team/job/app/7/wfapi/inputSubmit, RUN, pipeline-rest-api",
        "GET, /job/team/job/app/7/execution/node/12/wfapi/log, READ, pipeline-rest-api",
        "POST, /job/team/job/app/7/wfapi/changesets, CHANGE, pipeline-rest-api",
        // step logs
        "GET, /job/team/job/app/7/execution/node/12/log, READ, workflow-job",
        "GET, /job/team/job/app/7/execution/node/12/log/logText/progressiveText, READ, workflow-job",
        "GET, /job/team/job/app/7/flowGraphTable, READ, workflow-job",
        // badges
        "GET, /job/team/job/app/badge/icon, READ, embeddable-build-status",
        "GET, /job/team/job/app/lastBuild/badge/icon.svg, READ, embeddable-build-status",
        // multibranch and organisation folders: the scan is core's build
        "POST, /job/team/job/repo/build, RUN, core",
        "GET, /job/team/job/repo/indexing/consoleText, READ, branch-api",
        "POST, /job/team/job/repo/indexing/stop, RUN, branch-api",
        "GET, /job/org/computation/eventsText/progressiveText, READ, cloudbees-folder",
        "GET, /job/team/job/repo/job/feature%252Fx/3/consoleText, READ, core",
        // replay and restart from a stage: a change of the job
        "POST, /job/team/job/app/7/replay/run, CHANGE, workflow-cps",
        "POST, /job/team/job/app/7/replay/rebuild, CHANGE, workflow-cps",
        "GET, /job/team/job/app/7/replay/rebuild, CHANGE, workflow-cps",
        "POST, /job/team/job/app/7/restart/restartPipeline, CHANGE, pipeline-model-definition",
        "GET, /job/team/job/app/7/restart/api/json, READ, pipeline-model-definition"
    })
    void theRecipesLeadIntoTheItem(String method, String path, Operation operation, String origin) {
        RequestRoute route = TABLE.route(path);
        assertEquals(RequestRoute.Kind.ITEM, route.kind(), path);
        assertEquals(operation, route.operation(method), path);
        assertTrue(route.routes().stream().anyMatch(taken -> taken.origin().equals(origin)), path);
    }

    /** What the review of the plugins' sources found leading out of the item, and spellings beside the exact shapes. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "/job/A/1/input/run/parent/parent/job/B/build",
                "/job/A/1/input/run/abort",
                "/job/A/1/input/Ok/run/parent/parent/job/B/1/input/Ok/proceedEmpty",
                "/job/A/1/input/Ok/run/executor/",
                "/job/A/1/input/run/descriptorByName/hudson.model.FreeStyleProject/checkNewName",
                "/job/A/1/input/execution/Ok/abort",
                "/job/A/1/input/Ok/abort/x",
                "/job/A/1/input/Ok",
                "/job/A/1/input",
                "/job/A/1/input/api/json",
                "/job/A/1/INPUT/Ok/abort",
                "/job/A/workflow-stage/target/parent/job/B/config.xml",
                "/job/A/workflow-stage",
                "/job/A/wfapi/target/parent/job/B/api/json",
                "/job/A/1/wfapi/target/executor/",
                "/job/A/1/wfapi/log",
                "/job/A/1/execution",
                "/job/A/1/execution/node/5",
                "/job/A/1/execution/node/5/descriptor/checkScript",
                "/job/A/1/execution/node/5/search/suggest",
                "/job/A/1/execution/node/5/log/node/search",
                "/job/A/1/execution/node/5/action/0/",
                "/job/A/1/execution/node/5/ws/",
                "/job/A/1/execution/node/endNode/wfapi/log",
                "/job/A/1/execution/owner/executable/",
                "/job/A/1/execution/node/5/wfapi/log/x",
                "/job/A/1/flowGraphTable/run/parent/parent/job/B/1/consoleText",
                "/job/A/1/flowGraph/run/",
                "/job/A/badge/project/parent/job/B/api/json",
                "/job/A/1/badge/run/parent/parent/job/B/config.xml",
                "/job/A/1/badge/run/executor/",
                "/job/A/badge/text",
                "/job/A/badge/icon/x",
                "/job/A/badge",
                "/buildStatus/icon",
                "/buildStatus/text",
                "/job/MB/indexing/parent/parent/job/B/api/json",
                "/job/MB/computation/parent/view/all/people/",
                "/job/MB/indexing/ajaxExecutors",
                "/job/MB/indexing/search",
                "/job/MB/indexing",
                "/job/MB/indexing/api/json",
                "/job/MB/lastSuccessfulBuild/parent/parent/job/B/",
                "/job/MB/branch/feature%252Fx/",
                "/job/MB/itemByBranchName/feature/",
                "/job/A/1/replay/owner/parent/parent/job/B/build",
                "/job/A/1/replay",
                "/job/A/1/restart/owner/executor/",
                "/job/A/1/restart/api/search",
                "/job/A/1/restart/api/json/x",
                "/job/A/1/replay/rebuild/x",
                "/job/A/1/restart/restart/anything"
            })
    void whatLeadsOutStaysOutside(String path) {
        assertEquals(RequestRoute.Kind.ELSEWHERE, TABLE.route(path).kind(), path);
    }

    @Test
    void everyPluginDeclaresRoutesUnderItsOwnName() {
        for (PluginRoutes plugin : PluginRoutes.values()) {
            assertTrue(!plugin.routes().isEmpty(), plugin.name());
            assertTrue(plugin.routes().stream().allMatch(route -> route.origin().equals(plugin.plugin())));
        }
        assertEquals(
                CoreRoutes.all().size()
                        + List.of(PluginRoutes.values()).stream()
                                .mapToInt(plugin -> plugin.routes().size())
                                .sum(),
                TABLE.routes().size());
    }
}
