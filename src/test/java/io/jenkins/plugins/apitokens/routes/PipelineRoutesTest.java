package io.jenkins.plugins.apitokens.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.hudson.plugins.folder.Folder;
import hudson.model.Item;
import hudson.model.Result;
import io.jenkins.plugins.apitokens.RawHttp;
import io.jenkins.plugins.apitokens.engine.NewToken;
import io.jenkins.plugins.apitokens.engine.Scope;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jenkins.model.Jenkins;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.support.steps.input.InputAction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The deploy-approval pattern and a Pipeline dashboard, with the real pipeline-input-step and Stage View over HTTP: a
 * run-builds token limited to the job approves, submits and aborts its inputs; a read-only token limited to the
 * folder reads Stage View, step logs and the step table. The same requests from a read-only token, from a token limited
 * to the sibling job, and through every getter the review of the plugins found leading out, are refused.
 */
@WithJenkins
class PipelineRoutesTest {

    private static final String SCRIPT = "stage('Build') { echo 'building app' }\n"
            + "stage('Deploy') {\n"
            + "  def version = input id: 'Deploy', message: 'Deploy?',"
            + " parameters: [string(name: 'VERSION', defaultValue: 'none')]\n"
            + "  echo \"deploying ${version}\"\n"
            + "}\n";

    private JenkinsRule r;
    private ScriptingUser alice;
    private WorkflowJob app;
    private WorkflowJob other;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        alice = ScriptingUser.alice(r, Jenkins.READ, Item.READ, Item.DISCOVER, Item.BUILD, Item.CANCEL);
        Folder team = r.jenkins.createProject(Folder.class, "team");
        app = team.createProject(WorkflowJob.class, "app");
        app.setDefinition(new CpsFlowDefinition(SCRIPT, true));
        other = team.createProject(WorkflowJob.class, "other");
        other.setDefinition(new CpsFlowDefinition(SCRIPT, true));
    }

    /** A build of {@code job} waiting at its input. */
    private static WorkflowRun waitingAtInput(WorkflowJob job) throws Exception {
        WorkflowRun run = job.scheduleBuild2(0).waitForStart();
        while (true) {
            InputAction input = run.getAction(InputAction.class);
            if (input != null && !input.getExecutions().isEmpty()) {
                return run;
            }
            if (!run.isBuilding()) {
                throw new AssertionError("ended before its input: " + JenkinsRule.getLog(run));
            }
            Thread.sleep(50); // polling, as JenkinsRule.waitForMessage does
        }
    }

    private static Map<String, String> version(String value) {
        return Map.of(
                "proceed",
                "Proceed",
                "json",
                new JSONObject()
                        .element(
                                "parameter",
                                new JSONArray()
                                        .element(new JSONObject()
                                                .element("name", "VERSION")
                                                .element("value", value)))
                        .toString());
    }

    @Test
    void aRunBuildsTokenLimitedToTheJobApprovesSubmitsAndAbortsItsInputs() throws Exception {
        NewToken bot = alice.mint(Scope.RUN_BUILDS, "team/app");
        String build = "job/team/job/app/";

        WorkflowRun first = waitingAtInput(app);
        RawHttp.Reply waiting =
                alice.send("GET", build + "lastBuild/api/json?tree=actions%5Bexecutions%5Bid,message%5D%5D", bot);
        assertEquals(200, waiting.status(), waiting.body());
        assertTrue(
                waiting.body().contains("\"id\":\"Deploy\""),
                "the waiting input, without Stage View: " + waiting.body());
        RawHttp.Reply approved = alice.post(build + first.getNumber() + "/input/Deploy/proceedEmpty", bot, Map.of());
        assertEquals(200, approved.status(), approved.body());
        r.assertBuildStatusSuccess(r.waitForCompletion(first));

        WorkflowRun second = waitingAtInput(app);
        RawHttp.Reply submitted = alice.post(build + second.getNumber() + "/input/Deploy/submit", bot, version("2.0"));
        assertEquals(302, submitted.status(), submitted.body());
        r.assertLogContains("deploying 2.0", r.assertBuildStatusSuccess(r.waitForCompletion(second)));

        WorkflowRun third = waitingAtInput(app);
        RawHttp.Reply proceeded = alice.post(build + third.getNumber() + "/input/Deploy/proceed", bot, version("3.0"));
        assertEquals(200, proceeded.status(), proceeded.body());
        r.assertLogContains("deploying 3.0", r.assertBuildStatusSuccess(r.waitForCompletion(third)));

        WorkflowRun fourth = waitingAtInput(app);
        RawHttp.Reply viaStageView =
                alice.post(build + fourth.getNumber() + "/wfapi/inputSubmit?inputId=Deploy", bot, version("4.0"));
        assertEquals(200, viaStageView.status(), viaStageView.body());
        r.assertLogContains("deploying 4.0", r.assertBuildStatusSuccess(r.waitForCompletion(fourth)));

        WorkflowRun fifth = waitingAtInput(app);
        RawHttp.Reply aborted = alice.post(build + "lastBuild/input/Deploy/abort", bot, Map.of());
        assertEquals(200, aborted.status(), aborted.body());
        r.assertBuildStatus(Result.ABORTED, r.waitForCompletion(fifth));
    }

    @Test
    void approvalsAreRefusedToReadOnlyTokensAndTokensOfTheSiblingJob() throws Exception {
        WorkflowRun waiting = waitingAtInput(app);
        String build = "job/team/job/app/" + waiting.getNumber();
        List<String> approvals = List.of(
                "/input/Deploy/proceedEmpty",
                "/input/Deploy/submit",
                "/input/Deploy/proceed",
                "/input/Deploy/abort",
                "/wfapi/inputSubmit?inputId=Deploy");
        int refused = 0;
        for (NewToken token : List.of(
                alice.mint(Scope.READ_ONLY, "team/app"),
                alice.mint(Scope.RUN_BUILDS, "team/other"),
                alice.mint(Scope.FULL, "team/other"))) {
            for (String approval : approvals) {
                ScriptingUser.assertRefused(alice.post(build + approval, token, version("9.9")), approval);
                refused++;
            }
        }
        assertEquals(15, refused);
        RawHttp.Reply readOnly =
                alice.post(build + "/input/Deploy/proceedEmpty", alice.mint(Scope.READ_ONLY, "team/app"), Map.of());
        assertTrue(
                readOnly.body().contains("'input/*/proceedEmpty' (declared by pipeline-input-step) runs builds"),
                readOnly.body());
        assertTrue(waiting.isBuilding(), "still waiting: nothing was approved");
        assertEquals(1, waiting.getAction(InputAction.class).getExecutions().size());
        alice.post(build + "/input/Deploy/abort", alice.mint(Scope.RUN_BUILDS, "team/app"), Map.of());
        r.assertBuildStatus(Result.ABORTED, r.waitForCompletion(waiting));
    }

    @Test
    void aReadOnlyTokenLimitedToTheFolderReadsStageViewAndStepLogs() throws Exception {
        WorkflowRun run = waitingAtInput(app);
        NewToken dashboard = alice.mint(Scope.READ_ONLY, "team");
        String job = "job/team/job/app/";

        RawHttp.Reply runs = alice.send("GET", job + "wfapi/runs", dashboard);
        assertEquals(200, runs.status(), runs.body());
        JSONObject latest = JSONArray.fromObject(runs.body()).getJSONObject(0);
        assertEquals("PAUSED_PENDING_INPUT", latest.getString("status"), runs.body());

        RawHttp.Reply pending = alice.send("GET", job + run.getNumber() + "/wfapi/pendingInputActions", dashboard);
        assertEquals(200, pending.status(), pending.body());
        assertEquals(
                "Deploy", JSONArray.fromObject(pending.body()).getJSONObject(0).getString("id"));

        RawHttp.Reply described = alice.send("GET", job + run.getNumber() + "/wfapi/describe", dashboard);
        assertEquals(200, described.status(), described.body());
        String stageId = JSONObject.fromObject(described.body())
                .getJSONArray("stages")
                .getJSONObject(0)
                .getString("id");
        RawHttp.Reply stage =
                alice.send("GET", job + run.getNumber() + "/execution/node/" + stageId + "/wfapi/describe", dashboard);
        assertEquals(200, stage.status(), stage.body());
        String stepId = JSONObject.fromObject(stage.body())
                .getJSONArray("stageFlowNodes")
                .getJSONObject(0)
                .getString("id");
        String node = job + run.getNumber() + "/execution/node/" + stepId;
        RawHttp.Reply stepLog = alice.send("GET", node + "/wfapi/log", dashboard);
        assertEquals(200, stepLog.status(), stepLog.body());
        assertTrue(JSONObject.fromObject(stepLog.body()).getString("text").contains("building app"), stepLog.body());
        RawHttp.Reply plainLog = alice.send("GET", node + "/log/logText/progressiveText?start=0", dashboard);
        assertEquals(200, plainLog.status(), plainLog.body());
        assertTrue(plainLog.body().contains("building app"), plainLog.body());
        assertEquals(200, alice.send("GET", node + "/log/", dashboard).status());
        assertEquals(
                200,
                alice.send("GET", job + run.getNumber() + "/flowGraphTable/", dashboard)
                        .status());

        NewToken elsewhere = alice.mint(Scope.READ_ONLY, "team/other");
        for (String path : List.of(
                job + "wfapi/runs",
                job + run.getNumber() + "/wfapi/describe",
                node + "/wfapi/log",
                node + "/log/logText/progressiveText?start=0")) {
            ScriptingUser.assertRefused(alice.send("GET", path, elsewhere), path);
        }
        alice.post(job + run.getNumber() + "/input/Deploy/abort", alice.mint(Scope.RUN_BUILDS, "team/app"), Map.of());
        r.waitForCompletion(run);
    }

    /**
     * The getters the review found leading out of the job, tried with tokens limited to it; where an unlimited token of
     * the same user reaches the sibling job through the same path, the escape is real and only the route table stops
     * it.
     */
    @Test
    void gettersLeadingOutOfTheJobAreRefused() throws Exception {
        WorkflowRun sibling = waitingAtInput(other); // the sibling has a build to reach
        sibling.getAction(InputAction.class).getExecutions().get(0).doAbort();
        r.assertBuildStatus(Result.ABORTED, r.waitForCompletion(sibling));
        WorkflowRun run = waitingAtInput(app);
        String build = "job/team/job/app/" + run.getNumber();
        String head = run.getExecution().getCurrentHeads().get(0).getId();
        List<String> leadingOut = List.of(
                build + "/input/run/parent/parent/job/other/api/json",
                build + "/input/Deploy/run/parent/parent/job/other/api/json",
                build + "/flowGraphTable/run/parent/parent/job/other/api/json",
                "job/team/job/app/workflow-stage/target/parent/job/other/api/json",
                build + "/execution/node/" + head + "/search/suggest?query=other",
                build + "/execution/node/" + head + "/log/node/search/suggest?query=other");
        // Blocked by Stapler's type check today, which an administrator can switch off: the table refuses them anyway.
        List<String> blockedByStapler = List.of(
                build + "/wfapi/target/parent/parent/job/other/api/json",
                build + "/execution/owner/executable/parent/parent/job/other/api/json",
                build + "/input/Deploy/input/descriptor/api/json");
        NewToken unlimited = alice.mint(Scope.FULL, "");
        for (String path : leadingOut) {
            RawHttp.Reply reached = alice.send("GET", path, unlimited);
            assertEquals(200, reached.status(), "an unlimited token reaches it: the escape is real. " + path);
            String answer = path.contains("/search/") ? "other" : "\"fullName\":\"team/other\"";
            assertTrue(reached.body().contains(answer), path + " " + reached.body());
        }
        for (String path : blockedByStapler) {
            assertNotEquals(200, alice.send("GET", path, unlimited).status(), path);
        }
        int refused = 0;
        for (NewToken limited : List.of(alice.mint(Scope.FULL, "team/app"), alice.mint(Scope.READ_ONLY, "team/app"))) {
            for (String path : concat(leadingOut, blockedByStapler)) {
                ScriptingUser.assertRefused(alice.send("GET", path, limited), path);
                refused++;
            }
            RawHttp.Reply building =
                    alice.send("POST", build + "/input/run/parent/parent/job/other/build?delay=0", limited);
            assertEquals(403, building.status(), building.body());
            refused++;
        }
        assertEquals(20, refused);
        assertEquals(1, other.getBuilds().size(), "no build of the sibling was started");
        assertFalse(run.getAction(InputAction.class).getExecutions().isEmpty());
        alice.post(build + "/input/Deploy/abort", alice.mint(Scope.RUN_BUILDS, "team/app"), Map.of());
        r.waitForCompletion(run);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
