package io.jenkins.plugins.apitokens.auth;

import io.jenkins.plugins.apitokens.engine.Scope;
import jakarta.servlet.ServletRequest;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Marks a request as authenticated by one of this plugin's tokens, with the token's scope. A request attribute,
 * so only server code can set it: a client cannot claim it with a header.
 */
@Restricted(NoExternalUse.class)
public final class TokenRequestScope {

    private static final String ATTRIBUTE = TokenRequestScope.class.getName();

    private TokenRequestScope() {}

    static void mark(ServletRequest request, Scope scope) {
        request.setAttribute(ATTRIBUTE, scope);
    }

    /** The scope of the token that authenticated this request, or {@code null} if none of ours did. */
    public static Scope of(ServletRequest request) {
        Object scope = request.getAttribute(ATTRIBUTE);
        return scope instanceof Scope ? (Scope) scope : null;
    }
}
