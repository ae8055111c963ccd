package io.jenkins.plugins.apitokens.pipeline;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.AutoCompletionCandidates;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.apitokens.engine.Scope;
import io.jenkins.plugins.apitokens.web.ItemNames;
import java.util.List;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code withJenkinsApiToken(variable: 'JENKINS_TOKEN', scope: 'read-only') { … }}: a token minted for this build,
 * valid inside the block only, revoked when it ends however it ends, and masked in the log.
 */
public class WithJenkinsApiTokenStep extends Step {

    private final String variable;
    private String userVariable;
    private String scope = Scope.READ_ONLY.id();
    /** The full names of the items the token works in, separated by commas; blank for the build's own job. */
    private String items;

    @DataBoundConstructor
    public WithJenkinsApiTokenStep(String variable) {
        this.variable = variable;
    }

    public String getVariable() {
        return variable;
    }

    public String getUserVariable() {
        return userVariable;
    }

    @DataBoundSetter
    public void setUserVariable(String userVariable) {
        this.userVariable = BuildTokens.strippedOrNull(userVariable);
    }

    public String getScope() {
        return scope;
    }

    @DataBoundSetter
    public void setScope(String scope) {
        this.scope = scope;
    }

    public String getItems() {
        return items;
    }

    @DataBoundSetter
    public void setItems(String items) {
        this.items = BuildTokens.strippedOrNull(items);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new BuildTokenExecution(context, variable, userVariable, scope, items);
    }

    @Extension
    public static class DescriptorImpl extends StepDescriptor {

        public DescriptorImpl() {
            // The step takes the wrapper's fields: the wrapper's help pages serve both.
            for (String field : List.of("variable", "userVariable", "scope", "items")) {
                addHelpFileRedirect(field, JenkinsApiTokenBuildWrapper.class, field);
            }
        }

        @Override
        public String getFunctionName() {
            return "withJenkinsApiToken";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.WithJenkinsApiTokenStep_DisplayName();
        }

        @Override
        public boolean takesImplicitBlockArgument() {
            return true;
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }

        public ListBoxModel doFillScopeItems() {
            return BuildTokens.scopeItems();
        }

        @POST
        public AutoCompletionCandidates doAutoCompleteItems(@QueryParameter String value) {
            return ItemNames.complete(value);
        }
    }
}
