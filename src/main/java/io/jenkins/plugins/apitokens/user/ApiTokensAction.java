package io.jenkins.plugins.apitokens.user;

import com.cloudbees.plugins.credentials.CredentialsStore;
import hudson.Extension;
import hudson.model.Action;
import hudson.model.AutoCompletionCandidates;
import hudson.model.TransientUserActionFactory;
import hudson.model.User;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.coretokens.EveryToken;
import io.jenkins.plugins.apitokens.engine.Decoys;
import io.jenkins.plugins.apitokens.engine.ExpiryChoice;
import io.jenkins.plugins.apitokens.engine.GracePeriod;
import io.jenkins.plugins.apitokens.engine.NewToken;
import io.jenkins.plugins.apitokens.engine.Reach;
import io.jenkins.plugins.apitokens.engine.Scope;
import io.jenkins.plugins.apitokens.engine.TokenNotFoundException;
import io.jenkins.plugins.apitokens.engine.TokenRequest;
import io.jenkins.plugins.apitokens.engine.TokenRuleException;
import io.jenkins.plugins.apitokens.engine.TokenService;
import io.jenkins.plugins.apitokens.engine.TokenStorageException;
import io.jenkins.plugins.apitokens.pipeline.PersonalCredentials;
import io.jenkins.plugins.apitokens.web.BreakingTokens;
import io.jenkins.plugins.apitokens.web.DecoyJson;
import io.jenkins.plugins.apitokens.web.ItemNames;
import io.jenkins.plugins.apitokens.web.JsonReply;
import io.jenkins.plugins.apitokens.web.TokenJson;
import io.jenkins.plugins.apitokens.web.TokenRequester;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.management.Badge;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.GET;
import org.kohsuke.stapler.verb.POST;
import org.springframework.security.access.AccessDeniedException;

/**
 * The JSON REST interface to one user's tokens, at {@code /user/<id>/api-tokens/}: {@code GET} lists them;
 * {@code POST} to {@code create}, {@code rename}, {@code rotate} and {@code revoke} changes them. The user and
 * administrators may use it; token-authenticated calls need no crumb. Used by scripts and by the user's page.
 */
@Restricted(NoExternalUse.class)
public class ApiTokensAction implements Action {

    private static final Logger LOGGER = Logger.getLogger(ApiTokensAction.class.getName());

    private final User user;

    public ApiTokensAction(User user) {
        this.user = user;
    }

    @Override
    public String getUrlName() {
        return "api-tokens";
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return Messages.ApiTokensAction_DisplayName();
    }

    public User getUser() {
        return user;
    }

    /** The entry in the user's menu (see {@code action.jelly}): for the user and administrators only. */
    public boolean isMenuShown() {
        return TokenRequester.mayManageTokensOf(user);
    }

    /**
     * On the user's menu entry: how many of their tokens expire within 7 days or have expired, and how many break the
     * policy where an enforcement date is set.
     */
    public Badge getBadge() {
        int expiring = service().countExpiringOrExpired(user.getId());
        int breaking = BreakingTokens.countOf(service(), user);
        if (expiring + breaking == 0) {
            return null;
        }
        List<String> tooltip = new ArrayList<>();
        if (expiring > 0) {
            tooltip.add(Messages.ApiTokensAction_Attention(expiring));
        }
        if (breaking > 0) {
            tooltip.add(Messages.ApiTokensAction_BreakingPolicy(
                    breaking, service().policy().getEnforcementDate()));
        }
        return new Badge(String.valueOf(expiring + breaking), String.join("\n", tooltip), Badge.Severity.WARNING);
    }

    /** The user's tokens, the plugin's and core's (marked by {@code origin}), as the page lists them. */
    @GET
    public HttpResponse doIndex() {
        return answer(() -> JsonReply.ok(
                TokenJson.list(EveryToken.of(service(), user), service().policy(), now())));
    }

    /**
     * Creates a token. With {@code saveAsCredential=true} it is also saved, in the same request, as a "Jenkins API
     * token" credential: in the user's own credentials store, or with {@code credentialFolder=<full name>} in that
     * folder's store. If saving fails, the token is revoked again.
     */
    @POST
    public HttpResponse doCreate(
            @QueryParameter String name,
            @QueryParameter String expiry,
            @QueryParameter String scope,
            @QueryParameter String items,
            @QueryParameter boolean saveAsCredential,
            @QueryParameter String credentialFolder) {
        return answer(() -> {
            TokenRequest request =
                    new TokenRequest(name, ExpiryChoice.parse(expiry, now()), scopeOrNull(scope), Reach.parse(items));
            CredentialsStore store = saveAsCredential ? credentialStore(credentialFolder) : null;
            NewToken created = new TokenRequester(user).create(service(), request);
            JSONObject body = TokenJson.withValue(created, service().policy(), now());
            if (store != null) {
                try {
                    body.element("credentialId", PersonalCredentials.save(store, user, created));
                } catch (IOException | RuntimeException e) {
                    service().revoke(user.getId(), created.token().id(), actor());
                    LOGGER.log(Level.WARNING, "Could not save a new API token as a credential", e);
                    return JsonReply.error(500, Messages.ApiTokensAction_CredentialFailed());
                }
            }
            return JsonReply.created(body);
        });
    }

    @POST
    public HttpResponse doRename(@QueryParameter String id, @QueryParameter String name) {
        return answer(() -> JsonReply.ok(TokenJson.of(
                service().rename(user.getId(), id, name, actor()), service().policy(), now())));
    }

    /** Rotates a token; {@code grace=12h} (or {@code 2d}) keeps the old value working that long, as the policy allows. */
    @POST
    public HttpResponse doRotate(@QueryParameter String id, @QueryParameter String grace) {
        return answer(() -> JsonReply.ok(TokenJson.withValue(
                new TokenRequester(user).rotate(service(), id, GracePeriod.parse(grace)),
                service().policy(),
                now())));
    }

    /** Whether the user wants to be told when a token is used from a new address: {@code wanted=true|false}. */
    @POST
    public HttpResponse doPlaceNotices(@QueryParameter boolean wanted) {
        return answer(() -> {
            service().setPlaceNotices(user.getId(), wanted);
            return JsonReply.ok(new JSONObject().element("placeNotices", wanted));
        });
    }

    /** Revokes one of the user's tokens: the plugin's, or core's (by its id as the list shows it). */
    @POST
    public HttpResponse doRevoke(@QueryParameter String id) {
        return answer(() -> JsonReply.ok(TokenJson.of(
                EveryToken.revoke(service(), user, id, actor()), service().policy(), now())));
    }

    /** The decoys this user made: {@code GET decoys}. Administrators see every decoy on Manage Jenkins › API tokens. */
    @GET
    public HttpResponse doDecoys() {
        return ownDecoys(() -> JsonReply.ok(DecoyJson.list(decoys().listCreatedBy(user.getId()))));
    }

    /**
     * Makes a decoy of the user's own, where the policy lets users do so: {@code POST createDecoy} with {@code name}
     * and, optionally, {@code plantedAt}. The value is in this answer only.
     */
    @POST
    public HttpResponse doCreateDecoy(@QueryParameter String name, @QueryParameter String plantedAt) {
        return ownDecoys(() -> JsonReply.created(DecoyJson.withValue(decoys().create(name, plantedAt, user.getId()))));
    }

    /** Removes one of the user's own decoys: {@code POST removeDecoy} with its {@code id}; another's is not found. */
    @POST
    public HttpResponse doRemoveDecoy(@QueryParameter String id) {
        return ownDecoys(() -> {
            boolean own = decoys().listCreatedBy(user.getId()).stream()
                    .anyMatch(decoy -> decoy.id().equals(id));
            if (!own) {
                throw new TokenNotFoundException(id);
            }
            return JsonReply.ok(DecoyJson.of(decoys().remove(id, user.getId())));
        });
    }

    /**
     * A user's own decoys are theirs alone: only they may see or change them here, and only where the policy lets
     * users plant decoys (administrators always may).
     */
    private HttpResponse ownDecoys(Supplier<HttpResponse> action) {
        return answer(() -> {
            if (!user.equals(User.current())) {
                return JsonReply.error(403, Messages.ApiTokensAction_DecoysOwnOnly());
            }
            if (!service().policy().isUserDecoysAllowed() && !Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
                return JsonReply.error(403, Messages.ApiTokensAction_DecoysNotAllowed());
            }
            return action.get();
        });
    }

    private static Decoys decoys() {
        return TokenEngine.get().decoys();
    }

    /**
     * Names for the add form's "Items" field (core's auto-completion, which posts {@code value}): full names of the
     * folders and jobs the current user can see. Nothing for someone who may not manage this user's tokens.
     */
    @POST
    public AutoCompletionCandidates doAutoCompleteItems(@QueryParameter String value) {
        return TokenRequester.mayManageTokensOf(user) ? ItemNames.complete(value) : new AutoCompletionCandidates();
    }

    /** The store a new token is saved into: the folder's if one is named, else the user's own. */
    private CredentialsStore credentialStore(String folder) {
        return folder == null || folder.isBlank()
                ? PersonalCredentials.storeOf(user)
                : PersonalCredentials.folderStoreOf(folder.strip());
    }

    /** Checks the caller may manage this user's tokens, then turns engine refusals into JSON errors. */
    private HttpResponse answer(Supplier<HttpResponse> action) {
        if (!TokenRequester.mayManageTokensOf(user)) {
            return JsonReply.error(403, Messages.ApiTokensAction_Forbidden(user.getId()));
        }
        try {
            return action.get();
        } catch (AccessDeniedException e) {
            return JsonReply.error(403, e.getMessage());
        } catch (TokenRuleException | TokenStorageException e) {
            return JsonReply.refusal(e);
        } catch (UncheckedIOException e) {
            LOGGER.log(Level.WARNING, "Cannot read the API tokens of " + user.getId(), e);
            return JsonReply.error(500, Messages.ApiTokensAction_Unreadable(user.getId()));
        }
    }

    private static Scope scopeOrNull(String scope) {
        return scope == null || scope.isBlank() ? null : Scope.parse(scope);
    }

    private static String actor() {
        return TokenRequester.name();
    }

    private static TokenService service() {
        return TokenEngine.get().service();
    }

    private static Instant now() {
        return service().now();
    }

    /** Gives every user the action. */
    @Extension
    @Restricted(NoExternalUse.class)
    public static class Factory extends TransientUserActionFactory {
        @Override
        public Collection<? extends Action> createFor(User target) {
            return List.of(new ApiTokensAction(target));
        }
    }
}
