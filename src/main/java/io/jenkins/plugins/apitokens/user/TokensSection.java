package io.jenkins.plugins.apitokens.user;

import hudson.model.Item;
import hudson.model.User;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.coretokens.CoreTokens;
import io.jenkins.plugins.apitokens.coretokens.EveryToken;
import io.jenkins.plugins.apitokens.engine.Scope;
import io.jenkins.plugins.apitokens.engine.TokenPolicy;
import io.jenkins.plugins.apitokens.engine.TokenRuleException;
import io.jenkins.plugins.apitokens.engine.TokenService;
import io.jenkins.plugins.apitokens.pipeline.PersonalCredentials;
import io.jenkins.plugins.apitokens.web.BreakingTokens;
import io.jenkins.plugins.apitokens.web.TokenRequester;
import io.jenkins.plugins.apitokens.web.TokenRow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import jenkins.model.Jenkins;
import jenkins.security.ApiTokenProperty;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * What the "API tokens" section of one user's Security page shows, read afresh for each page. The section is
 * drawn from the user alone, so that no property has to be stored for the user to have it.
 */
@Restricted(NoExternalUse.class)
public final class TokensSection {

    private final User user;

    TokensSection(User user) {
        this.user = user;
    }

    /** Enough for any team; a very large instance still gets a usable list (REST takes any folder). */
    private static final int CREDENTIAL_FOLDERS_SHOWN = 200;

    /** Every token of the user, the plugin's and core's, newest state, for the page. */
    public List<TokenRow> getRows() {
        TokenService service = TokenEngine.get().service();
        TokenPolicy policy = service.policy();
        Instant now = service.now();
        return TokenRow.of(EveryToken.of(service, user), policy, now);
    }

    /**
     * Whether the viewer may create and rotate tokens here, and so see new values: the user, or an administrator
     * where the policy lets administrators issue tokens for others.
     */
    public boolean isIssuing() {
        return isOwnPage() || TokenEngine.get().service().policy().isTokensForOthersAllowed();
    }

    /** Core's section of the same page, which the plugin's section lists too and links to. */
    public boolean isCoreSectionShown() {
        return user.getProperty(ApiTokenProperty.class) != null;
    }

    /** The title of core's section, as core names it, so the page can point to it. */
    public String getCoreSectionTitle() {
        return Jenkins.get()
                .getDescriptorByType(ApiTokenProperty.DescriptorImpl.class)
                .getDisplayName();
    }

    public String getTokensUrl() {
        return user.getUrl() + "/api-tokens";
    }

    /** Only the user and administrators see the section. */
    public boolean isVisible() {
        return TokenRequester.mayManageTokensOf(user);
    }

    /** Only the user may save a token into their own credentials store. */
    public boolean isOwnPage() {
        return user.equals(User.current());
    }

    /** Folders the user may save a new token into as a credential, besides their own store. */
    public List<Item> getCredentialFolders() {
        return PersonalCredentials.writableFolders(CREDENTIAL_FOLDERS_SHOWN);
    }

    public List<ExpiryOption> getExpiryOptions() {
        return ExpiryOption.allowedBy(TokenEngine.get().service().policy());
    }

    /** Whether the policy requires new tokens to be limited to folders or jobs. */
    public boolean isItemLimitRequired() {
        return TokenEngine.get().service().policy().isItemLimitRequired();
    }

    public List<Scope> getScopes() {
        return List.copyOf(TokenEngine.get().service().policy().getAllowedScopes());
    }

    /**
     * How many of the user's tokens expire within 7 days or have expired, in words, as the user's menu badge counts
     * them; {@code null} when none do.
     */
    public String getAttentionMessage() {
        int count = TokenEngine.get().service().countExpiringOrExpired(user.getId());
        return count == 0 ? null : Messages.TokensSection_Attention(count);
    }

    /**
     * How many of the user's tokens break the policy and are refused from its enforcement date, in words; {@code
     * null} when none do or no date is set. The rows say which and why.
     */
    public String getPolicyMessage() {
        TokenService service = TokenEngine.get().service();
        int count = BreakingTokens.countOf(service, user);
        if (count == 0) {
            return null;
        }
        String date = service.policy().getEnforcementDate();
        return service.policy().isEnforcedAt(service.now())
                ? Messages.TokensSection_Blocked(count, date)
                : Messages.TokensSection_BlockedFrom(count, date);
    }

    /**
     * Why core's section below cannot make a token that meets the policy, in words: shown in place of its <i>Add new
     * token</i> button; {@code null} when it can (for the shortest lifetime core offers, where core's tokens expire).
     */
    public String getCoreCreationRefusal() {
        TokenService service = TokenEngine.get().service();
        boolean canExpire = CoreTokens.canExpire();
        try {
            service.policy()
                    .checkCoreTokenCreation(
                            canExpire,
                            canExpire ? Duration.ofDays(1) : null,
                            service.countOwnTokens(user.getId()) + CoreTokens.count(user));
            return null;
        } catch (TokenRuleException e) {
            return e.getMessage();
        }
    }

    /**
     * The longest lifetime in days core's section may offer, 0 for any: its longer choices are taken off its form
     * where the policy governs core's tokens, so a user never picks one that is then refused.
     */
    public int getCoreMaxLifetimeDays() {
        Duration limit = TokenEngine.get().service().policy().coreTokenLifetimeLimit();
        return limit == null ? 0 : (int) limit.toDays();
    }

    /** Whether core's section may not offer tokens that never expire. */
    public boolean isCoreExpiryRequired() {
        return TokenEngine.get().service().policy().isCoreTokenExpiryRequired();
    }

    /** Whether the user asked to be told when a token is used from a new address. */
    public boolean isPlaceNoticesWanted() {
        return TokenEngine.get().service().wantsPlaceNotices(user.getId());
    }

    /** The grace periods a rotation may give the old value under the policy; empty when it allows none. */
    public List<GraceOption> getGraceOptions() {
        return GraceOption.allowedBy(TokenEngine.get().service().policy());
    }
}
