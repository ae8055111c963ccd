package io.jenkins.plugins.apitokens.pipeline;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.util.FormValidation;
import hudson.util.Secret;
import io.jenkins.plugins.apitokens.engine.TokenFormat;
import java.util.regex.Pattern;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * A Jenkins user id and one of that user's API tokens, optionally with the Jenkins it is for. It is a username and
 * password credential, so {@code withCredentials([usernamePassword(…)])} and every consumer of those work unchanged;
 * {@link JenkinsApiTokenBinding} also exports it as {@code user:token} in one variable.
 */
public class JenkinsApiTokenCredentials extends BaseStandardCredentials implements StandardUsernamePasswordCredentials {

    private static final long serialVersionUID = 1L;
    /** Core's own token format: a two-digit version and 32 hex digits. */
    private static final Pattern CORE_TOKEN = Pattern.compile("1[01][0-9a-f]{32}");

    private final String userId;
    private final Secret token;
    private String jenkinsUrl;

    @DataBoundConstructor
    public JenkinsApiTokenCredentials(
            @CheckForNull CredentialsScope scope,
            @CheckForNull String id,
            @CheckForNull String description,
            @CheckForNull String userId,
            @CheckForNull Secret token) {
        super(scope, id, description);
        this.userId = Util.fixNull(userId).strip();
        this.token = token == null ? Secret.fromString("") : token;
    }

    public String getUserId() {
        return userId;
    }

    public Secret getToken() {
        return token;
    }

    /** The Jenkins the token belongs to, or {@code null} for this one. */
    public String getJenkinsUrl() {
        return jenkinsUrl;
    }

    @DataBoundSetter
    public void setJenkinsUrl(String jenkinsUrl) {
        this.jenkinsUrl = Util.fixEmptyAndTrim(jenkinsUrl);
    }

    @NonNull
    @Override
    public String getUsername() {
        return userId;
    }

    @NonNull
    @Override
    public Secret getPassword() {
        return token;
    }

    /** A user id is not a secret; masking it would hide every mention of the user in the build log. */
    @Override
    public boolean isUsernameSecret() {
        return false;
    }

    @Extension
    @Symbol("jenkinsApiTokenCredentials")
    public static class DescriptorImpl extends BaseStandardCredentialsDescriptor {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.JenkinsApiTokenCredentials_DisplayName();
        }

        @Override
        public String getIconClassName() {
            return "symbol-key";
        }

        @POST
        public FormValidation doCheckUserId(@QueryParameter String value) {
            return Util.fixEmptyAndTrim(value) == null
                    ? FormValidation.error(Messages.JenkinsApiTokenCredentials_UserIdRequired())
                    : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckToken(@QueryParameter String value) {
            String plain = Secret.fromString(value).getPlainText().strip();
            if (plain.isEmpty()) {
                return FormValidation.error(Messages.JenkinsApiTokenCredentials_TokenRequired());
            }
            if (TokenFormat.isWellFormed(plain) || CORE_TOKEN.matcher(plain).matches()) {
                return FormValidation.ok();
            }
            return FormValidation.warning(Messages.JenkinsApiTokenCredentials_UnknownFormat());
        }
    }
}
