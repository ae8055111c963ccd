package io.jenkins.plugins.apitokens.pipeline;

import hudson.console.ConsoleLogFilter;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.apitokens.engine.NewToken;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * Mints the build's token, runs the body with it, and revokes it when the body ends (success, failure or abort).
 * Only the token's id is kept in the serialized program; the value lives encrypted in the body's environment and
 * log filter, as the Credentials Binding plugin keeps its secrets.
 */
final class BuildTokenExecution extends StepExecution {

    private static final long serialVersionUID = 1L;

    private final String variable;
    private final String userVariable;
    private final String scope;
    /** {@code null} for the build's own job. */
    private final String items;

    BuildTokenExecution(StepContext context, String variable, String userVariable, String scope, String items) {
        super(context);
        this.variable = variable;
        this.userVariable = userVariable;
        this.scope = scope;
        this.items = items;
    }

    @Override
    public boolean start() throws Exception {
        Run<?, ?> run = getContext().get(Run.class);
        TaskListener listener = getContext().get(TaskListener.class);
        NewToken token = BuildTokens.mint(run, scope, items, listener);
        String userId = token.token().userId();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(variable, token.value());
        if (userVariable != null) {
            environment.put(userVariable, userId);
        }
        getContext()
                .newBodyInvoker()
                .withContext(EnvironmentExpander.merge(
                        getContext().get(EnvironmentExpander.class), new SecretEnvironment(environment, variable)))
                .withContext(BodyInvoker.mergeConsoleLogFilters(
                        getContext().get(ConsoleLogFilter.class),
                        new MaskingLogFilter(token.value(), run.getCharset().name())))
                .withCallback(new RevokeWhenDone(userId, token.token().id()))
                .start();
        return false;
    }

    /** Revokes the token as the body ends, before the step completes, whatever the outcome. */
    private static final class RevokeWhenDone extends BodyExecutionCallback.TailCall {

        private static final long serialVersionUID = 1L;

        private final String userId;
        private final String tokenId;

        RevokeWhenDone(String userId, String tokenId) {
            this.userId = userId;
            this.tokenId = tokenId;
        }

        @Override
        protected void finished(StepContext context) throws Exception {
            BuildTokens.revoke(userId, tokenId, context.get(TaskListener.class));
        }
    }
}
