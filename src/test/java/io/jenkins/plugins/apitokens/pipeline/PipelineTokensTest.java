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
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.Secret;
import io.jenkins.plugins.apitokens.TokenApi;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.engine.NewToken;
import io.jenkins.plugins.apitokens.engine.Reach;
import io.jenkins.plugins.apitokens.engine.TokenInfo;
import io.jenkins.plugins.apitokens.engine.TokenOrigin;
import io.jenkins.plugins.apitokens.policy.TokenPolicyConfiguration;
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
import org.kohsuke.stapler.DataBoundSetter;

@WithJenkins
class PipelineTokensTest {

    private JenkinsRule r;

    @BeforeEach
    void setUp(JenkinsRule rule) {
        r = rule;
        TokenApi.secure(r);
        r.jenkins.setAuthorizationStrategy(new org.jvnet.hudson.test.MockAuthorizationStrategy()
                .grant(Jenkins.READ, hudson.model.Item.READ)
                .everywhere()
                .toAuthenticated()
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin"));
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
        assertTrue(log.contains("GET job/job/api/json -> 200"), log);
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
    void aBuildTokenInAFolderReachesItsOwnJobAndNotItsSibling() throws Exception {
        TokenPolicyConfiguration.get().setBuildTokenRunBuildsAllowed(true);
        r.jenkins.setAuthorizationStrategy(new org.jvnet.hudson.test.MockAuthorizationStrategy()
                .grant(Jenkins.READ, hudson.model.Item.READ, hudson.model.Item.BUILD)
                .everywhere()
                .toAuthenticated());
        com.cloudbees.hudson.plugins.folder.Folder team =
                r.jenkins.createProject(com.cloudbees.hudson.plugins.folder.Folder.class, "team");
        hudson.model.FreeStyleProject sibling = team.createProject(hudson.model.FreeStyleProject.class, "sibling");
        WorkflowJob pipe = team.createProject(WorkflowJob.class, "pipe");
        pipe.setDefinition(new CpsFlowDefinition(
                "withJenkinsApiToken(variable: 'JENKINS_TOKEN', userVariable: 'JENKINS_USER', scope: 'run-builds') {\n"
                        + "  callJenkins 'GET'\n"
                        + "  callJenkins method: 'GET', path: 'job/team/job/pipe/lastBuild/api/json'\n"
                        + "  callJenkins method: 'GET', path: 'job/team/job/sibling/api/json'\n"
                        + "  callJenkins method: 'POST', path: 'job/team/job/sibling/build'\n"
                        + "  callJenkins method: 'GET', path: 'job/team/api/json'\n"
                        + "  callJenkins method: 'GET', path: 'me/api/json'\n"
                        + "}",
                true));
        WorkflowRun build = r.assertBuildStatus(Result.SUCCESS, pipe.scheduleBuild2(0));
        String log = JenkinsRule.getLog(build);
        assertTrue(log.contains("(run-builds, limited to team/pipe)"), log);
        assertTrue(log.contains("GET job/team/job/pipe/api/json -> 200"), log);
        assertTrue(log.contains("GET job/team/job/pipe/lastBuild/api/json -> 200"), log);
        assertTrue(log.contains("GET job/team/job/sibling/api/json -> 403"), log);
        assertTrue(log.contains("POST job/team/job/sibling/build -> 403"), log);
        assertTrue(log.contains("GET job/team/api/json -> 403"), log);
        assertTrue(log.contains("GET me/api/json -> 403"), log);
        assertEquals(0, sibling.getBuilds().size(), "the sibling never ran");

        WorkflowJob typo = team.createProject(WorkflowJob.class, "typo");
        typo.setDefinition(
                new CpsFlowDefinition("withJenkinsApiToken(variable: 'T', items: 'team/nope') { echo 'never' }", true));
        WorkflowRun refused = r.assertBuildStatus(Result.FAILURE, typo.scheduleBuild2(0));
        assertTrue(
                JenkinsRule.getLog(refused).contains("There is no folder or job named 'team/nope'"),
                JenkinsRule.getLog(refused));
        assertFalse(JenkinsRule.getLog(refused).contains("never"));
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

    @Test
    void aFullAccessBuildTokenCannotBuyALastingCredential() throws Exception {
        TokenPolicyConfiguration.get().setBuildTokenFullAccessAllowed(true);
        r.jenkins.setAuthorizationStrategy(new org.jvnet.hudson.test.MockAuthorizationStrategy()
                .grant(Jenkins.READ, hudson.model.Item.READ, hudson.model.Item.BUILD)
                .everywhere()
                .toAuthenticated());
        r.createFreeStyleProject("target");
        WorkflowRun build = run(
                "withJenkinsApiToken(variable: 'JENKINS_TOKEN', userVariable: 'JENKINS_USER', scope: 'full',"
                        + " items: 'job, target') {\n"
                        + "  callJenkins 'GET'\n"
                        + "  callJenkins method: 'POST', path: 'job/target/build'\n"
                        + "  callJenkins method: 'POST', body: 'name=kept&expiry=never'\n"
                        + "  callJenkins method: 'POST', path: 'user/$USER/descriptorByName/"
                        + "jenkins.security.ApiTokenProperty/generateNewToken', body: 'newTokenName=kept'\n"
                        + "  callJenkins method: 'POST', path: 'user/$USER/configSubmit', body: 'json={}'\n"
                        + "  callJenkins method: 'POST', path: 'cli?remoting=false', body: ''\n"
                        + "  callJenkins method: 'POST', path: 'scriptText', body: 'script=println(1)'\n"
                        + "  callJenkins method: 'GET', path: 'credentials/'\n"
                        + "  callJenkins method: 'POST', path: 'user/$USER;x=1/api-tokens/create', body: 'name=k2'\n"
                        + "  callJenkins method: 'POST', path: 'user/$USER/API-TOKENS/create', body: 'name=k3'\n"
                        + "}",
                Result.SUCCESS);
        String log = JenkinsRule.getLog(build);
        assertTrue(log.contains("GET job/job/api/json -> 200"), log);
        assertTrue(log.contains("POST job/target/build -> 201"), log);
        assertTrue(log.contains("POST user/ci-bot/api-tokens/create -> 403"), log);
        assertTrue(log.contains("generateNewToken -> 403"), log);
        assertTrue(log.contains("POST user/ci-bot/configSubmit -> 403"), log);
        assertTrue(log.contains("POST cli?remoting=false -> 403"), log);
        assertTrue(log.contains("POST scriptText -> 403"), log);
        assertTrue(log.contains("GET credentials/ -> 403"), log);
        assertTrue(log.contains("user/ci-bot;x=1/api-tokens/create -> 4"), log);
        assertTrue(log.contains("user/ci-bot/API-TOKENS/create -> 403"), log);
        assertTrue(TokenEngine.get().service().list("ci-bot").isEmpty(), "no token outlives the build");
        hudson.model.User bot = hudson.model.User.getById("ci-bot", false);
        assertTrue(
                bot.getProperty(jenkins.security.ApiTokenProperty.class)
                        .getTokenList()
                        .isEmpty(),
                "no core token either");
    }

    @Test
    void buildTokensAreReadOnlyByDefault() throws Exception {
        WorkflowRun build = run("withJenkinsApiToken(variable: 'T', scope: 'full') { echo 'never' }", Result.FAILURE);
        assertTrue(JenkinsRule.getLog(build).contains("Per-build tokens may not have the scope 'full'"));
        WorkflowJob byDefault = r.createProject(WorkflowJob.class, "by-default");
        byDefault.setDefinition(
                new CpsFlowDefinition("withJenkinsApiToken(variable: 'T') { echo 'read-only by default' }", true));
        r.assertBuildStatus(Result.SUCCESS, byDefault.scheduleBuild2(0));
    }

    @Test
    void buildsRunningAsAnonymousGetNoAccountsToken() throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class, "anonymous-job");
        job.setDefinition(new CpsFlowDefinition("withJenkinsApiToken(variable: 'T') { echo 'never' }", true));
        org.jvnet.hudson.test.MockQueueItemAuthenticator authenticator =
                new org.jvnet.hudson.test.MockQueueItemAuthenticator()
                        .authenticate("anonymous-job", Jenkins.ANONYMOUS2);
        jenkins.security.QueueItemAuthenticatorConfiguration.get()
                .getAuthenticators()
                .add(authenticator);
        WorkflowRun build = r.assertBuildStatus(Result.FAILURE, job.scheduleBuild2(0));
        String log = JenkinsRule.getLog(build);
        assertTrue(log.contains("gets no API token"), log);
        assertFalse(log.contains("never"));
        assertTrue(TokenEngine.get().service().list("ci-bot").isEmpty(), "the build token account lent nothing");
    }

    @Test
    void aVeryLongJobNameStillGetsAToken() throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class, "j".repeat(150));
        job.setDefinition(new CpsFlowDefinition("withJenkinsApiToken(variable: 'T') { echo 'got one' }", true));
        WorkflowRun build = r.assertBuildStatus(Result.SUCCESS, job.scheduleBuild2(0));
        assertTrue(JenkinsRule.getLog(build).contains("got one"));
    }

    @Test
    void theFreestyleWrapperRefusesToRunInAPipeline() throws Exception {
        WorkflowRun build = run(
                "node { wrap([$class: 'JenkinsApiTokenBuildWrapper', variable: 'T']) { echo 'never' } }",
                Result.FAILURE);
        String log = JenkinsRule.getLog(build);
        assertTrue(log.contains("use withJenkinsApiToken instead"), log);
        assertFalse(log.contains("never"));
        assertTrue(TokenEngine.get().service().list("ci-bot").isEmpty());
    }

    @Test
    void theBareTokenInsideUserColonTokenIsMaskedToo() throws Exception {
        NewToken token = TokenApi.mint("alice", "pipeline");
        storeCredential("alice", token.value());
        WorkflowRun build = run(
                "withCredentials([jenkinsApiToken(credentialsId: 'jenkins-token', variable: 'AUTH')]) {\n"
                        + "  echo \"token alone: ${env.AUTH.substring(6)} or ${env.AUTH_TOKEN}\"\n"
                        + "}",
                Result.SUCCESS);
        String log = JenkinsRule.getLog(build);
        assertFalse(log.contains(token.value()), log);
        assertTrue(log.contains("token alone: **** or ****"), log);
    }

    @Test
    void eachFieldOfTheStepIsExplainedByTheWrappersHelpPage() throws Exception {
        r.jenkins.setAuthorizationStrategy(hudson.security.AuthorizationStrategy.UNSECURED); // runs as anonymous
        List<String> fields = List.of("variable", "userVariable", "scope", "items");
        List<String> stepHelp = r.executeOnServer(() -> fields.stream()
                .map(field -> r.jenkins
                        .getDescriptorByType(WithJenkinsApiTokenStep.DescriptorImpl.class)
                        .getHelpFile(field))
                .toList());
        List<String> wrapperHelp = r.executeOnServer(() -> fields.stream()
                .map(field -> r.jenkins
                        .getDescriptorByType(JenkinsApiTokenBuildWrapper.DescriptorImpl.class)
                        .getHelpFile(field))
                .toList());
        assertEquals(wrapperHelp, stepHelp);
        JenkinsRule.WebClient wc = r.createWebClient();
        for (String help : stepHelp) {
            assertNotNull(help, "every field has help");
            String page = wc.goTo(help.substring(1), null).getWebResponse().getContentAsString();
            assertFalse(page.isBlank(), help);
        }
    }

    @Test
    void theSweepRevokesTokensOfBuildsThatAreOver() throws Exception {
        WorkflowRun finished = run("echo 'done'", Result.SUCCESS);
        NewToken leftOver = TokenEngine.get()
                .service()
                .createForBuild(
                        "ci-bot",
                        "build job #1",
                        finished.getExternalizableId(),
                        null,
                        Reach.EVERYWHERE,
                        io.jenkins.plugins.apitokens.engine.AuditEvent.SYSTEM);
        assertEquals(
                List.of(leftOver.token().id()),
                TokenEngine.get().service().sweep(io.jenkins.plugins.apitokens.tasks.TokenSweep::isBuilding).stream()
                        .map(TokenInfo::id)
                        .toList());
    }

    /**
     * A test-only step that calls this Jenkins over real HTTP with the user and token found in the environment, as a
     * {@code curl -u} in a build would, and prints the status; it also remembers the token for later checks.
     */
    public static class CallJenkinsStep extends Step {

        static volatile String lastToken;

        private final String method;
        private String path;
        private String body = "name=from-build";

        @DataBoundConstructor
        public CallJenkinsStep(String method) {
            this.method = method;
        }

        public String getMethod() {
            return method;
        }

        public String getPath() {
            return path;
        }

        /** Below the root URL; by default the token creation for POST and the build's job's API for GET. */
        @DataBoundSetter
        public void setPath(String path) {
            this.path = path;
        }

        public String getBody() {
            return body;
        }

        @DataBoundSetter
        public void setBody(String body) {
            this.body = body;
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
                    String path = CallJenkinsStep.this.path != null
                            ? CallJenkinsStep.this.path.replace("$USER", env.get("JENKINS_USER"))
                            : method.equals("POST")
                                    ? "user/" + env.get("JENKINS_USER") + "/api-tokens/create"
                                    : getContext().get(Run.class).getParent().getUrl() + "api/json";
                    HttpRequest.Builder request = HttpRequest.newBuilder(
                                    URI.create(Jenkins.get().getRootUrl() + path))
                            .header(
                                    "Authorization",
                                    "Basic "
                                            + Base64.getEncoder()
                                                    .encodeToString(auth.getBytes(StandardCharsets.UTF_8)));
                    request = method.equals("POST")
                            ? request.header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
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
                return Set.of(EnvVars.class, TaskListener.class, Run.class);
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
