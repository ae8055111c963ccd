package io.jenkins.plugins.apitokens.pipeline;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.credentialsbinding.BindingDescriptor;
import org.jenkinsci.plugins.credentialsbinding.MultiBinding;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code withCredentials([jenkinsApiToken(credentialsId: 'ci', variable: 'JENKINS_AUTH')])}: the credential as
 * {@code user:token} in {@code JENKINS_AUTH}, ready for {@code curl -u "$JENKINS_AUTH"} or {@code -auth}, and the
 * token alone in {@code JENKINS_AUTH_TOKEN}. Both are secrets of the binding, so the Credentials Binding plugin
 * masks each in the log: a script that prints only the part after the colon prints {@code ****} too.
 */
public class JenkinsApiTokenBinding extends MultiBinding<JenkinsApiTokenCredentials> {

    /** Appended to the variable's name for the token alone. */
    static final String TOKEN_SUFFIX = "_TOKEN";

    private final String variable;

    @DataBoundConstructor
    public JenkinsApiTokenBinding(String variable, String credentialsId) {
        super(credentialsId);
        this.variable = variable;
    }

    public String getVariable() {
        return variable;
    }

    @Override
    protected Class<JenkinsApiTokenCredentials> type() {
        return JenkinsApiTokenCredentials.class;
    }

    @Override
    public MultiEnvironment bind(
            @NonNull Run<?, ?> build,
            @Nullable FilePath workspace,
            @Nullable Launcher launcher,
            @NonNull TaskListener listener)
            throws IOException {
        JenkinsApiTokenCredentials credentials = getCredentials(build);
        String token = credentials.getToken().getPlainText();
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put(variable, credentials.getUserId() + ':' + token);
        secrets.put(variable + TOKEN_SUFFIX, token);
        return new MultiEnvironment(secrets);
    }

    @Override
    public Set<String> variables(@NonNull Run<?, ?> build) {
        return new LinkedHashSet<>(List.of(variable, variable + TOKEN_SUFFIX));
    }

    @Extension
    @Symbol("jenkinsApiToken")
    public static class DescriptorImpl extends BindingDescriptor<JenkinsApiTokenCredentials> {

        @Override
        protected Class<JenkinsApiTokenCredentials> type() {
            return JenkinsApiTokenCredentials.class;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.JenkinsApiTokenBinding_DisplayName();
        }

        @Override
        public boolean requiresWorkspace() {
            return false;
        }
    }
}
