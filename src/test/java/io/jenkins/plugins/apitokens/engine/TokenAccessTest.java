package io.jenkins.plugins.apitokens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jenkins.plugins.apitokens.engine.TokenAccess.Decision;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenAccessTest {

    /**
     * Queue item 5 builds team/app, 6 builds team/other; 7 is unknown (gone, or not visible to the user). The folders
     * are team and repo.
     */
    private static final TokenAccess.Items ITEMS = new TokenAccess.Items() {
        @Override
        public List<String> ownerOfQueueItem(long id) {
            return Map.of(5L, List.of("team", "app"), 6L, List.of("team", "other"))
                    .get(id);
        }

        @Override
        public boolean isFolder(List<String> item) {
            return item.equals(List.of("team")) || item.equals(List.of("repo"));
        }
    };

    private static final Reach TEAM_APP = Reach.parse("team/app");

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @CsvSource({
        // scope, reach, method, path, decision
        "FULL,       '',       POST, /scriptText,                        ALLOWED",
        "READ_ONLY,  '',       GET,  /manage/,                           ALLOWED",
        "READ_ONLY,  '',       POST, /job/app/build,                     SCOPE_REFUSES",
        "RUN_BUILDS, '',       POST, /job/app/build,                     ALLOWED",
        "RUN_BUILDS, '',       POST, /job/app/12/stop,                   ALLOWED",
        "RUN_BUILDS, '',       POST, /queue/cancelItem,                  ALLOWED",
        "RUN_BUILDS, '',       POST, /job/app/configSubmit,              SCOPE_REFUSES",
        // Elsewhere, a run's name makes a GET a run, never a POST: Stapler calls the first do-action on the path.
        "RUN_BUILDS, '',       POST, /view/all/job/app/build,            SCOPE_REFUSES",
        "RUN_BUILDS, '',       GET,  /view/all/job/app/build,            ALLOWED",
        "RUN_BUILDS, '',       POST, /job/app/doDelete/build,            SCOPE_REFUSES",
        "RUN_BUILDS, '',       POST, /job/app/config.xml/stop,           SCOPE_REFUSES",
        "RUN_BUILDS, '',       POST, /job/app/1/replay/run/build,        SCOPE_REFUSES",
        "RUN_BUILDS, '',       POST, /scriptText/kill,                   SCOPE_REFUSES",
        "RUN_BUILDS, '',       POST, /job/app/../../scriptText,          NOT_UNDERSTOOD",
        "READ_ONLY,  '',       GET,  /job/app/build/x,                   SCOPE_REFUSES",
        "READ_ONLY,  '',       GET,  /job/app//build,                    NOT_UNDERSTOOD",
        "RUN_BUILDS, '',       GET,  /computer/,                         ALLOWED",
        "RUN_BUILDS, team/app, POST, /job/team/job/app/buildWithParameters, ALLOWED",
        "RUN_BUILDS, team/app, GET,  /job/team/job/app/lastBuild/api/json, ALLOWED",
        "RUN_BUILDS, team/app, GET,  /job/TEAM/job/App/,                 OUTSIDE_REACH",
        "READ_ONLY,  '',       GET,  /job/app/build,                     SCOPE_REFUSES",
        "READ_ONLY,  '',       GET,  /view/all/job/app/buildWithParameters, SCOPE_REFUSES",
        "READ_ONLY,  team/app, GET,  /job/team/job/app/build,            SCOPE_REFUSES",
        "FULL,       team,     POST, /job/team/config.xml,               FOLDER_CHANGE",
        "FULL,       team,     POST, /job/team/doDelete,                 FOLDER_CHANGE",
        "FULL,       team,     GET,  /job/team/config.xml,               ALLOWED",
        "FULL,       team/app, GET,  /job/team/job/app/12/parameters/parameter/p/run/consoleText, OUTSIDE_REACH",
        "FULL,       team/app, GET,  /job/team/job/app/api/search/suggest, OUTSIDE_REACH",
        "RUN_BUILDS, team/app, POST, /job/team/job/app/config.xml,       SCOPE_REFUSES",
        "RUN_BUILDS, team/app, POST, /job/team/job/other/build,          OUTSIDE_REACH",
        "RUN_BUILDS, team/app, GET,  /job/team/,                         OUTSIDE_REACH",
        "RUN_BUILDS, team/app, GET,  /job/team/job/app2/,                OUTSIDE_REACH",
        "RUN_BUILDS, team/app, GET,  /,                                  OUTSIDE_REACH",
        "RUN_BUILDS, team/app, GET,  /view/all/job/team/job/app/,        OUTSIDE_REACH",
        "RUN_BUILDS, team/app, GET,  /queue/item/5/api/json,             ALLOWED",
        "RUN_BUILDS, team/app, POST, /queue/item/5/cancelQueue,          ALLOWED",
        "RUN_BUILDS, team/app, GET,  /queue/item/6/api/json,             OUTSIDE_REACH",
        "RUN_BUILDS, team/app, GET,  /queue/item/7/api/json,             OUTSIDE_REACH",
        "RUN_BUILDS, team/app, GET,  /job/team/job/app/%2e%2e/%2e%2e/,   NOT_UNDERSTOOD",
        "READ_ONLY,  team/app, GET,  /job/team/job/app/12/consoleText,   ALLOWED",
        "READ_ONLY,  repo/feature%2Fx, GET, /job/repo/job/feature%252Fx/lastBuild/api/json, ALLOWED",
        "READ_ONLY,  team/app, GET,  /job/team/job/app%252F..%252Fother/, OUTSIDE_REACH",
        "READ_ONLY,  team/app, POST, /job/team/job/app/build,            SCOPE_REFUSES",
        "FULL,       team/app, POST, /job/team/job/app/configSubmit,     ALLOWED",
        "FULL,       team/app, POST, /job/team/job/app/12/executor/owner/scriptText, OUTSIDE_REACH",
        "FULL,       team,     POST, /job/team/job/app/doDelete,         ALLOWED",
        "FULL,       team,     POST, /job/team/createItem,               OUTSIDE_REACH",
        "FULL,       team,     POST, /scriptText,                        OUTSIDE_REACH"
    })
    void decides(Scope scope, String reach, String method, String path, Decision expected) {
        assertEquals(
                expected,
                TokenAccess.decide(scope, Reach.parse(reach), method, path, () -> null, ITEMS, RouteTable::core));
    }

    @ParameterizedTest
    @CsvSource({"5, ALLOWED", "6, OUTSIDE_REACH", "7, OUTSIDE_REACH", "x, OUTSIDE_REACH", "'', OUTSIDE_REACH"})
    void cancellingByIdLooksUpTheQueueItemsOwner(String id, Decision expected) {
        assertEquals(
                expected,
                TokenAccess.decide(
                        Scope.RUN_BUILDS, TEAM_APP, "POST", "/queue/cancelItem", () -> id, ITEMS, RouteTable::core));
    }
}
