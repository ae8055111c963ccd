package io.jenkins.plugins.apitokens.user;

import com.cloudbees.hudson.plugins.folder.Folder;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.User;
import io.jenkins.plugins.apitokens.BrowserFlow;
import io.jenkins.plugins.apitokens.TokenApi;
import io.jenkins.plugins.apitokens.engine.Scope;
import io.jenkins.plugins.apitokens.policy.TokenPolicyConfiguration;
import java.time.Duration;
import java.time.Instant;
import jenkins.model.Jenkins;
import jenkins.security.ApiTokenProperty;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Runs {@code src/test/browser/page-flows.mjs} (headless Chromium through playwright-core) against this Jenkins:
 * the user page as a person sees it after each action. Not a {@code *Test}: the {@code browser} profile runs it, where
 * Chromium and the script's npm dependency are installed ({@code .ci/run} sees to both).
 */
@WithJenkins
class PageFlowsInChromium {

    @Test
    void addRotateRenameRevokeAsABrowserShowsThem(JenkinsRule r) throws Exception {
        TokenApi.secure(r);
        // Folders and jobs alice can see, to limit a token to, and one she cannot.
        Folder team = r.jenkins.createProject(Folder.class, "team");
        team.createProject(FreeStyleProject.class, "app");
        r.jenkins.createProject(Folder.class, "ops");
        Folder secret = r.jenkins.createProject(Folder.class, "secret");
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ)
                .everywhere()
                .toAuthenticated()
                .grant(Item.READ)
                .onFolders(team)
                .to("alice")
                .grant(Item.READ)
                .onItems(r.jenkins.getItem("ops"))
                .to("alice")
                .grant(Item.READ)
                .onFolders(secret)
                .to("admin"));
        // A lived-in page: a read-only token of the plugin and one made in core's section, listed together.
        TokenApi.mint("alice", "nightly report", null, Scope.READ_ONLY);
        User.getById("alice", false).getProperty(ApiTokenProperty.class).generateNewToken("made in core's section");
        // One that expires within a week (the menu's badge counts it), and rotations may keep old values for a day.
        TokenApi.mint("alice", "release", Instant.now().plus(Duration.ofDays(3)), Scope.FULL);
        TokenPolicyConfiguration.get().setMaxRotationGraceHours(24);
        BrowserFlow.run(
                r,
                "page-flows.mjs",
                "output.txt",
                "alice",
                BrowserFlow.SHOTS.toAbsolutePath().toString());
    }
}
