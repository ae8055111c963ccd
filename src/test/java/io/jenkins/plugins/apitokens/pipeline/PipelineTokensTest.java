package io.jenkins.plugins.apitokens.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.model.Result;
import hudson.model.TaskListener;
import hudson.util.Secret;
import io.jenkins.plugins.apitokens.TokenApi;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.admin.TokenPolicyConfiguration;
import io.jenkins.plugins.apitokens.engine.NewToken;
import io.jenkins.plugins.apitokens.engine.TokenInfo;
import io.jenkins.plugins.apitokens.engine.TokenOrigin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousStepExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.kohsuke.stapler.DataBoundConstructor;

@WithJenkins
class PipelineTokensTest {

    private JenkinsRule r;

    @BeforeEach
    void setUp(JenkinsRule rule) {
        r = rule;
        TokenApi.secure(r);
        hudson.model.User.getById("ci-bot", true);
        TokenPolicyConfiguration.get().setBuildTokenUser("ci-bot");
    }

    private WorkflowRun run(String script, Result expected) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class, "job");
        job.setDefinition(new CpsFlowDefinition(script, true));
        return r.assertBuildStatus(expected, job.scheduleBuild2(0));
    }

    private void storeCredential(String user, String token) throws Exception {
        JenkinsApiTokenCredentials credentials = new JenkinsApiTokenCredentials(
                CredentialsScope.GLOBAL, "jenkins-token", "for the tests", user, Secret.fromString(token));
        CredentialsProvider.lookupStores(r.jenkins).iterator().next().addCredentials(Domain.global(), credentials);
    }

    @Test
    void bindingExportsUserColonTokenMasked() throws Exception {
        NewToken token = TokenApi.mint("alice", "pipeline");
        storeCredential("alice", token.value());
        WorkflowRun build = run(
                "withCredentials([jenkinsApiToken(credentialsId: 'jenkins-token', variable: 'AUTH')]) {\n"
                        + "  echo \"auth is ${env.AUTH}, length ${env.AUTH.length()}\"\n"
                        + "}",
                Result.SUCCESS);
        String log = JenkinsRule.getLog(build);
        assertFalse(log.contains(token.value()), log);
        assertTrue(log.contains("auth is ****, length " + ("alice:" + token.value()).length()), log);
    }

    @Test
    void credentialWorksWithTheStandardUsernamePasswordBinding() throws Exception {
        NewToken token = TokenApi.mint("alice", "pipeline");
        storeCredential("alice", token.value());
        WorkflowRun build = run(
                "withCredentials([usernamePassword(credentialsId: 'jenkins-token',"
                        + " usernameVariable: 'U', passwordVariable: 'P')]) {\n"
                        + "  echo \"user ${env.U} token ${env.P}\"\n"
                        + "}",
                Result.SUCCESS);
        String log = JenkinsRule.getLog(build);
        assertTrue(log.contains("user alice token ****"), log);
        assertFalse(log.contains(token.value()));
    }

    @Test
    void buildTokenAuthenticatesInsideTheBlockAndIsRevokedAfter() throws Exception {
        WorkflowRun build = run(
                "withJenkinsApiToken(variable: 'JENKINS_TOKEN', userVariable: 'JENKINS_USER',"
                        + " scope: 'read-only') {\n"
                        + "  callJenkins 'GET'\n"
                        + "  callJenkins 'POST'\n"
                        + "  echo \"token ${env.JENKINS_TOKEN}\"\n"
                        + "}",
                Result.SUCCESS);
        String log = JenkinsRule.getLog(build);
        assertTrue(log.contains("GET me/api/json -> 200"), log);
        assertTrue(log.contains("POST user/ci-bot/api-tokens/create -> 403"), log);
        String token = CallJenkinsStep.lastToken;
        assertNotNull(token);
        assertFalse(log.contains(token), "the token is masked");
        assertTrue(log.contains("token ****"), log);
        assertTrue(TokenEngine.get().service().list("ci-bot").isEmpty(), "revoked when the block ended");
        assertEquals(
                401,
                TokenApi.call(r, HttpMethod.GET, "me/api/json", "ci-bot", token).getStatusCode());
    }

    @Test
    void buildTokenIsRevokedWhenTheBlockFails() throws Exception {
        run(
                "withJenkinsApiToken(variable: 'JENKINS_TOKEN', userVariable: 'JENKINS_USER') {\n"
                        + "  callJenkins 'GET'\n"
                        + "  error 'boom'\n"
                        + "}",
                Result.FAILURE);
        assertTrue(TokenEngine.get().service().list("ci-bot").isEmpty());
    }

    @Test
    void buildTokenIsRevokedWhenTheBuildIsAborted() throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class, "job");
        job.setDefinition(new CpsFlowDefinition("withJenkinsApiToken(variable: 'JENKINS_TOKEN') { sleep 600 }", true));
        WorkflowRun build = job.scheduleBuild2(0).waitForStart();
        r.waitForMessage("Minted API token", build);
        List<TokenInfo> during = TokenEngine.get().service().list("ci-bot");
        assertEquals(1, during.size());
        assertEquals(TokenOrigin.BUILD, during.get(0).origin());
        assertEquals("build job #1", during.get(0).name());
        build.doStop();
        r.assertBuildStatus(Result.ABORTED, r.waitForCompletion(build));
        assertTrue(TokenEngine.get().service().list("ci-bot").isEmpty());
    }

    @Test
    void buildsRunningAsSystemWithoutAnAccountFailClearly() throws Exception {
        TokenPolicyConfiguration.get().setBuildTokenUser(null);
        WorkflowRun build = run("withJenkinsApiToken(variable: 'T') { echo 'never' }", Result.FAILURE);
        String log = JenkinsRule.getLog(build);
        assertTrue(log.contains("which is not a Jenkins user"), log);
        assertFalse(log.contains("never"));
    }

    @Test
    void buildTokensCanBeKeptReadOnlyByPolicy() throws Exception {
        TokenPolicyConfiguration.get().setBuildTokenFullAccessAllowed(false);
        WorkflowRun build = run("withJenkinsApiToken(variable: 'T', scope: 'full') { echo 'never' }", Result.FAILURE);
        String log = JenkinsRule.getLog(build);
        assertTrue(log.contains("Per-build tokens may not have the scope 'full'; allowed: read-only."), log);
        assertFalse(log.contains("never"));
        assertTrue(TokenEngine.get().service().list("ci-bot").isEmpty());
        WorkflowJob readOnly = r.createProject(WorkflowJob.class, "read-only-job");
        readOnly.setDefinition(new CpsFlowDefinition(
                "withJenkinsApiToken(variable: 'T', scope: 'read-only') { echo 'read-only is fine' }", true));
        r.assertBuildStatus(Result.SUCCESS, readOnly.scheduleBuild2(0));
    }

    @Test
    void buildTokensCanBeDisabledByPolicy() throws Exception {
        TokenPolicyConfiguration.get().setBuildTokensAllowed(false);
        WorkflowRun build = run("withJenkinsApiToken(variable: 'T') { echo 'never' }", Result.FAILURE);
        assertTrue(JenkinsRule.getLog(build).contains("Per-build API tokens are disabled by the administrator."));
    }

    /**
     * A test-only step that calls this Jenkins over real HTTP with the user and token found in the environment, as a
     * {@code curl -u} in a build would, and prints the status; it also remembers the token for later checks.
     */
    public static class CallJenkinsStep extends Step {

        static volatile String lastToken;

        private final String method;

        @DataBoundConstructor
        public CallJenkinsStep(String method) {
            this.method = method;
        }

        public String getMethod() {
            return method;
        }

        @Override
        public StepExecution start(StepContext context) {
            return new SynchronousStepExecution<Void>(context) {
                private static final long serialVersionUID = 1L;

                @Override
                protected Void run() throws Exception {
                    EnvVars env = getContext().get(EnvVars.class);
                    String auth = env.get("JENKINS_USER") + ":" + env.get("JENKINS_TOKEN");
                    lastToken = env.get("JENKINS_TOKEN");
                    String path = method.equals("POST")
                            ? "user/" + env.get("JENKINS_USER") + "/api-tokens/create"
                            : "me/api/json";
                    HttpRequest.Builder request = HttpRequest.newBuilder(
                                    URI.create(Jenkins.get().getRootUrl() + path))
                            .header(
                                    "Authorization",
                                    "Basic "
                                            + Base64.getEncoder()
                                                    .encodeToString(auth.getBytes(StandardCharsets.UTF_8)));
                    request = method.equals("POST")
                            ? request.header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString("name=from-build"))
                            : request.GET();
                    HttpResponse<String> response =
                            HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
                    getContext()
                            .get(TaskListener.class)
                            .getLogger()
                            .println(method + " " + path + " -> " + response.statusCode());
                    return null;
                }
            };
        }

        @TestExtension
        public static class DescriptorImpl extends StepDescriptor {
            @Override
            public Set<? extends Class<?>> getRequiredContext() {
                return Set.of(EnvVars.class, TaskListener.class);
            }

            @Override
            public String getFunctionName() {
                return "callJenkins";
            }

            @NonNull
            @Override
            public String getDisplayName() {
                return "Call Jenkins (test)";
            }
        }
    }
}
