package io.jenkins.plugins.apitokens.pipeline;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.IOException;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.credentialsbinding.Binding;
import org.jenkinsci.plugins.credentialsbinding.BindingDescriptor;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code withCredentials([jenkinsApiToken(credentialsId: 'ci', variable: 'JENKINS_AUTH')])}: the credential as
 * {@code user:token}, ready for {@code curl -u "$JENKINS_AUTH"} or {@code -auth "$JENKINS_AUTH"}, masked in the log
 * by the Credentials Binding plugin.
 */
public class JenkinsApiTokenBinding extends Binding<JenkinsApiTokenCredentials> {

    @DataBoundConstructor
    public JenkinsApiTokenBinding(String variable, String credentialsId) {
        super(variable, credentialsId);
    }

    @Override
    protected Class<JenkinsApiTokenCredentials> type() {
        return JenkinsApiTokenCredentials.class;
    }

    @Override
    public SingleEnvironment bindSingle(
            @NonNull Run<?, ?> build,
            @Nullable FilePath workspace,
            @Nullable Launcher launcher,
            @NonNull TaskListener listener)
            throws IOException {
        JenkinsApiTokenCredentials credentials = getCredentials(build);
        return new SingleEnvironment(
                credentials.getUserId() + ':' + credentials.getToken().getPlainText());
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
