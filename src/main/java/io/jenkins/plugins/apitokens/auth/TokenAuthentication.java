package io.jenkins.plugins.apitokens.auth;

import io.jenkins.plugins.apitokens.engine.Reach;
import io.jenkins.plugins.apitokens.engine.Scope;
import io.jenkins.plugins.apitokens.engine.TokenInfo;
import io.jenkins.plugins.apitokens.engine.TokenOrigin;
import java.util.Collection;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.Transient;

/**
 * The identity of a request made with an API token: the user's, as core's own token authentication gives it, plus
 * what the token may do. {@link Transient}, so Spring Security never stores it in an HTTP session: a token is good
 * for the request that carries it, and must never turn into a session that outlives the token or its scope.
 */
@Transient
@Restricted(NoExternalUse.class)
public final class TokenAuthentication extends UsernamePasswordAuthenticationToken {

    private static final long serialVersionUID = 1L;

    private final Scope scope;
    private final Reach reach;
    private final TokenOrigin origin;
    private final String tokenId;
    private final boolean retiring;

    TokenAuthentication(String username, Collection<? extends GrantedAuthority> authorities, TokenInfo token) {
        super(username, "", authorities);
        this.scope = token == null ? Scope.FULL : token.scope();
        this.reach = token == null ? Reach.EVERYWHERE : token.reach();
        this.origin = token == null ? TokenOrigin.CORE : token.origin();
        this.tokenId = token == null ? null : token.id();
        this.retiring = token != null && token.isRetiring();
    }

    /** The same identity as {@code core}'s authentication of a core token, but never kept in a session. */
    static TokenAuthentication ofCoreToken(Authentication core) {
        return new TokenAuthentication(core.getName(), core.getAuthorities(), null);
    }

    /** The token behind the current request or CLI command, or {@code null} when none of them authenticated it. */
    public static TokenAuthentication current() {
        return Jenkins.getAuthentication2() instanceof TokenAuthentication token ? token : null;
    }

    public Scope scope() {
        return scope;
    }

    public Reach reach() {
        return reach;
    }

    public TokenOrigin origin() {
        return origin;
    }

    /** The plugin's id of the token; {@code null} for core's tokens. */
    public String tokenId() {
        return tokenId;
    }

    /**
     * Whether the request may create, rotate or reveal tokens and credentials. Only a user's full token that works
     * everywhere may: a per-build token is held by a build script, and must end with the build rather than buy its
     * author a lasting credential; a narrowed token must not widen itself by minting another; the old value of a
     * rotation, working through its grace period only so scripts can switch, must not rotate its successor (handing
     * whoever holds the old value a fresh one) nor mint new tokens.
     */
    public boolean mayManageCredentials() {
        return origin != TokenOrigin.BUILD && !isNarrowed() && !retiring;
    }

    /** Whether the token may do less than its user: a scope other than full access, or a limit to some items. */
    public boolean isNarrowed() {
        return scope != Scope.FULL || !reach.isEverywhere();
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
