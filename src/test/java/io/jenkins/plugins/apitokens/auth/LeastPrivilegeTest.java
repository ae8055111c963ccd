package io.jenkins.plugins.apitokens.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.hudson.plugins.folder.Folder;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.Result;
import io.jenkins.plugins.apitokens.RawHttp;
import io.jenkins.plugins.apitokens.TokenApi;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.engine.NewToken;
import io.jenkins.plugins.apitokens.engine.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.SleepBuilder;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Tokens narrowed to a scope and to some folders and jobs, tried over real HTTP: what they may do succeeds, and every
 * other route to the same places (or anywhere else) is refused.
 */
@WithJenkins
class LeastPrivilegeTest {

    private static final String REFUSAL = "This API token";

    private JenkinsRule r;
    private Folder team;
    private FreeStyleProject app;
    private FreeStyleProject other;
    private FreeStyleProject outside;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ, Item.DISCOVER, Item.BUILD, Item.CANCEL, Item.CONFIGURE)
                .everywhere()
                .to("alice")
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin"));
        for (String id : List.of("alice", "admin")) {
            hudson.model.User.getById(id, true);
        }
        team = r.jenkins.createProject(Folder.class, "team");
        app = team.createProject(FreeStyleProject.class, "app");
        other = team.createProject(FreeStyleProject.class, "other");
        outside = r.createFreeStyleProject("outside");
        r.buildAndAssertSuccess(app);
    }

    private static NewToken mint(String user, Scope scope, String items) {
        return TokenApi.mint(user, user + " " + scope + " " + items, scope, items);
    }

    private RawHttp.Reply send(String method, String path, String user, NewToken token) throws Exception {
        return RawHttp.send(r.getURL(), method, path, user, token.value(), Map.of());
    }

    /** Each scope × reach against reads, builds and other changes inside and outside the reach. */
    @Test
    void eachScopeAndReachAllowsExactlyItsRequests() throws Exception {
        List<String[]> requests = List.of(
                new String[] {"GET", "job/team/job/app/api/json", "200"},
                new String[] {"POST", "job/team/job/app/build?delay=0sec", "201"},
                new String[] {"POST", "job/team/job/app/submitDescription?description=changed", "302"},
                new String[] {"GET", "job/team/job/other/api/json", "200"},
                new String[] {"POST", "job/team/job/other/build?delay=0sec", "201"},
                new String[] {"GET", "job/outside/api/json", "200"},
                new String[] {"POST", "job/outside/build?delay=0sec", "201"},
                // Core starts a build on a GET that carries the job's trigger token: a read-only token may not try.
                new String[] {"GET", "job/team/job/app/build?delay=0sec&token=guessed", "405"});
        // y: answered as Jenkins answers alice; n: refused by the token (403). One column per request above.
        Object[][] table = {
            {Scope.READ_ONLY, "team/app", "y n n n n n n n"},
            {Scope.RUN_BUILDS, "team/app", "y y n n n n n y"},
            {Scope.FULL, "team/app", "y y y n n n n y"},
            {Scope.READ_ONLY, "team", "y n n y n n n n"},
            {Scope.RUN_BUILDS, "team", "y y n y y n n y"},
            {Scope.FULL, "team", "y y y y y n n y"},
            {Scope.READ_ONLY, "", "y n n y n y n n"},
            {Scope.RUN_BUILDS, "", "y y n y y y y y"},
            {Scope.FULL, "", "y y y y y y y y"},
        };
        int checked = 0;
        for (Object[] row : table) {
            NewToken token = mint("alice", (Scope) row[0], (String) row[1]);
            String[] expected = ((String) row[2]).split(" ");
            for (int i = 0; i < requests.size(); i++) {
                String[] request = requests.get(i);
                RawHttp.Reply reply = send(request[0], request[1], "alice", token);
                String what = row[0] + " in '" + row[1] + "': " + request[0] + " " + request[1] + " -> "
                        + reply.status() + " " + reply.body();
                if (expected[i].equals("y")) {
                    assertEquals(Integer.parseInt(request[2]), reply.status(), what);
                } else {
                    assertEquals(403, reply.status(), what);
                    assertTrue(reply.body().contains(REFUSAL), what);
                }
                checked++;
            }
        }
        assertEquals(72, checked);
        r.waitUntilNoActivity();
    }

    /**
     * Outside the routes of the table, a run's name does not make a POST a run: Stapler calls the first do-action on
     * the path, so {@code doDelete/build} deletes and {@code config.xml/stop} configures. A run-builds token that works
     * everywhere is refused both, and the script console; a GET naming a run is still a run (a read-only token may not
     * start a build through a view).
     */
    @Test
    void aRunsNameAfterAnotherActionIsNoRun() throws Exception {
        NewToken runner = mint("alice", Scope.RUN_BUILDS, "");
        for (String path : List.of(
                "job/team/job/app/doDelete/build",
                "job/team/job/app/config.xml/stop",
                "job/team/job/app/disable/kill",
                "view/all/job/team/job/app/build?delay=0sec")) {
            RawHttp.Reply reply = send("POST", path, "alice", runner);
            assertEquals(403, reply.status(), path + " " + reply.body());
            assertTrue(reply.body().contains(REFUSAL), reply.body());
        }
        assertNotNull(team.getItem("app"), "not deleted");
        assertTrue(app.isBuildable(), "not disabled");
        RawHttp.Reply console =
                send("POST", "scriptText/kill?script=println(1)", "admin", mint("admin", Scope.RUN_BUILDS, ""));
        assertEquals(403, console.status(), console.body());
        RawHttp.Reply throughAView =
                send("GET", "view/all/job/team/job/app/build?delay=0sec", "alice", mint("alice", Scope.READ_ONLY, ""));
        assertEquals(403, throughAView.status(), throughAView.body());
        assertEquals(
                201,
                send("POST", "job/team/job/app/build?delay=0sec", "alice", runner)
                        .status(),
                "the run itself, by its route");
        r.waitUntilNoActivity();
    }

    /** The recipe of the user guide: start a build, follow its queue item to the build, read its result and log. */
    @Test
    void aRunBuildsTokenStartsFollowsAndReadsItsBuild() throws Exception {
        NewToken token = mint("alice", Scope.RUN_BUILDS, "team/app");
        RawHttp.Reply started = send("POST", "job/team/job/app/build?delay=0sec", "alice", token);
        assertEquals(201, started.status(), started.body());
        r.waitUntilNoActivity();
        Queue.Item left = r.jenkins.getQueue().getItem(lastQueueId());
        assertNotNull(left, "core keeps a left queue item for a while");
        RawHttp.Reply item = send("GET", "queue/item/" + left.getId() + "/api/json", "alice", token);
        assertEquals(200, item.status(), item.body());
        assertTrue(item.body().contains("\"executable\""), item.body());
        Matcher number = Pattern.compile("\"number\":(\\d+)").matcher(item.body());
        assertTrue(number.find(), item.body());
        RawHttp.Reply build =
                send("GET", "job/team/job/app/" + number.group(1) + "/api/json?tree=result", "alice", token);
        assertEquals(200, build.status());
        assertTrue(build.body().contains("\"result\":\"SUCCESS\""), build.body());
        assertEquals(
                200,
                send("GET", "job/team/job/app/lastBuild/consoleText", "alice", token)
                        .status());
    }

    /** Renamed or moved, an item keeps its tokens; a new item under the old name does not get them. */
    @Test
    void aLimitedTokenFollowsItsItemWhenItIsRenamedOrMoved() throws Exception {
        NewToken token = mint("alice", Scope.READ_ONLY, "team/app");
        team.renameTo("squad");
        assertEquals(
                200, send("GET", "job/squad/job/app/api/json", "alice", token).status());
        Folder impostor = r.jenkins.createProject(Folder.class, "team");
        impostor.createProject(FreeStyleProject.class, "app");
        assertEquals(
                403, send("GET", "job/team/job/app/api/json", "alice", token).status());

        Folder archive = r.jenkins.createProject(Folder.class, "archive");
        hudson.model.Items.move(app, archive);
        assertEquals(
                200, send("GET", "job/archive/job/app/api/json", "alice", token).status());
        assertEquals(
                List.of("archive/app"),
                TokenEngine.get()
                        .service()
                        .get("alice", token.token().id())
                        .reach()
                        .items());
    }

    /** A token limited to a deleted job lets go of it: alone, it is revoked; beside other items, it keeps those. */
    @Test
    void aDeletedItemLeavesNoTokenReachingItsSuccessor() throws Exception {
        NewToken onlyApp = mint("alice", Scope.READ_ONLY, "team/app");
        NewToken appAndOther = mint("alice", Scope.READ_ONLY, "team/app, team/other");
        app.delete();
        team.createProject(FreeStyleProject.class, "app");
        assertEquals(
                401, send("GET", "job/team/job/app/api/json", "alice", onlyApp).status(), "revoked");
        assertEquals(
                403,
                send("GET", "job/team/job/app/api/json", "alice", appAndOther).status());
        assertEquals(
                200,
                send("GET", "job/team/job/other/api/json", "alice", appAndOther).status());
        assertEquals(
                List.of("team/other"),
                TokenEngine.get()
                        .service()
                        .get("alice", appAndOther.token().id())
                        .reach()
                        .items());
    }

    /** A full token limited to a folder may change the jobs in it, not the folder, whose configuration holds credentials. */
    @Test
    void aFullTokenLimitedToAFolderChangesItsJobsButNotTheFolder() throws Exception {
        NewToken token = mint("admin", Scope.FULL, "team");
        RawHttp.Reply job = send("POST", "job/team/job/app/submitDescription?description=changed", "admin", token);
        assertEquals(302, job.status(), job.body());
        assertEquals("changed", app.getDescription());
        RawHttp.Reply folder = send("POST", "job/team/submitDescription?description=changed", "admin", token);
        assertEquals(403, folder.status());
        assertTrue(folder.body().contains("not folders"), folder.body());
        assertEquals(200, send("GET", "job/team/config.xml", "admin", token).status(), "reading it is fine");
    }

    private long lastQueueId() {
        return app.getLastBuild().getQueueId();
    }

    @Test
    void aRunBuildsTokenCancelsItsQueueItemsAndStopsItsBuildsOnly() throws Exception {
        NewToken token = mint("alice", Scope.RUN_BUILDS, "team/app");
        app.scheduleBuild2(600);
        other.scheduleBuild2(600);
        Queue.Item mine = queued(app);
        Queue.Item theirs = queued(other);
        assertNotNull(mine);
        assertNotNull(theirs);

        RawHttp.Reply peek = send("GET", "queue/item/" + theirs.getId() + "/api/json", "alice", token);
        assertEquals(403, peek.status(), peek.body());
        RawHttp.Reply cancelTheirs = send("POST", "queue/cancelItem?id=" + theirs.getId(), "alice", token);
        assertEquals(403, cancelTheirs.status(), cancelTheirs.body());
        RawHttp.Reply cancelTheirsOldWay =
                send("POST", "queue/item/" + theirs.getId() + "/cancelQueue", "alice", token);
        assertEquals(403, cancelTheirsOldWay.status());
        assertNotNull(r.jenkins.getQueue().getItem(other), "the other job's queue item is still there");

        RawHttp.Reply cancelMine = send("POST", "queue/cancelItem?id=" + mine.getId(), "alice", token);
        assertEquals(204, cancelMine.status(), cancelMine.body());
        assertNull(r.jenkins.getQueue().getItem(app), "its own queue item is cancelled");
        r.jenkins.getQueue().cancel(theirs);

        FreeStyleProject slow = team.createProject(FreeStyleProject.class, "slow");
        slow.getBuildersList().add(new SleepBuilder(600_000));
        NewToken slowToken = mint("alice", Scope.RUN_BUILDS, "team/slow");
        FreeStyleBuild running = slow.scheduleBuild2(0).waitForStart();
        RawHttp.Reply stop = send("POST", "job/team/job/slow/" + running.getNumber() + "/stop", "alice", slowToken);
        assertTrue(stop.status() < 400, stop.status() + " " + stop.body());
        r.assertBuildStatus(Result.ABORTED, r.waitForCompletion(running));
    }

    private Queue.Item queued(FreeStyleProject project) {
        return r.jenkins.getQueue().getItem(project);
    }

    /**
     * Every route found to other items, to the whole of Jenkins or to credentials, tried with an administrator's full
     * token and a user's run-builds token, both limited to {@code team/app}: each is refused, by the token check
     * (403) or, for a path the container will not even read, by the container (400).
     */
    @Test
    void everyOtherRouteIsRefused() throws Exception {
        other.scheduleBuild2(600);
        Queue.Item theirs = queued(other);
        assertNotNull(theirs);
        long otherQueue = theirs.getId();
        List<String[]> routes = List.of(
                new String[] {"GET", ""},
                new String[] {"GET", "api/json?tree=jobs[name]"},
                new String[] {"GET", "view/all/job/team/job/app/"},
                new String[] {"GET", "view/all/job/team/job/other/api/json"},
                new String[] {"GET", "me/my-views/view/all/job/team/job/other/api/json"},
                new String[] {"GET", "user/alice/my-views/view/all/"},
                new String[] {"GET", "computer/(built-in)/builds"},
                new String[] {"GET", "computer/api/json"},
                new String[] {"GET", "queue/api/json"},
                new String[] {"GET", "queue/item/" + otherQueue + "/api/json"},
                new String[] {"POST", "queue/cancelItem?id=" + otherQueue},
                new String[] {"POST", "queue/item/" + otherQueue + "/cancelQueue"},
                new String[] {"GET", "job/team/job/app/descriptorByName/hudson.tasks.Shell/checkCommand?value=x"},
                new String[] {"GET", "descriptorByName/hudson.tasks.Shell/checkCommand?value=x"},
                new String[] {"GET", "search/?q=other"},
                new String[] {"GET", "search/suggest?query=oth"},
                new String[] {"GET", "manage/"},
                new String[] {"GET", "script"},
                new String[] {"POST", "scriptText?script=System.setProperty('pwned','1')"},
                new String[] {"POST", "job/team/job/app/../../../scriptText?script=System.setProperty('pwned','1')"},
                new String[] {
                    "POST", "job/team/job/app/%2e%2e/%2e%2e/%2e%2e/scriptText?script=System.setProperty('pwned','1')"
                },
                new String[] {
                    "POST",
                    "job/team/job/app/lastBuild/executor/owner/scriptText?script=System.setProperty('pwned','1')"
                },
                new String[] {"POST", "cli?remoting=false"},
                new String[] {"GET", "cli/ws"},
                new String[] {"GET", "job/team/"},
                new String[] {"GET", "job/team/api/json?tree=jobs[name]"},
                new String[] {"GET", "job/team/job/other/api/json"},
                new String[] {"POST", "job/team/job/other/build?delay=0sec"},
                new String[] {"GET", "job/team/job/app/../other/api/json"},
                new String[] {"GET", "job/team/job/app/%2e%2e/other/api/json"},
                new String[] {"GET", "job/team/job/app/%2E%2E%2Fother/api/json"},
                new String[] {"GET", "job/team/job/app;x=y/../other/api/json"},
                new String[] {"GET", "job/team/job/app/..;/other/api/json"},
                new String[] {"GET", "/job/team/job/other/api/json"},
                new String[] {"GET", "job/team//job/other/api/json"},
                new String[] {"GET", "job/team/job/app%2F..%2Fother/api/json"},
                new String[] {"GET", "job/team/job/app%252F..%252Fother/api/json"},
                new String[] {"GET", "job/team/job/app%5C..%5Cother/api/json"},
                new String[] {"GET", "job/team/job/app\\..\\other/api/json"},
                new String[] {"GET", "job/team/job/app/%zz/api/json"},
                new String[] {"GET", "JOB/team/JOB/other/api/json"},
                new String[] {"GET", "job/team/job/app/lastBuild/executor/owner/"},
                new String[] {"GET", "job/team/job/app/view/all/"},
                new String[] {"GET", "job/team/view/all/job/other/api/json"},
                new String[] {"GET", "job/team/job/app/credentials/"},
                new String[] {"POST", "user/alice/api-tokens/create?name=wider"},
                new String[] {"GET", "user/alice/api-tokens/"},
                new String[] {
                    "POST",
                    "user/alice/descriptorByName/jenkins.security.ApiTokenProperty/generateNewToken?newTokenName=wider"
                },
                new String[] {"GET", "credentials/"},
                new String[] {"GET", "asynchPeople/"},
                new String[] {"GET", "people/"},
                new String[] {"GET", "whoAmI/api/json"},
                new String[] {"GET", "securityRealm/"},
                new String[] {"GET", "pluginManager/api/json"},
                new String[] {"GET", "log/"},
                new String[] {"GET", "job/outside/api/json"},
                new String[] {"GET", "job/team/job/app/1/parameters/"},
                new String[] {"GET", "job/team/job/app/1/testReport/run/executor/owner/config.xml"},
                new String[] {"GET", "job/team/job/app/api/search/suggest?query=o"},
                new String[] {"GET", "job/team/job/app/1/api/json/extra"},
                new String[] {"GET", "job/team/job/app/workflow-stage/target/parent/job/other/api/json"},
                new String[] {"POST", "job/team/config.xml"},
                new String[] {"POST", "job/team/doDelete"},
                new String[] {"POST", "job/team/createItem?name=x&mode=copy&from=/outside"});
        int tried = 0;
        int byToken = 0;
        int byContainer = 0;
        List<String> outcomes = new ArrayList<>();
        for (String user : List.of("admin", "alice")) {
            NewToken token = mint(user, user.equals("admin") ? Scope.FULL : Scope.RUN_BUILDS, "team/app");
            for (String[] route : routes) {
                Map<String, String> headers = route[1].equals("cli/ws")
                        ? Map.of(
                                "Upgrade",
                                "websocket",
                                "Connection",
                                "Upgrade",
                                "Sec-WebSocket-Version",
                                "13",
                                "Sec-WebSocket-Key",
                                "dGhlIHNhbXBsZSBub25jZQ==")
                        : Map.of();
                RawHttp.Reply reply = RawHttp.send(r.getURL(), route[0], route[1], user, token.value(), headers);
                String what = user + ": " + route[0] + " " + route[1] + " -> " + reply.status();
                outcomes.add(what);
                tried++;
                if (reply.status() == 403 && reply.body().contains(REFUSAL)) {
                    byToken++;
                } else if (reply.status() == 400) {
                    byContainer++;
                } else {
                    throw new AssertionError("not refused: " + what + "\n" + reply.body());
                }
            }
            // What it may do still works: the refusals are not a token refused altogether.
            assertEquals(
                    200, send("GET", "job/team/job/app/api/json", user, token).status());
        }
        System.out.println("Limited tokens: " + tried + " requests on " + routes.size() + " routes, "
                + (byToken + byContainer) + " refused (" + byToken + " by the token check, " + byContainer
                + " by the container)\n" + String.join("\n", outcomes));
        assertEquals(2 * routes.size(), byToken + byContainer);
        assertNull(System.getProperty("pwned"), "no script ran");
        assertEquals(0, other.getBuilds().size(), "the other job never ran");
        assertNull(r.jenkins.getItemByFullName("team/x"), "no item was copied in");
        assertEquals(
                2,
                TokenEngine.get().service().list("alice").size()
                        + TokenEngine.get().service().list("admin").size());
        r.jenkins.getQueue().cancel(theirs);
    }
}
