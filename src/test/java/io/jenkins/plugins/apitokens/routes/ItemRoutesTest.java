package io.jenkins.plugins.apitokens.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Action;
import hudson.model.Item;
import hudson.model.Run;
import io.jenkins.plugins.apitokens.RawHttp;
import io.jenkins.plugins.apitokens.engine.ItemRoute;
import io.jenkins.plugins.apitokens.engine.NewToken;
import io.jenkins.plugins.apitokens.engine.Operation;
import io.jenkins.plugins.apitokens.engine.Scope;
import java.util.AbstractList;
import java.util.Collection;
import java.util.List;
import jenkins.model.Jenkins;
import jenkins.model.TransientActionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
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

    private JenkinsRule r;
    private ScriptingUser alice;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        alice = ScriptingUser.alice(r, Jenkins.READ, Item.READ, Item.DISCOVER, Item.BUILD);
        r.buildAndAssertSuccess(r.createFreeStyleProject("app"));
        r.buildAndAssertSuccess(r.createFreeStyleProject("other"));
    }

    @Test
    void declaredRoutesAreTakenWithTheirOperationAndNothingBelowThem() throws Exception {
        NewToken readOnly = alice.mint(Scope.READ_ONLY, "app");
        RawHttp.Reply summary = alice.send("GET", "job/app/1/custom-report/summary", readOnly);
        assertEquals(200, summary.status(), summary.body());
        assertTrue(summary.body().contains("summary of app #1"), summary.body());

        RawHttp.Reply rerunReadOnly = alice.send("POST", "job/app/1/custom-report/rerun", readOnly);
        assertEquals(403, rerunReadOnly.status());
        assertTrue(
                rerunReadOnly
                        .body()
                        .contains(
                                "'custom-report/rerun' (declared by " + CustomRoutes.class.getName() + ") runs builds"),
                rerunReadOnly.body());
        RawHttp.Reply rerun = alice.send("POST", "job/app/1/custom-report/rerun", alice.mint(Scope.RUN_BUILDS, "app"));
        assertEquals(200, rerun.status(), rerun.body());
        assertTrue(rerun.body().contains("rerun of app #1"), rerun.body());

        RawHttp.Reply sibling = alice.send("GET", "job/other/1/custom-report/summary", readOnly);
        assertEquals(403, sibling.status());
        String wayOut = "job/app/1/custom-report/run/parent/parent/job/other/api/json";
        assertEquals(200, alice.send("GET", wayOut, alice.mint(Scope.FULL, "")).status(), "the way out is real");
        ScriptingUser.assertRefused(alice.send("GET", wayOut, alice.mint(Scope.FULL, "app")), wayOut);
    }

    @Test
    void anActionNobodyDeclaredStaysRefused() throws Exception {
        assertEquals(
                200,
                alice.send("GET", "job/app/1/hidden-report/summary", alice.mint(Scope.FULL, ""))
                        .status());
        String undeclared = "job/app/1/hidden-report/summary";
        ScriptingUser.assertRefused(alice.send("GET", undeclared, alice.mint(Scope.FULL, "app")), undeclared);
    }

    @Test
    void aDeclarationThatFailsAddsNothingAndTakesNothingFromOthers() throws Exception {
        NewToken limited = alice.mint(Scope.READ_ONLY, "app");
        assertEquals(
                403,
                alice.send("GET", "job/app/1/hidden-report/summary", limited).status());
        assertEquals(
                200,
                alice.send("GET", "job/app/1/custom-report/summary", limited).status());
    }

    /** Restart from a stage is declared for pipeline-model-definition, which is not installed here. */
    @Test
    void aReviewedPluginsRoutesApplyOnlyWhileItIsInstalled() throws Exception {
        assertEquals(null, Jenkins.get().getPluginManager().getPlugin("pipeline-model-definition"));
        String api = "job/app/1/restart/api/json";
        assertEquals(404, alice.send("GET", api, alice.mint(Scope.FULL, "")).status());
        ScriptingUser.assertRefused(alice.send("GET", api, alice.mint(Scope.FULL, "app")), api);
        // Installed, the same shape is taken: workflow-cps' replay, declared the same way.
        assertEquals(
                404,
                alice.send("GET", "job/app/1/replay/rebuild", alice.mint(Scope.FULL, "app"))
                        .status(),
                "not refused by the token: a freestyle build has no replay");
    }

    @Test
    void aDeclarationAddedAtRunTimeAppliesAtOnce() throws Exception {
        NewToken limited = alice.mint(Scope.READ_ONLY, "app");
        assertEquals(
                403,
                alice.send("GET", "job/app/1/hidden-report/summary", limited).status());
        ItemRoutes.all().add(new ItemRoutes() {
            @Override
            public List<ItemRoute> routes() {
                return List.of(ItemRoute.onBuild("hidden-report/summary", Operation.READ));
            }
        });
        assertEquals(
                200,
                alice.send("GET", "job/app/1/hidden-report/summary", limited).status());
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
            return new AbstractList<>() {
                @Override
                public ItemRoute get(int index) {
                    if (index == 0) {
                        return ItemRoute.onBuild("hidden-report/summary", Operation.READ);
                    }
                    throw new NoClassDefFoundError("an optional dependency of the declaring plugin");
                }

                @Override
                public int size() {
                    return 2;
                }
            };
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
