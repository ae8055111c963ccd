package io.jenkins.plugins.apitokens.coretokens;

import hudson.model.User;
import io.jenkins.plugins.apitokens.engine.TokenInfo;
import io.jenkins.plugins.apitokens.engine.TokenNotFoundException;
import io.jenkins.plugins.apitokens.engine.TokenRef;
import io.jenkins.plugins.apitokens.engine.TokenService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * One list of tokens everywhere: the plugin's and core's (legacy ones included), marked by their origin, for the
 * user's page, REST, the CLI and the overview. A core token is revoked through core and announced like the
 * plugin's own, so the audit trail has every revocation.
 */
@Restricted(NoExternalUse.class)
public final class EveryToken {

    /** Marks core's tokens in a {@link TokenRef}, so that one list of refs can name tokens of both kinds. */
    private static final String CORE_REF_PREFIX = "core:";

    private static final Logger LOGGER = Logger.getLogger(EveryToken.class.getName());

    private EveryToken() {}

    /** Names a token for bulk actions: core's tokens carry a prefix before their id. */
    public static TokenRef refOf(TokenInfo token) {
        return new TokenRef(token.userId(), (token.origin().isCore() ? CORE_REF_PREFIX : "") + token.id());
    }

    /**
     * Revokes the tokens {@code refs} name (as {@link #refOf} names them), the plugin's at once and core's through
     * core one by one; tokens already gone are skipped, and a core token that cannot be revoked skips that token only.
     *
     * @return how many were revoked
     */
    public static int revokeAll(TokenService service, List<TokenRef> refs, String actor) {
        List<TokenRef> ours = new ArrayList<>();
        int revoked = 0;
        for (TokenRef ref : refs) {
            if (!ref.tokenId().startsWith(CORE_REF_PREFIX)) {
                ours.add(ref);
                continue;
            }
            User user = User.getById(ref.userId(), false);
            if (user == null) {
                continue;
            }
            try {
                String uuid = ref.tokenId().substring(CORE_REF_PREFIX.length());
                if (revokeCore(service, user, uuid, actor) != null) {
                    revoked++;
                }
            } catch (UncheckedIOException e) {
                LOGGER.log(Level.WARNING, e.getMessage(), e.getCause());
            }
        }
        return revoked + (ours.isEmpty() ? 0 : service.revokeAll(ours, actor).size());
    }

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
