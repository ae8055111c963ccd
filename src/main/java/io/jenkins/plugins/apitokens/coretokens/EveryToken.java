package io.jenkins.plugins.apitokens.coretokens;

import hudson.model.User;
import io.jenkins.plugins.apitokens.engine.TokenInfo;
import io.jenkins.plugins.apitokens.engine.TokenNotFoundException;
import io.jenkins.plugins.apitokens.engine.TokenService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * One list of tokens everywhere: the plugin's and core's (legacy ones included), marked by their origin, for the
 * user's page, REST, the CLI and the overview. A core token is revoked through core and announced like the
 * plugin's own, so the audit trail has every revocation.
 */
@Restricted(NoExternalUse.class)
public final class EveryToken {

    private EveryToken() {}

    /** The user's tokens: the plugin's by name, then core's. */
    public static List<TokenInfo> of(TokenService service, User user) {
        List<TokenInfo> all = new ArrayList<>(service.list(user.getId()));
        all.addAll(CoreTokens.of(user));
        return all;
    }

    /** Every token of every user. */
    public static List<TokenInfo> onInstance(TokenService service) {
        List<TokenInfo> all = new ArrayList<>(service.listAll());
        all.addAll(CoreTokens.all());
        return all;
    }

    /**
     * Revokes the user's token with this id: the plugin's, or else core's.
     *
     * @throws TokenNotFoundException if the user has neither
     */
    public static TokenInfo revoke(TokenService service, User user, String id, String actor) {
        try {
            return service.revoke(user.getId(), id, actor);
        } catch (TokenNotFoundException notOurs) {
            TokenInfo core = revokeCore(service, user, id, actor);
            if (core == null) {
                throw notOurs;
            }
            return core;
        }
    }

    /** Revokes one of core's tokens of the user; {@code null} if the user has no such core token. */
    public static TokenInfo revokeCore(TokenService service, User user, String uuid, String actor) {
        try {
            TokenInfo token = CoreTokens.revoke(user, uuid);
            if (token != null) {
                service.announceRevoked(token, actor);
            }
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not revoke core API token " + uuid + " of " + user.getId(), e);
        }
    }
}
