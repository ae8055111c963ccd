package io.jenkins.plugins.apitokens.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.User;
import io.jenkins.plugins.apitokens.TokenApi;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.engine.TokenInfo;
import io.jenkins.plugins.apitokens.policy.TokenPolicyConfiguration;
import io.jenkins.plugins.apitokens.tasks.TokenSweep;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.SleepBuilder;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/** A build token dies with its build across a controller restart too. */
class BuildTokenRestartTest {

    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    private static List<TokenInfo> botTokens() {
        return TokenEngine.get().service().list("ci-bot");
    }

    @Test
    void aFreestyleBuildStoppedByARestartTakesItsTokenWithIt() throws Throwable {
        sessions.then(r -> {
            TokenApi.secure(r);
            User.getById("ci-bot", true).save();
            TokenPolicyConfiguration.get().setBuildTokenUser("ci-bot");
            FreeStyleProject project = r.createFreeStyleProject("long");
            project.getBuildWrappersList().add(new JenkinsApiTokenBuildWrapper("T"));
            project.getBuildersList().add(new SleepBuilder(600_000));
            FreeStyleBuild build = project.scheduleBuild2(0).waitForStart();
            r.waitForMessage("Minted API token", build);
            assertEquals(1, botTokens().size());
        });
        sessions.then(r -> {
            // A clean shutdown aborts the build, which revokes its token; after a crash, the sweep a minute after
            // start-up does (PipelineTokensTest#theSweepRevokesTokensOfBuildsThatAreOver).
            assertFalse(r.jenkins
                    .getItemByFullName("long", FreeStyleProject.class)
                    .getBuildByNumber(1)
                    .isBuilding());
            assertTrue(TokenEngine.get().service().sweep(TokenSweep::isBuilding).isEmpty());
            assertTrue(botTokens().isEmpty(), "the token did not survive its build");
        });
    }

    @Test
    void aPipelineThatResumesKeepsItsTokenUntilItEnds() throws Throwable {
        sessions.then(r -> {
            TokenApi.secure(r);
            User.getById("ci-bot", true).save();
            TokenPolicyConfiguration.get().setBuildTokenUser("ci-bot");
            WorkflowJob job = r.createProject(WorkflowJob.class, "resumes");
            job.setDefinition(new CpsFlowDefinition(
                    "withJenkinsApiToken(variable: 'T') { sleep 5; echo 'after the restart' }", true));
            WorkflowRun build = job.scheduleBuild2(0).waitForStart();
            r.waitForMessage("Minted API token", build);
        });
        sessions.then(r -> {
            WorkflowRun build =
                    r.jenkins.getItemByFullName("resumes", WorkflowJob.class).getBuildByNumber(1);
            assertTrue(
                    TokenEngine.get().service().sweep(TokenSweep::isBuilding).isEmpty(),
                    "a resumed Pipeline is still building: its token stays");
            assertEquals(1, botTokens().size());
            r.waitForCompletion(build);
            r.assertLogContains("after the restart", build);
            assertTrue(botTokens().isEmpty(), "revoked as the block ended");
        });
    }
}
