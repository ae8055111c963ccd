package io.jenkins.plugins.apitokens.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.hudson.plugins.folder.Folder;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import io.jenkins.plugins.apitokens.RawHttp;
import io.jenkins.plugins.apitokens.engine.NewToken;
import io.jenkins.plugins.apitokens.engine.Scope;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Build status badges (embeddable-build-status) through a read-only token limited to one job, over real HTTP: the
 * job's and its build's {@code badge/icon} and {@code badge/icon.svg} answer an SVG image, with the plugin's query
 * parameters. The same badges of a sibling job, the actions' public fields {@code project} and {@code run} (the job and
 * the build, then their folder), and the root's {@code /buildStatus/icon?job=…} (whose job is a parameter) are refused;
 * each of those answers an unlimited token of the same user, so the refusal is the token's, and the way out is real.
 */
@WithJenkins
class BadgeRoutesTest {

    private static final String SVG = "image/svg+xml";

    private JenkinsRule r;
    private ScriptingUser alice;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        alice = ScriptingUser.alice(r, Jenkins.READ, Item.READ, Item.DISCOVER);
        Folder team = r.jenkins.createProject(Folder.class, "team");
        FreeStyleProject app = team.createProject(FreeStyleProject.class, "app");
        FreeStyleProject other = team.createProject(FreeStyleProject.class, "other");
        r.buildAndAssertSuccess(app);
        r.buildAndAssertSuccess(other);
    }

    /** A GET as a script or an image tag's fetch makes it, keeping the content type. */
    private HttpResponse<String> get(String path, NewToken token) throws Exception {
        String auth = Base64.getEncoder().encodeToString(("alice:" + token.value()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(r.getURL() + path))
                .header("Authorization", "Basic " + auth)
                .GET()
                .build();
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String what(String path, int status, String body) {
        return "GET " + path + " -> " + status + " " + body;
    }

    private HttpResponse<String> assertBadge(String path, NewToken token) throws Exception {
        HttpResponse<String> reply = get(path, token);
        String what = what(path, reply.statusCode(), reply.body());
        assertEquals(200, reply.statusCode(), what);
        String type = reply.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith(SVG), type + ": " + what);
        assertTrue(reply.body().contains("<svg"), what);
        return reply;
    }

    private RawHttp.Reply assertRefused(String path, NewToken token) throws Exception {
        return ScriptingUser.assertRefused(alice.send("GET", path, token), path);
    }

    /** The job's and the build's badges, by both of the plugin's names, with its parameters. */
    @Test
    void aReadOnlyTokenGetsTheBadgesOfItsJobAndBuild() throws Exception {
        NewToken token = alice.mint(Scope.READ_ONLY, "team/app");
        int served = 0;
        for (String path : List.of(
                "job/team/job/app/badge/icon",
                "job/team/job/app/badge/icon.svg",
                "job/team/job/app/1/badge/icon",
                "job/team/job/app/1/badge/icon.svg",
                "job/team/job/app/lastBuild/badge/icon",
                "job/team/job/app/badge/icon?style=flat-square")) {
            assertBadge(path, token);
            served++;
        }
        assertEquals(6, served);
        // The plugin's parameters: the job's last build, a subject of one's own, in the image.
        HttpResponse<String> subject = assertBadge("job/team/job/app/badge/icon?build=last&subject=tokenbadge", token);
        assertTrue(subject.body().contains("tokenbadge"), subject.body());
        HttpResponse<String> build = assertBadge("job/team/job/app/1/badge/icon.svg?subject=buildbadge", token);
        assertTrue(build.body().contains("buildbadge"), build.body());
    }

    /**
     * A sibling's badges, the actions' fields leading to the job or the build and then out, and the root's badges whose
     * job is a parameter: refused to the limited token, each answered for an unlimited token of the same user.
     */
    @Test
    void badgesOfOtherJobsAndWaysOutAreRefused() throws Exception {
        NewToken limited = alice.mint(Scope.READ_ONLY, "team/app");
        NewToken unlimited = alice.mint(Scope.FULL, "");

        // path -> what the unlimited token gets there (all real places: 200).
        Map<String, String> escapes = new LinkedHashMap<>();
        escapes.put("job/team/job/other/badge/icon", SVG);
        escapes.put("job/team/job/other/1/badge/icon", SVG);
        escapes.put("job/team/job/other/badge/icon.svg?build=last", SVG);
        // JobBadgeAction.project: the job, then its folder, then the sibling.
        escapes.put("job/team/job/app/badge/project/parent/job/other/api/json", "\"fullName\":\"team/other\"");
        // RunBadgeAction.run: the build, its job, its folder, then the sibling.
        escapes.put("job/team/job/app/1/badge/run/parent/parent/job/other/api/json", "\"fullName\":\"team/other\"");
        // RunBadgeAction.project: the same job, then out.
        escapes.put("job/team/job/app/1/badge/project/parent/job/other/api/json", "\"fullName\":\"team/other\"");
        // The root's badge: the job is a parameter the path does not show, so it stays refused even for the token's own
        // job (the guide points to job/<name>/badge/icon instead).
        escapes.put("buildStatus/icon?job=team/app", SVG);
        escapes.put("buildStatus/icon?job=team/other", SVG);
        escapes.put("buildStatus/icon.svg?job=team/other&build=last", SVG);

        int refused = 0;
        for (Map.Entry<String, String> escape : escapes.entrySet()) {
            String path = escape.getKey();
            RawHttp.Reply reply = assertRefused(path, limited);
            assertTrue(reply.body().contains("limited to team/app"), what(path, reply.status(), reply.body()));
            if (escape.getValue().equals(SVG)) {
                assertBadge(path, unlimited);
            } else {
                RawHttp.Reply answer = alice.send("GET", path, unlimited);
                String what = "unlimited: " + what(path, answer.status(), answer.body());
                assertEquals(200, answer.status(), what);
                assertTrue(answer.body().contains(escape.getValue()), what);
            }
            refused++;
        }
        assertEquals(9, refused);
    }
}
