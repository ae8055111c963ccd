package io.jenkins.plugins.apitokens.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.User;
import io.jenkins.plugins.apitokens.TokenApi;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.policy.TokenPolicyConfiguration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.htmlunit.HttpMethod;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestBuilder;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class FreestyleTokenTest {

    @Test
    void freestyleBuildGetsAMaskedTokenRevokedWhenItEnds(JenkinsRule r) throws Exception {
        TokenApi.secure(r);
        r.jenkins.setAuthorizationStrategy(new org.jvnet.hudson.test.MockAuthorizationStrategy()
                .grant(jenkins.model.Jenkins.READ, hudson.model.Item.READ)
                .everywhere()
                .toAuthenticated());
        User.getById("ci-bot", true);
        TokenPolicyConfiguration.get().setBuildTokenUser("ci-bot");
        AtomicReference<String> seen = new AtomicReference<>();
        AtomicInteger statusInside = new AtomicInteger();
        FreeStyleProject project = r.createFreeStyleProject("freestyle");
        JenkinsApiTokenBuildWrapper wrapper = new JenkinsApiTokenBuildWrapper("JENKINS_TOKEN");
        wrapper.setUserVariable("JENKINS_USER");
        project.getBuildWrappersList().add(wrapper);
        project.getBuildersList().add(new TestBuilder() {
            @Override
            public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener)
                    throws java.io.IOException, InterruptedException {
                String token = build.getEnvironment(listener).get("JENKINS_TOKEN");
                seen.set(token);
                listener.getLogger().println("token " + token);
                try {
                    statusInside.set(TokenApi.call(
                                    r,
                                    HttpMethod.GET,
                                    build.getParent().getUrl() + "api/json",
                                    build.getEnvironment(listener).get("JENKINS_USER"),
                                    token)
                            .getStatusCode());
                } catch (Exception e) {
                    throw new java.io.IOException(e);
                }
                return true;
            }
        });
        FreeStyleBuild build = r.buildAndAssertSuccess(project);
        String log = JenkinsRule.getLog(build);
        assertEquals(200, statusInside.get());
        assertFalse(log.contains(seen.get()), log);
        assertTrue(log.contains("token ****"), log);
        assertTrue(TokenEngine.get().service().list("ci-bot").isEmpty());
        assertEquals(
                401,
                TokenApi.call(r, HttpMethod.GET, "me/api/json", "ci-bot", seen.get())
                        .getStatusCode());
    }
}
