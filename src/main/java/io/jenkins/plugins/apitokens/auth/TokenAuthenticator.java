package io.jenkins.plugins.apitokens.auth;

import hudson.Extension;
import hudson.model.User;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.engine.DecoyUse;
import io.jenkins.plugins.apitokens.engine.PolicyBreach;
import io.jenkins.plugins.apitokens.engine.TokenFormat;
import io.jenkins.plugins.apitokens.engine.TokenInfo;
import io.jenkins.plugins.apitokens.engine.TokenService;
import io.jenkins.plugins.apitokens.engine.Verification;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.security.BasicHeaderAuthenticator;
import jenkins.security.SecurityListener;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Accepts {@code user:token} in HTTP Basic authentication (REST and the CLI's {@code -auth}) when the token is one
 * of this plugin's. It runs first ({@link #ORDINAL}), before core's token and password checks. A value that is not
 * of this plugin's format is left to them, so core tokens and passwords keep working; a value of this plugin's format
 * that does not verify is refused here and never reaches the security realm as a password (see
 * {@link PasswordAuthenticatorSkippingTokens}): core then answers 401.
 */
@Extension(ordinal = TokenAuthenticator.ORDINAL)
@Restricted(NoExternalUse.class)
public class TokenAuthenticator extends BasicHeaderAuthenticator {

    /** Before core's authenticators, whose ordinal is 0: the cheap, realm-free check goes first. */
    static final double ORDINAL = 100;

    private static final Logger LOGGER = Logger.getLogger(TokenAuthenticator.class.getName());

    @Override
    public Authentication authenticate2(
            HttpServletRequest req, HttpServletResponse rsp, String username, String password) throws ServletException {
        if (!TokenFormat.isWellFormed(password)) {
            return null;
        }
        User user = User.getById(username, false);
        if (user == null) {
            LOGGER.log(Level.FINE, "Refused an API token for {0}: no such user", username);
            tripDecoy(req, username, password);
            return null;
        }
        TokenService service = TokenEngine.get().service();
        Verification result;
        try {
            result = service.verify(user.getId(), password, req.getRemoteAddr());
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "Could not check an API token of user " + user.getId(), e);
            return null;
        }
        if (!result.isAccepted()) {
            LOGGER.log(Level.FINE, "Refused an API token for {0}: {1}", new Object[] {username, result.rejection()});
            tripDecoy(req, username, password);
            return null;
        }
        TokenInfo token = result.token();
        List<PolicyBreach> breaches = PolicyEnforcement.breachesOf(service, user, token);
        if (!breaches.isEmpty()) {
            // Authenticated, but refused by the request filter (403, not 401): the owner learns why.
            PolicyEnforcement.markBlocked(
                    req, PolicyEnforcement.refusal(service, token, breaches, req.getRemoteAddr()));
        }
        try {
            UserDetails details = user.getUserDetailsForImpersonation2();
            // What core's (restricted) User.impersonate(UserDetails) does, without asking the realm twice.
            Authentication authentication =
                    new TokenAuthentication(details.getUsername(), details.getAuthorities(), token);
            SecurityListener.fireAuthenticated2(details);
            TokenRequestScope.mark(req, result.scope());
            return authentication;
        } catch (UsernameNotFoundException e) {
            // The token is valid but its user is gone from the security realm (an SSO realm that cannot tell answers
            // with the last groups it saw, never here): refused with 401, as a request without a valid token is,
            // never a 500 with a stack trace. The value is never tried as a password.
            LOGGER.log(
                    Level.FINE,
                    "Refused an API token of user " + user.getId() + ": the security realm does not know them",
                    e);
            return null;
        }
    }

    /**
     * A value that did not authenticate may be a decoy's: then somebody found it where it was planted. The request is
     * refused all the same, as any unknown value is (by this method's caller), and the alert is raised off this
     * thread, so neither the answer nor its timing tells a decoy from a mistyped value. A real token's check never
     * comes here.
     */
    private static void tripDecoy(HttpServletRequest req, String username, String value) {
        try {
            TokenEngine.get()
                    .decoys()
                    .trip(
                            value,
                            DecoyUse.request(
                                    req.getRemoteAddr(),
                                    req.getMethod(),
                                    req.getRequestURI(),
                                    username,
                                    req.getHeader("User-Agent")));
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "Could not check a refused API token against the decoys", e);
        }
    }
}
