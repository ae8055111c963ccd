package io.jenkins.plugins.apitokens.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Action;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.User;
import io.jenkins.plugins.apitokens.RawHttp;
import io.jenkins.plugins.apitokens.TokenApi;
import io.jenkins.plugins.apitokens.engine.ItemRoute;
import io.jenkins.plugins.apitokens.engine.NewToken;
import io.jenkins.plugins.apitokens.engine.Operation;
import io.jenkins.plugins.apitokens.engine.Scope;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import jenkins.model.TransientActionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.verb.POST;

/**
 * The extension point as another plugin uses it: a build action whose routes are declared is reachable by limited
 * tokens with the operation declared, and nothing else of it; an action nobody declared stays refused; a declaration
 * that fails adds nothing and takes nothing from the others; a declaration added at run time applies at once.
 */
@WithJenkins
class ItemRoutesTest {

    private static final String REFUSAL = "This API token";

    private JenkinsRule r;
    private int minted;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ, Item.DISCOVER, Item.BUILD)
                .everywhere()
                .to("alice"));
        User.getById("alice", true);
        r.buildAndAssertSuccess(r.createFreeStyleProject("app"));
        r.buildAndAssertSuccess(r.createFreeStyleProject("other"));
    }

    private NewToken mint(Scope scope, String items) {
        return TokenApi.mint("alice", scope + " " + items + " " + ++minted, scope, items);
    }

    private RawHttp.Reply send(String method, String path, NewToken token) throws Exception {
        return RawHttp.send(r.getURL(), method, path, "alice", token.value(), Map.of());
    }

    @Test
    void declaredRoutesAreTakenWithTheirOperationAndNothingBelowThem() throws Exception {
        NewToken readOnly = mint(Scope.READ_ONLY, "app");
        RawHttp.Reply summary = send("GET", "job/app/1/custom-report/summary", readOnly);
        assertEquals(200, summary.status(), summary.body());
        assertTrue(summary.body().contains("summary of app #1"), summary.body());

        RawHttp.Reply rerunReadOnly = send("POST", "job/app/1/custom-report/rerun", readOnly);
        assertEquals(403, rerunReadOnly.status());
        assertTrue(
                rerunReadOnly
                        .body()
                        .contains(
                                "'custom-report/rerun' (declared by " + CustomRoutes.class.getName() + ") runs builds"),
                rerunReadOnly.body());
        RawHttp.Reply rerun = send("POST", "job/app/1/custom-report/rerun", mint(Scope.RUN_BUILDS, "app"));
        assertEquals(200, rerun.status(), rerun.body());
        assertTrue(rerun.body().contains("rerun of app #1"), rerun.body());

        RawHttp.Reply sibling = send("GET", "job/other/1/custom-report/summary", readOnly);
        assertEquals(403, sibling.status());
        String wayOut = "job/app/1/custom-report/run/parent/parent/job/other/api/json";
        assertEquals(200, send("GET", wayOut, mint(Scope.FULL, "")).status(), "the way out is real");
        RawHttp.Reply out = send("GET", wayOut, mint(Scope.FULL, "app"));
        assertEquals(403, out.status());
        assertTrue(out.body().startsWith(REFUSAL), out.body());
    }

    @Test
    void anActionNobodyDeclaredStaysRefused() throws Exception {
        assertEquals(
                200,
                send("GET", "job/app/1/hidden-report/summary", mint(Scope.FULL, ""))
                        .status());
        RawHttp.Reply refused = send("GET", "job/app/1/hidden-report/summary", mint(Scope.FULL, "app"));
        assertEquals(403, refused.status());
        assertTrue(refused.body().startsWith(REFUSAL), refused.body());
    }

    @Test
    void aDeclarationThatFailsAddsNothingAndTakesNothingFromOthers() throws Exception {
        NewToken limited = mint(Scope.READ_ONLY, "app");
        assertEquals(
                403, send("GET", "job/app/1/hidden-report/summary", limited).status());
        assertEquals(
                200, send("GET", "job/app/1/custom-report/summary", limited).status());
    }

    @Test
    void aDeclarationAddedAtRunTimeAppliesAtOnce() throws Exception {
        NewToken limited = mint(Scope.READ_ONLY, "app");
        assertEquals(
                403, send("GET", "job/app/1/hidden-report/summary", limited).status());
        ItemRoutes.all().add(new ItemRoutes() {
            @Override
            public List<ItemRoute> routes() {
                return List.of(ItemRoute.onBuild("hidden-report/summary", Operation.READ));
            }
        });
        assertEquals(
                200, send("GET", "job/app/1/hidden-report/summary", limited).status());
    }

    /** Another plugin's declaration of its build action's routes. */
    @TestExtension
    public static class CustomRoutes extends ItemRoutes {
        @Override
        public List<ItemRoute> routes() {
            return List.of(
                    ItemRoute.onBuild("custom-report/summary", Operation.READ),
                    ItemRoute.onBuild("custom-report/rerun", Operation.RUN));
        }
    }

    /** A declaration that fails after naming a route: none of its routes may count. */
    @TestExtension("aDeclarationThatFailsAddsNothingAndTakesNothingFromOthers")
    public static class FailingRoutes extends ItemRoutes {
        @Override
        public List<ItemRoute> routes() {
            return List.of(
                    ItemRoute.onBuild("hidden-report/summary", Operation.READ),
                    ItemRoute.onBuild("hidden-report/*/x*", Operation.READ));
        }
    }

    @TestExtension
    public static class Reports extends TransientActionFactory<Run> {
        @Override
        public Class<Run> type() {
            return Run.class;
        }

        @Override
        public Collection<? extends Action> createFor(Run target) {
            return List.of(new Report("custom-report", target), new Report("hidden-report", target));
        }
    }

    /** A build action with a page to read, one to run, and a getter that leads out to its build. */
    public static final class Report implements Action {
        private final String urlName;
        private final Run<?, ?> run;

        Report(String urlName, Run<?, ?> run) {
            this.urlName = urlName;
            this.run = run;
        }

        public Run<?, ?> getRun() {
            return run;
        }

        public HttpResponse doSummary() {
            return HttpResponses.text("summary of " + run.getFullDisplayName());
        }

        @POST
        public HttpResponse doRerun() {
            return HttpResponses.text("rerun of " + run.getFullDisplayName());
        }

        @Override
        public String getIconFileName() {
            return null;
        }

        @Override
        public String getDisplayName() {
            return urlName;
        }

        @Override
        public String getUrlName() {
            return urlName;
        }
    }
}
