package io.jenkins.plugins.apitokens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestRouteTest {

    @ParameterizedTest
    @CsvSource({
        "/job/team/job/app/, team/app",
        "/job/team/job/app/api/json, team/app",
        "/job/team/job/app/lastBuild/consoleText, team/app",
        "/job/team/job/app/12/artifact/out/report.txt, team/app",
        "/job/team/job/app/12/logText/progressiveText, team/app",
        "/job/team/job/app/ws/src/Main.java, team/app",
        "/job/team/, team",
        "/job/team/job/my%20app/config.xml, team/my app",
        "/job/a+b/, a+b",
        "/job/repo/job/feature%252Fx/lastBuild/api/json, repo/feature%2Fx",
        "/job/app%252F..%252Fother/, app%2F..%2Fother"
    })
    void readsTheItemOfPathsIntoItems(String path, String item) {
        RequestRoute route = RouteTable.core().route(path);
        assertEquals(RequestRoute.Kind.ITEM, route.kind(), path);
        assertEquals(List.of(item.split("/")), route.item());
    }

    @ParameterizedTest
    @CsvSource({
        "/job/app/build, RUN, RUN",
        "/job/app/buildWithParameters, RUN, RUN",
        "/job/app/polling, RUN, RUN",
        "/job/app/12/stop, RUN, RUN",
        "/job/app/lastBuild/term, RUN, RUN",
        "/job/app/12/kill, RUN, RUN",
        "/queue/item/7/cancelQueue, RUN, RUN",
        "/queue/cancelItem, RUN, RUN",
        "/view/all/job/app/build, CHANGE, RUN",
        "/job/app/build/x, CHANGE, RUN",
        "/view/v/job/app/buildWithParameters/x, CHANGE, RUN",
        "/job/app/doDelete/build, CHANGE, RUN",
        "/job/app/configSubmit, CHANGE, READ",
        "/job/app/config.xml, CHANGE, READ",
        "/job/app/12/doDelete, CHANGE, READ",
        "/job/app/api/json, CHANGE, READ"
    })
    void tellsRunningBuildsFromOtherChangesWhateverTheMethod(String path, Operation whenPosted, Operation whenGot) {
        // Core starts a build on a GET that carries the job's trigger token: running builds is running builds.
        assertEquals(whenPosted, RouteTable.core().route(path).operation("POST"));
        assertEquals(whenGot, RouteTable.core().route(path).operation("GET"));
        assertEquals(whenGot, RouteTable.core().route(path).operation("HEAD"));
        assertEquals(
                whenPosted,
                RouteTable.core().route(path).operation("get"),
                "methods are spelled exactly, as Jenkins reads them");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/",
                "/api/json",
                "/view/all/job/app/",
                "/me/my-views/view/all/job/app/build",
                "/computer/agent/builds",
                "/queue/api/json",
                "/queue/item/7/task/",
                "/job/app/descriptorByName/hudson.tasks.Shell/checkCommand",
                "/job/app/view/all/job/other/",
                "/job/app/12/executor/owner/scriptText",
                "/job/app/12/execution/node/3/",
                "/job/app/api/search/suggest",
                "/job/app/api/json/extra",
                "/job/app/12/parameters/parameter/other/run/consoleText",
                "/job/app/12/testReport/run/executor/owner/",
                "/job/app/12/testReport/",
                "/job/app/wfapi/runs",
                "/job/app/12/logText/other",
                "/JOB/app/",
                "/job/app/API/json",
                "/job/app/credentials/store/folder/",
                "/job/app/script",
                "/job/app/build/extra",
                "/job/",
                "/user/alice/api-tokens/create",
                "/manage/",
                "/cli",
                "/search/?q=app",
                "/jobs/app/"
            })
    void knowsNothingElseAsInsideAnItem(String path) {
        assertEquals(RequestRoute.Kind.ELSEWHERE, RouteTable.core().route(path).kind(), path);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/job/app/../../script",
                "/job/app/%2e%2e/%2e%2e/script",
                "/job/app/./build",
                "/job/app;x=1/build",
                "/job//app/build",
                "/job/app%2F..%2F..%2Fscript/",
                "/job/app%5C..%5Cother/",
                "/job/app\\..\\other/",
                "/job/%zz/"
            })
    void cannotReadPathsWithTwoMeanings(String path) {
        assertEquals(RequestRoute.Kind.MALFORMED, RouteTable.core().route(path).kind(), path);
    }

    @Test
    void readsQueueItems() {
        RequestRoute route = RouteTable.core().route("/queue/item/42/api/json");
        assertEquals(RequestRoute.Kind.QUEUE_ITEM, route.kind());
        assertEquals(42, route.queueId());
        assertEquals(
                RequestRoute.Kind.QUEUE_ITEM_BY_PARAMETER,
                RouteTable.core().route("/queue/cancelItem").kind());
        assertEquals(
                RequestRoute.Kind.ELSEWHERE,
                RouteTable.core().route("/queue/item/x/").kind());
    }
}
