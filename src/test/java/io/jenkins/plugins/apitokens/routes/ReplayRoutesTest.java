package io.jenkins.plugins.apitokens.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.hudson.plugins.folder.Folder;
import hudson.model.Item;
import io.jenkins.plugins.apitokens.RawHttp;
import io.jenkins.plugins.apitokens.engine.NewToken;
import io.jenkins.plugins.apitokens.engine.Scope;
import java.util.Map;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.replay.ReplayCause;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Replaying a Pipeline build (workflow-cps' {@code replay} action) through limited tokens over real HTTP. Replay runs a
 * new script as the job, so its routes are declared as changing the job: a full token limited to the job replays with
 * an edited script ({@code replay/run}) and rebuilds ({@code replay/rebuild}), and the builds run what was asked; a
 * run-builds token of the same job is refused both and the refusal names the route; a full token of another job is
 * refused; the action's {@code owner} (the build, then its folder) is refused, though it leads out for an unlimited
 * token of the same user.
 */
@WithJenkins
class ReplayRoutesTest {

    private static final String ORIGINAL = "the original script ran";
    private static final String REPLAYED = "replayed";
    private static final String EDITED = "{\"mainScript\":\"echo '" + REPLAYED + "'\"}";

    private JenkinsRule r;
    private ScriptingUser alice;
    private WorkflowJob app;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        // Item.CONFIGURE implies ReplayAction.REPLAY.
        alice = ScriptingUser.alice(r, Jenkins.READ, Item.READ, Item.DISCOVER, Item.BUILD, Item.CANCEL, Item.CONFIGURE);
        Folder team = r.jenkins.createProject(Folder.class, "team");
        app = team.createProject(WorkflowJob.class, "app");
        app.setDefinition(new CpsFlowDefinition("echo '" + ORIGINAL + "'", true));
        WorkflowJob other = team.createProject(WorkflowJob.class, "other");
        other.setDefinition(new CpsFlowDefinition("echo 'other'", true));
        r.assertLogContains(ORIGINAL, r.buildAndAssertSuccess(app));
    }

    private static String what(String path, RawHttp.Reply reply) {
        return path + " -> " + reply.status() + " " + reply.body();
    }

    private RawHttp.Reply assertRefused(String path, NewToken token, Map<String, String> form) throws Exception {
        return ScriptingUser.assertRefused(alice.post(path, token, form), path);
    }

    /** The recipe: a full token limited to the job replays build 1 with an edited script, then rebuilds it. */
    @Test
    void aFullTokenOfTheJobReplaysWithAnEditedScriptAndRebuilds() throws Exception {
        NewToken token = alice.mint(Scope.FULL, "team/app");

        // ReplayAction.doRun reads the form's "json" field (getSubmittedForm) and redirects to the job.
        RawHttp.Reply replayed = alice.post("job/team/job/app/1/replay/run", token, Map.of("json", EDITED));
        assertEquals(302, replayed.status(), what("replay/run", replayed));
        r.waitUntilNoActivity();
        WorkflowRun second = app.getBuildByNumber(2);
        assertNotNull(second, "the replay queued build 2");
        r.assertBuildStatusSuccess(second);
        r.assertLogContains(REPLAYED, second);
        r.assertLogNotContains(ORIGINAL, second);
        assertNotNull(second.getCause(ReplayCause.class), "build 2 is a replay");

        RawHttp.Reply rebuilt = alice.post("job/team/job/app/1/replay/rebuild", token, Map.of());
        assertEquals(302, rebuilt.status(), what("replay/rebuild", rebuilt));
        r.waitUntilNoActivity();
        WorkflowRun third = app.getBuildByNumber(3);
        assertNotNull(third, "the rebuild queued build 3");
        r.assertBuildStatusSuccess(third);
        r.assertLogContains(ORIGINAL, third);
        assertNotNull(third.getCause(ReplayCause.class), "build 3 is a replay of build 1's own script");
    }

    /**
     * A run-builds token of the job: both replay routes refused as changes, naming the route; it still starts builds.
     * A full token of the sibling job: refused. No refused request starts a build.
     */
    @Test
    void replayNeedsAFullTokenOfTheJob() throws Exception {
        NewToken runner = alice.mint(Scope.RUN_BUILDS, "team/app");
        RawHttp.Reply run = assertRefused("job/team/job/app/1/replay/run", runner, Map.of("json", EDITED));
        assertTrue(run.body().contains("'replay/run'"), run.body());
        assertTrue(run.body().contains("workflow-cps"), run.body());
        assertTrue(run.body().contains("changes something"), run.body());
        RawHttp.Reply rebuild = assertRefused("job/team/job/app/1/replay/rebuild", runner, Map.of());
        assertTrue(rebuild.body().contains("'replay/rebuild'"), rebuild.body());
        assertTrue(rebuild.body().contains("changes something"), rebuild.body());

        NewToken sibling = alice.mint(Scope.FULL, "team/other");
        RawHttp.Reply outside = assertRefused("job/team/job/app/1/replay/run", sibling, Map.of("json", EDITED));
        assertTrue(outside.body().contains("limited to team/other"), outside.body());
        assertRefused("job/team/job/app/1/replay/rebuild", sibling, Map.of());

        r.waitUntilNoActivity();
        assertEquals(1, app.getLastBuild().getNumber(), "no refused request started a build");
        // The run-builds token does run builds of its job: the refusals above are about replay.
        RawHttp.Reply built = alice.post("job/team/job/app/build?delay=0", runner, Map.of());
        assertEquals(201, built.status(), what("build", built));
        r.waitUntilNoActivity();
        assertEquals(2, app.getLastBuild().getNumber());
        r.assertLogContains(ORIGINAL, app.getLastBuild());
    }

    /** The action's owner is the build, whose job's folder holds the sibling: refused, and a real way out. */
    @Test
    void theReplayActionsOwnerLeadsOutAndIsRefused() throws Exception {
        NewToken limited = alice.mint(Scope.FULL, "team/app");
        NewToken unlimited = alice.mint(Scope.FULL, "");
        String path = "job/team/job/app/1/replay/owner/parent/parent/job/other/api/json";

        RawHttp.Reply refused = ScriptingUser.assertRefused(alice.send("GET", path, limited), path);
        assertTrue(refused.body().contains("limited to team/app"), what(path, refused));

        RawHttp.Reply escaped = alice.send("GET", path, unlimited);
        assertEquals(200, escaped.status(), "unlimited: " + what(path, escaped));
        assertTrue(escaped.body().contains("\"fullName\":\"team/other\""), escaped.body());
    }
}
