package io.jenkins.plugins.apitokens.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.hudson.plugins.folder.Folder;
import hudson.model.Item;
import io.jenkins.plugins.apitokens.RawHttp;
import io.jenkins.plugins.apitokens.engine.NewToken;
import io.jenkins.plugins.apitokens.engine.Scope;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import jenkins.branch.BranchSource;
import jenkins.branch.OrganizationFolder;
import jenkins.model.Jenkins;
import jenkins.scm.impl.mock.MockSCMController;
import jenkins.scm.impl.mock.MockSCMDiscoverBranches;
import jenkins.scm.impl.mock.MockSCMNavigator;
import jenkins.scm.impl.mock.MockSCMSource;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.multibranch.WorkflowMultiBranchProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Multibranch projects and organisation folders (branch-api, cloudbees-folder, workflow-multibranch) through limited
 * tokens over real HTTP: a run-builds token limited to a multibranch project or an organisation folder scans it (core's
 * {@code build} route), reads the scan's log ({@code indexing/consoleText}, {@code computation/consoleText}, declared
 * for branch-api and cloudbees-folder) and the branch jobs and builds the scan made. A scan outside the token's reach,
 * by a read-only token, or by a token limited to one branch job is refused; so is every route the review found leading
 * out of the folder (its section 4), each shown to be a real way out by the same request with an unlimited token.
 */
@WithJenkins
class MultibranchRoutesTest {

    private static final String ECHO = "built by the branch ";
    private static final String ORG_ECHO = "built in the organisation on ";

    private JenkinsRule r;
    private ScriptingUser alice;
    private MockSCMController scm;
    private MockSCMController orgScm;
    private WorkflowMultiBranchProject repo;
    private WorkflowMultiBranchProject other;
    private OrganizationFolder org;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        alice = ScriptingUser.alice(r, Jenkins.READ, Item.READ, Item.DISCOVER, Item.BUILD, Item.CANCEL);
        scm = MockSCMController.create();
        scm.createRepository("repo");
        scm.addFile(
                "repo",
                "master",
                "a Jenkinsfile",
                "Jenkinsfile",
                ("echo '" + ECHO + "' + env.BRANCH_NAME").getBytes(StandardCharsets.UTF_8));
        Folder team = r.jenkins.createProject(Folder.class, "team");
        repo = team.createProject(WorkflowMultiBranchProject.class, "repo");
        repo.getSourcesList().add(new BranchSource(new MockSCMSource(scm, "repo", new MockSCMDiscoverBranches())));
        // The sibling has a source too: a multibranch project without one cannot be scanned.
        scm.createRepository("other");
        scm.addFile(
                "other",
                "master",
                "a Jenkinsfile",
                "Jenkinsfile",
                "echo 'the sibling'".getBytes(StandardCharsets.UTF_8));
        other = team.createProject(WorkflowMultiBranchProject.class, "other");
        other.getSourcesList().add(new BranchSource(new MockSCMSource(scm, "other", new MockSCMDiscoverBranches())));

        orgScm = MockSCMController.create();
        orgScm.createRepository("lib");
        orgScm.addFile(
                "lib",
                "master",
                "a Jenkinsfile",
                "Jenkinsfile",
                ("echo '" + ORG_ECHO + "' + env.BRANCH_NAME").getBytes(StandardCharsets.UTF_8));
        org = r.jenkins.createProject(OrganizationFolder.class, "org");
        org.getNavigators().add(new MockSCMNavigator(orgScm, new MockSCMDiscoverBranches()));
    }

    @AfterEach
    void closeRepositories() {
        if (scm != null) {
            scm.close();
        }
        if (orgScm != null) {
            orgScm.close();
        }
    }

    private static String what(String method, String path, RawHttp.Reply reply) {
        return method + " " + path + " -> " + reply.status() + " " + reply.body();
    }

    private RawHttp.Reply assertAnswered(int status, String method, String path, NewToken token) throws Exception {
        RawHttp.Reply reply = alice.send(method, path, token);
        assertEquals(status, reply.status(), what(method, path, reply));
        return reply;
    }

    private RawHttp.Reply assertRefused(String method, String path, NewToken token) throws Exception {
        return ScriptingUser.assertRefused(alice.send(method, path, token), method + " " + path);
    }

    /** The scan the tests start from, made by Jenkins itself: the branch job {@code team/repo/master} and its build. */
    private WorkflowJob scanRepo() throws Exception {
        repo.scheduleBuild2(0).getFuture().get();
        r.waitUntilNoActivity();
        WorkflowJob master = repo.getItem("master");
        assertNotNull(master, "the scan made the branch job");
        return master;
    }

    /** The recipe: scan a multibranch project, then read the scan's log, the branch job and its build. */
    @Test
    void aRunBuildsTokenScansItsMultibranchProjectAndReadsWhatTheScanMade() throws Exception {
        NewToken token = alice.mint(Scope.RUN_BUILDS, "team/repo");
        assertNull(repo.getItem("master"), "no scan yet");

        // ComputedFolder.doBuild answers forwardToPreviousPage: a redirect to "." when there is no Referer.
        assertAnswered(302, "POST", "job/team/job/repo/build?delay=0", token);
        r.waitUntilNoActivity();

        WorkflowJob master = repo.getItem("master");
        assertNotNull(master, "the scan the token started made the branch job");
        WorkflowRun build = master.getBuildByNumber(1);
        assertNotNull(build, "the scan built the new branch");
        r.assertBuildStatusSuccess(build);
        r.assertLogContains(ECHO + "master", build);

        RawHttp.Reply indexing = assertAnswered(200, "GET", "job/team/job/repo/indexing/consoleText", token);
        assertTrue(indexing.body().contains("Starting branch indexing"), indexing.body());
        assertTrue(indexing.body().contains("Finished branch indexing"), indexing.body());
        // The same computation by cloudbees-folder's name, and its progressive log as the page reads it.
        RawHttp.Reply computation = assertAnswered(200, "GET", "job/team/job/repo/computation/consoleText", token);
        assertTrue(computation.body().contains("Finished branch indexing"), computation.body());
        RawHttp.Reply progressive =
                assertAnswered(200, "GET", "job/team/job/repo/indexing/logText/progressiveText?start=0", token);
        assertTrue(progressive.body().contains("Starting branch indexing"), progressive.body());

        RawHttp.Reply job = assertAnswered(200, "GET", "job/team/job/repo/job/master/api/json", token);
        assertTrue(job.body().contains("\"fullName\":\"team/repo/master\""), job.body());
        RawHttp.Reply log = assertAnswered(200, "GET", "job/team/job/repo/job/master/1/consoleText", token);
        assertTrue(log.body().contains(ECHO + "master"), log.body());
    }

    /** The recipe for an organisation: scan it, read the scan's log, and the branch build of the project it made. */
    @Test
    void aRunBuildsTokenScansItsOrganisationAndReadsTheBranchBuildBelowIt() throws Exception {
        NewToken token = alice.mint(Scope.RUN_BUILDS, "org");
        assertNull(org.getItem("lib"), "no scan yet");

        assertAnswered(302, "POST", "job/org/build?delay=0", token);
        r.waitUntilNoActivity();

        WorkflowMultiBranchProject lib = assertInstanceOf(WorkflowMultiBranchProject.class, org.getItem("lib"));
        WorkflowJob master = lib.getItem("master");
        assertNotNull(master, "the project's own indexing made the branch job");
        WorkflowRun build = master.getBuildByNumber(1);
        assertNotNull(build, "the branch was built");
        r.assertLogContains(ORG_ECHO + "master", build);

        RawHttp.Reply scan = assertAnswered(200, "GET", "job/org/computation/consoleText", token);
        assertTrue(scan.body().contains("Starting organization scan"), scan.body());
        assertTrue(scan.body().contains("Finished organization scan"), scan.body());
        RawHttp.Reply indexing = assertAnswered(200, "GET", "job/org/job/lib/indexing/consoleText", token);
        assertTrue(indexing.body().contains("Finished branch indexing"), indexing.body());
        RawHttp.Reply job = assertAnswered(200, "GET", "job/org/job/lib/job/master/api/json", token);
        assertTrue(job.body().contains("\"fullName\":\"org/lib/master\""), job.body());
        RawHttp.Reply log = assertAnswered(200, "GET", "job/org/job/lib/job/master/1/consoleText", token);
        assertTrue(log.body().contains(ORG_ECHO + "master"), log.body());

        // From the scan, its folder's parent is Jenkins' root: refused to the token, a real way out otherwise.
        NewToken unlimited = alice.mint(Scope.FULL, "");
        String out = "job/org/computation/parent/parent/job/team/api/json";
        assertRefused("GET", out, token);
        RawHttp.Reply escaped = assertAnswered(200, "GET", out, unlimited);
        assertTrue(escaped.body().contains("\"fullName\":\"team\""), escaped.body());
    }

    /** A scan by a token of the sibling project, of the read-only scope, or limited to a branch job: all refused. */
    @Test
    void scansOutsideTheReachOrScopeOfTheTokenAreRefused() throws Exception {
        WorkflowJob master = scanRepo();
        long scanned = repo.getComputation().getTimestamp().getTimeInMillis();
        String scan = "job/team/job/repo/build?delay=0";

        NewToken sibling = alice.mint(Scope.RUN_BUILDS, "team/other");
        assertNull(other.getItem("master"), "no scan of the sibling yet");
        RawHttp.Reply outside = assertRefused("POST", scan, sibling);
        assertTrue(outside.body().contains("limited to team/other"), outside.body());
        // The same token scans its own project: the refusal above is about where, not what.
        assertAnswered(302, "POST", "job/team/job/other/build?delay=0", sibling);

        NewToken reader = alice.mint(Scope.READ_ONLY, "team/repo");
        RawHttp.Reply scope = assertRefused("POST", scan, reader);
        assertTrue(scope.body().contains("'build'"), scope.body());
        assertTrue(scope.body().contains("runs builds"), scope.body());
        assertAnswered(200, "GET", "job/team/job/repo/indexing/consoleText", reader);

        NewToken branchOnly = alice.mint(Scope.RUN_BUILDS, "team/repo/master");
        RawHttp.Reply branch = assertRefused("POST", scan, branchOnly);
        assertTrue(branch.body().contains("limited to team/repo/master"), branch.body());
        // The scan is the folder's, not the branch's: the branch token still reads and builds its branch.
        assertAnswered(200, "GET", "job/team/job/repo/job/master/api/json", branchOnly);
        assertAnswered(201, "POST", "job/team/job/repo/job/master/build?delay=0", branchOnly);

        r.waitUntilNoActivity();
        assertEquals(
                scanned,
                repo.getComputation().getTimestamp().getTimeInMillis(),
                "no refused request scanned team/repo");
        assertEquals(2, master.getLastBuild().getNumber(), "only the branch token's own build ran");
        assertNotNull(other.getItem("master"), "the sibling token's own scan ran");
    }

    /**
     * Every way out of a multibranch project the review found, with the strongest limited token (full, limited to the
     * project): each refused by the token, and each but the last a real way somewhere, as an unlimited token of the same
     * user shows.
     */
    @Test
    void routesLeadingOutOfTheProjectAreRefused() throws Exception {
        scanRepo();
        NewToken limited = alice.mint(Scope.FULL, "team/repo");
        NewToken unlimited = alice.mint(Scope.FULL, "");
        // Sanity: the limited token works on the project itself.
        assertAnswered(200, "GET", "job/team/job/repo/api/json", limited);

        Map<String, Integer> unlimitedAnswers = new java.util.LinkedHashMap<>();
        // The scan's folder, then its folder: a sibling project's JSON.
        unlimitedAnswers.put("job/team/job/repo/indexing/parent/parent/job/other/api/json", 200);
        // The scan's folder under another spelling (it is the same item, but a getter chain no route declares).
        unlimitedAnswers.put("job/team/job/repo/computation/parent/api/json", 200);
        // Every agent's executors, with the builds they run, whoever's jobs those are.
        unlimitedAnswers.put("job/team/job/repo/indexing/ajaxExecutors", 200);
        // A search from Jenkins' root: it finds the sibling and sends the client there.
        unlimitedAnswers.put("job/team/job/repo/indexing/search?q=other", 302);
        // The folder's permalink is a PseudoRun falling back to the scan: the scan's folder, then its folder.
        unlimitedAnswers.put("job/team/job/repo/lastSuccessfulBuild/parent/parent/job/other/api/json", 200);
        // The branch job by other spellings, which the reach check does not read as the item path.
        unlimitedAnswers.put("job/team/job/repo/branch/master/api/json", 200);
        unlimitedAnswers.put("job/team/job/repo/itemByBranchName/master/api/json", 200);
        // No way anywhere: a FolderComputation has no API (404), refused all the same as no route declares it.
        unlimitedAnswers.put("job/team/job/repo/indexing/api/json", 404);

        int refused = 0;
        for (Map.Entry<String, Integer> escape : unlimitedAnswers.entrySet()) {
            String path = escape.getKey();
            RawHttp.Reply reply = assertRefused("GET", path, limited);
            assertTrue(reply.body().contains("limited to team/repo"), what("GET", path, reply));
            RawHttp.Reply answer = alice.send("GET", path, unlimited);
            assertEquals((int) escape.getValue(), answer.status(), "unlimited: " + what("GET", path, answer));
            assertNotEquals(403, answer.status());
            refused++;
        }
        assertEquals(8, refused);
        RawHttp.Reply sibling =
                alice.send("GET", "job/team/job/repo/indexing/parent/parent/job/other/api/json", unlimited);
        assertTrue(sibling.body().contains("\"fullName\":\"team/other\""), sibling.body());
    }
}
