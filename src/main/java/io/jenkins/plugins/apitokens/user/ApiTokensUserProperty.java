package io.jenkins.plugins.apitokens.user;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.User;
import hudson.model.UserProperty;
import hudson.model.UserPropertyDescriptor;
import hudson.model.userproperty.UserPropertyCategory;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * The "API tokens" section of a user's Security page: the table of the user's tokens and the form to add one
 * ({@link TokensSection}). No instance is ever created or stored: tokens live in the
 * {@link io.jenkins.plugins.apitokens.store.ApiTokenStore}, every change is made by the page's script through
 * {@link ApiTokensAction}, and submitting the page never touches a token. The type exists for its descriptor, which
 * places the section on the page.
 */
public class ApiTokensUserProperty extends UserProperty {

    /**
     * Drops the empty element an earlier release wrote into every user's {@code config.xml}: core discards a
     * property read as {@code null}, and the next save of the user leaves it out.
     */
    private Object readResolve() {
        return null;
    }

    /** Above core's own API Token section (ordinal 0), which this section lists too and explains. */
    @Extension(ordinal = 10)
    @Symbol("apiTokens")
    public static final class DescriptorImpl extends UserPropertyDescriptor {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.ApiTokensUserProperty_DisplayName();
        }

        /**
         * The section shown on the page of {@code owner} (the page's {@code it}): the view asks for it, since there is
         * no instance; {@code null} on a page that is not a user's.
         */
        @Restricted(NoExternalUse.class)
        public TokensSection sectionFor(Object owner) {
            return owner instanceof User user ? new TokensSection(user) : null;
        }

        /** None: users have the section without anything stored in their {@code config.xml}. */
        @Override
        public UserProperty newInstance(User user) {
            return null;
        }

        /** None either when the Security page is saved: tokens change only through their own requests. */
        @Override
        public UserProperty newInstance(StaplerRequest2 req, @NonNull JSONObject formData) {
            return null;
        }

        @NonNull
        @Override
        public UserPropertyCategory getUserPropertyCategory() {
            return UserPropertyCategory.get(UserPropertyCategory.Security.class);
        }
    }
}
