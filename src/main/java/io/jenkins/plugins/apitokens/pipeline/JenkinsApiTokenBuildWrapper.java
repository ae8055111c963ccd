package io.jenkins.plugins.apitokens.pipeline;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.console.ConsoleLogFilter;
import hudson.model.AbstractBuild;
import hudson.model.AbstractProject;
import hudson.model.AutoCompletionCandidates;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildWrapperDescriptor;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.apitokens.engine.NewToken;
import io.jenkins.plugins.apitokens.engine.Scope;
import io.jenkins.plugins.apitokens.web.ItemNames;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import jenkins.tasks.SimpleBuildWrapper;
import org.jenkinsci.plugins.credentialsbinding.masking.SecretPatterns;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The freestyle form of {@link WithJenkinsApiTokenStep}: a token minted when the build starts, in an environment
 * variable for its build steps, masked in the log, revoked when the build ends. Freestyle only: in a Pipeline
 * ({@code wrap(...)}) the wrapper's environment, value included, would be saved with the program, so it refuses
 * to run there and points to {@code withJenkinsApiToken}, which keeps only the token's id.
 */
public class JenkinsApiTokenBuildWrapper extends SimpleBuildWrapper {

    /**
     * The live value per build, for the log mask only, in memory only: the log decorator is created before the token
     * exists, so it looks the value up line by line, as the Credentials Binding plugin's wrapper does.
     */
    private static final Map<Run<?, ?>, String> VALUES = new WeakHashMap<>();

    private final String variable;
    private String userVariable;
    private String scope = Scope.READ_ONLY.id();
    /** The full names of the items the token works in, separated by commas; blank for the build's own job. */
    private String items;

    @DataBoundConstructor
    public JenkinsApiTokenBuildWrapper(String variable) {
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
    public boolean requiresWorkspace() {
        return false;
    }

    @Override
    public void setUp(Context context, Run<?, ?> build, TaskListener listener, EnvVars initialEnvironment)
            throws java.io.IOException {
        if (!(build instanceof AbstractBuild)) {
            throw new AbortException(Messages.JenkinsApiTokenBuildWrapper_NotInPipeline());
        }
        NewToken token = BuildTokens.mint(build, scope, items, listener);
        synchronized (VALUES) {
            VALUES.put(build, token.value());
        }
        context.env(variable, token.value());
        if (userVariable != null) {
            context.env(userVariable, token.token().userId());
        }
        context.setDisposer(new Revoker(token.token().userId(), token.token().id()));
    }

    @Override
    public ConsoleLogFilter createLoggerDecorator(@NonNull Run<?, ?> build) {
        return new Mask();
    }

    @Override
    public void makeSensitiveBuildVariables(AbstractBuild build, Set<String> sensitiveVariables) {
        sensitiveVariables.add(variable);
    }

    /** Masks the build's token once it exists. */
    private static final class Mask extends ConsoleLogFilter implements Serializable {

        private static final long serialVersionUID = 1L;

        @Override
        public OutputStream decorateLogger(Run build, OutputStream logger) {
            return new SecretPatterns.MaskingOutputStream(
                    logger,
                    () -> {
                        String value;
                        synchronized (VALUES) {
                            value = VALUES.get(build);
                        }
                        return value == null ? null : SecretPatterns.getAggregateSecretPattern(List.of(value));
                    },
                    build.getCharset().name());
        }
    }

    /** Revokes the token as the build ends. */
    private static final class Revoker extends Disposer {

        private static final long serialVersionUID = 1L;

        private final String userId;
        private final String tokenId;

        Revoker(String userId, String tokenId) {
            this.userId = userId;
            this.tokenId = tokenId;
        }

        @Override
        public void tearDown(Run<?, ?> build, TaskListener listener) {
            BuildTokens.revoke(userId, tokenId, listener);
        }
    }

    /** No {@code @Symbol}: the wrapper is not meant to be a Pipeline step (see the class comment). */
    @Extension
    public static class DescriptorImpl extends BuildWrapperDescriptor {

        @Override
        public boolean isApplicable(AbstractProject<?, ?> item) {
            return true;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.JenkinsApiTokenBuildWrapper_DisplayName();
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
