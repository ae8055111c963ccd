package io.jenkins.plugins.apitokens.user;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Item;
import hudson.model.User;
import hudson.model.UserProperty;
import hudson.model.UserPropertyDescriptor;
import hudson.model.userproperty.UserPropertyCategory;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.coretokens.EveryToken;
import io.jenkins.plugins.apitokens.engine.Scope;
import io.jenkins.plugins.apitokens.engine.TokenPolicy;
import io.jenkins.plugins.apitokens.engine.TokenService;
import io.jenkins.plugins.apitokens.pipeline.PersonalCredentials;
import io.jenkins.plugins.apitokens.web.TokenRequester;
import io.jenkins.plugins.apitokens.web.TokenRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;
import jenkins.security.ApiTokenProperty;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * The "API tokens" section of a user's Security page: the table of the user's tokens and the form to add one.
 * It stores nothing itself (tokens live in the {@link io.jenkins.plugins.apitokens.store.ApiTokenStore}); every change is
 * made by the page's script through {@link ApiTokensAction}, so submitting the page never touches a token.
 */
public class ApiTokensUserProperty extends UserProperty {

    /** Enough for any team; a very large instance still gets a usable list (REST takes any folder). */
    private static final int CREDENTIAL_FOLDERS_SHOWN = 200;

    /** Every token of the user, the plugin's and core's, newest state, for the page. */
    @Restricted(NoExternalUse.class)
    public List<TokenRow> getRows() {
        TokenService service = TokenEngine.get().service();
        TokenPolicy policy = service.policy();
        Instant now = service.now();
        List<TokenRow> rows = new ArrayList<>();
        EveryToken.of(service, user).forEach(token -> rows.add(new TokenRow(token, policy.getAgeThresholds(), now)));
        return rows;
    }

    /**
     * Whether the viewer may create and rotate tokens here, and so see new values: the user, or an administrator
     * where the policy lets administrators issue tokens for others.
     */
    @Restricted(NoExternalUse.class)
    public boolean isIssuing() {
        return isOwnPage() || TokenEngine.get().service().policy().isTokensForOthersAllowed();
    }

    /** Core's section of the same page, which the plugin's section lists too and links to. */
    @Restricted(NoExternalUse.class)
    public boolean isCoreSectionShown() {
        return user.getProperty(ApiTokenProperty.class) != null;
    }

    /** The title of core's section, as core names it, so the page can point to it. */
    @Restricted(NoExternalUse.class)
    public String getCoreSectionTitle() {
        return Jenkins.get()
                .getDescriptorByType(ApiTokenProperty.DescriptorImpl.class)
                .getDisplayName();
    }

    @Restricted(NoExternalUse.class)
    public String getTokensUrl() {
        return user.getUrl() + "/api-tokens";
    }

    /** Only the user and administrators see the section. */
    @Restricted(NoExternalUse.class)
    public boolean isVisible() {
        return TokenRequester.mayManageTokensOf(user);
    }

    /** Only the user may save a token into their own credentials store. */
    @Restricted(NoExternalUse.class)
    public boolean isOwnPage() {
        return user.equals(User.current());
    }

    /** Folders the user may save a new token into as a credential, besides their own store. */
    @Restricted(NoExternalUse.class)
    public List<Item> getCredentialFolders() {
        return PersonalCredentials.writableFolders(CREDENTIAL_FOLDERS_SHOWN);
    }

    @Restricted(NoExternalUse.class)
    public List<ExpiryOption> getExpiryOptions() {
        return ExpiryOption.allowedBy(TokenEngine.get().service().policy());
    }

    @Restricted(NoExternalUse.class)
    public List<Scope> getScopes() {
        return List.copyOf(TokenEngine.get().service().policy().getAllowedScopes());
    }

    /** Tokens change only through their own requests: the page's form submission keeps this property as is. */
    @Override
    public UserProperty reconfigure(StaplerRequest2 req, JSONObject form) {
        return this;
    }

    /** Above core's own API Token section (ordinal 0), which this section lists too and explains. */
    @Extension(ordinal = 10)
    @Symbol("apiTokenManager")
    public static final class DescriptorImpl extends UserPropertyDescriptor {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.ApiTokensUserProperty_DisplayName();
        }

        @Override
        public UserProperty newInstance(User user) {
            return new ApiTokensUserProperty();
        }

        @NonNull
        @Override
        public UserPropertyCategory getUserPropertyCategory() {
            return UserPropertyCategory.get(UserPropertyCategory.Security.class);
        }
    }
}
