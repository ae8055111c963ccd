package io.jenkins.plugins.apitokens.web;

import hudson.model.User;
import io.jenkins.plugins.apitokens.auth.TokenAuthentication;
import io.jenkins.plugins.apitokens.engine.NewToken;
import io.jenkins.plugins.apitokens.engine.TokenRequest;
import io.jenkins.plugins.apitokens.engine.TokenService;
import java.time.Duration;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who asks to create or rotate one of {@code owner}'s tokens, for REST, the CLI and the page alike. Whoever does
 * sees the new value: the owner may; an administrator only where the policy lets administrators issue tokens (the
 * engine checks); a request made with a per-build token never.
 */
@Restricted(NoExternalUse.class)
public final class TokenRequester {

    private final User owner;

    public TokenRequester(User owner) {
        this.owner = owner;
    }

    /** Creates a token; the items it is limited to must be ones the requester can see. */
    public NewToken create(TokenService service, TokenRequest asked) {
        checkTokenMayManageTokens();
        TokenRequest request =
                new TokenRequest(asked.name(), asked.expiry(), asked.scope(), ItemNames.visible(asked.reach()));
        return isOwner()
                ? service.create(owner.getId(), request, name())
                : service.issueFor(owner.getId(), request, name());
    }

    /** @param grace how long the old value keeps working, {@code null} for not at all */
    public NewToken rotate(TokenService service, String tokenId, Duration grace) {
        checkTokenMayManageTokens();
        return isOwner()
                ? service.rotate(owner.getId(), tokenId, name(), grace)
                : service.rotateFor(owner.getId(), tokenId, name(), grace);
    }

    /** Whether the current user is the owner (and so may see new values of their tokens). */
    boolean isOwner() {
        return owner.equals(User.current());
    }

    /**
     * Whether the current user may see and manage {@code user}'s tokens: the user themself, or an administrator
     * (the user's own ACL grants them {@code ADMINISTER} on their record).
     */
    public static boolean mayManageTokensOf(User user) {
        return user.hasPermission(Jenkins.ADMINISTER);
    }

    /** The actor as the audit trail names them. */
    public static String name() {
        return Jenkins.getAuthentication2().getName();
    }

    private static void checkTokenMayManageTokens() {
        TokenAuthentication token = TokenAuthentication.current();
        if (token != null && !token.mayManageCredentials()) {
            throw new AccessDeniedException(Messages.TokenRequester_NarrowToken());
        }
    }
}
