package io.jenkins.plugins.apitokens.pipeline;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.model.User;
import hudson.security.AccessControlled;
import hudson.util.FormValidation;
import hudson.util.Secret;
import io.jenkins.plugins.apitokens.engine.TokenFormat;
import java.util.regex.Pattern;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
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

    /** Whether {@code value} looks like one of core's tokens (a version digit, then 32 hexadecimal digits). */
    static boolean isCoreTokenShape(String value) {
        return CORE_TOKEN.matcher(value).matches();
    }

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

        /**
         * Needs a permission, like every check that decrypts what it is given: a {@link Secret} from anywhere on the
         * instance would otherwise be decrypted for anyone, and its shape reported.
         */
        @POST
        public FormValidation doCheckToken(
                @AncestorInPath Item item, @AncestorInPath User owner, @QueryParameter String value) {
            if (!mayAddCredentials(item, owner)) {
                return FormValidation.ok(); // says nothing about a value the caller may not handle
            }
            String plain = Secret.fromString(value).getPlainText().strip();
            if (plain.isEmpty()) {
                return FormValidation.error(Messages.JenkinsApiTokenCredentials_TokenRequired());
            }
            if (TokenFormat.isWellFormed(plain) || isCoreTokenShape(plain)) {
                return FormValidation.ok();
            }
            return FormValidation.warning(Messages.JenkinsApiTokenCredentials_UnknownFormat());
        }

        /** Whoever may add or change credentials where the form is: in a folder, globally, or in their own store. */
        private static boolean mayAddCredentials(Item item, User owner) {
            if (owner != null) {
                return owner.equals(User.current());
            }
            AccessControlled context = item != null ? item : Jenkins.get();
            return context.hasPermission(CredentialsProvider.CREATE)
                    || context.hasPermission(CredentialsProvider.UPDATE);
        }
    }
}
