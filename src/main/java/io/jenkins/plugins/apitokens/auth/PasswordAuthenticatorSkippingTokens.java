package io.jenkins.plugins.apitokens.auth;

import hudson.Extension;
import hudson.ExtensionComponent;
import io.jenkins.plugins.apitokens.engine.TokenFormat;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import jenkins.ExtensionFilter;
import jenkins.security.BasicHeaderAuthenticator;
import jenkins.security.BasicHeaderRealPasswordAuthenticator;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.accmod.restrictions.suppressions.SuppressRestrictedWarnings;
import org.springframework.security.core.Authentication;

/**
 * Core's Basic-header password check, except for values of this plugin's token format. Without it, a mistyped,
 * revoked or expired token of ours would be tried as the user's password: sent to LDAP or Active Directory, where it
 * counts towards a lock-out and lands in the directory's logs, at the cost of a password hash per request. Core has
 * no switch for this, so {@link ReplaceCorePasswordAuthenticator} takes core's instance out of the list and this
 * subclass takes its place, last ({@link #ORDINAL}), after every token check. Everything else it leaves to core's
 * code, including core's {@code jenkins.security.ignoreBasicAuth} switch.
 */
@Extension(ordinal = PasswordAuthenticatorSkippingTokens.ORDINAL)
@Restricted(NoExternalUse.class)
@SuppressRestrictedWarnings(BasicHeaderRealPasswordAuthenticator.class)
public class PasswordAuthenticatorSkippingTokens extends BasicHeaderRealPasswordAuthenticator {

    /** After core's token authenticator and any other at the default ordinal: passwords are the costly check. */
    static final double ORDINAL = -100;

    @Override
    public Authentication authenticate2(
            HttpServletRequest req, HttpServletResponse rsp, String username, String password)
            throws IOException, ServletException {
        if (TokenFormat.isWellFormed(password)) {
            return null; // one of ours that did not verify: never a password
        }
        return super.authenticate2(req, rsp, username, password);
    }

    /** Leaves out core's own instance, which {@link PasswordAuthenticatorSkippingTokens} replaces. */
    @Extension
    @Restricted(NoExternalUse.class)
    @SuppressRestrictedWarnings(BasicHeaderRealPasswordAuthenticator.class)
    public static class ReplaceCorePasswordAuthenticator extends ExtensionFilter {
        @Override
        public <T> boolean allows(Class<T> type, ExtensionComponent<T> component) {
            return type != BasicHeaderAuthenticator.class
                    || component.getInstance().getClass() != BasicHeaderRealPasswordAuthenticator.class;
        }
    }
}
