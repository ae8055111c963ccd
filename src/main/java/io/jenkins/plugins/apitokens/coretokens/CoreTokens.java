package io.jenkins.plugins.apitokens.coretokens;

import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.model.User;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.engine.Reach;
import io.jenkins.plugins.apitokens.engine.Scope;
import io.jenkins.plugins.apitokens.engine.TokenInfo;
import io.jenkins.plugins.apitokens.engine.TokenOrigin;
import io.jenkins.plugins.apitokens.engine.TokenService;
import java.io.IOException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.security.ApiTokenProperty;
import jenkins.security.apitoken.ApiTokenStats;
import jenkins.security.apitoken.ApiTokenStore;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.accmod.restrictions.suppressions.SuppressRestrictedWarnings;

/**
 * The tokens Jenkins core keeps itself (its API Token section, legacy tokens included), as the engine's
 * {@link TokenInfo}, so the page, REST, the CLI and the overview list and revoke them with the plugin's own.
 *
 * <p>Core has no public API to list its tokens: its page reads them through classes marked for core's own use. This
 * class is the one place the plugin does the same, reading only what core's page shows (never a hash) and revoking
 * through the method core's revoke button calls. Keeping it to one small class means a change in core breaks one
 * place, which {@code TokenOverviewTest} exercises against the baseline.
 */
@Restricted(NoExternalUse.class)
@SuppressRestrictedWarnings({
    ApiTokenProperty.class,
    ApiTokenStore.class,
    ApiTokenStore.HashedToken.class,
    ApiTokenStats.class,
    ApiTokenStats.SingleTokenStats.class
})
public final class CoreTokens {

    private static final Logger LOGGER = Logger.getLogger(CoreTokens.class.getName());

    /** Core's tokens may expire from Jenkins 2.548 on; older cores have no such method. */
    private static final Method EXPIRATION_DATE = expirationDateGetter();

    private CoreTokens() {}

    /** Every core token of every user. */
    public static List<TokenInfo> all() {
        List<TokenInfo> all = new ArrayList<>();
        for (User user : User.getAll()) {
            all.addAll(of(user));
        }
        return all;
    }

    /** The user's core tokens; none if the user has no core token property. */
    public static List<TokenInfo> of(User user) {
        ApiTokenProperty property = user.getProperty(ApiTokenProperty.class);
        if (property == null) {
            return List.of();
        }
        List<TokenInfo> tokens = new ArrayList<>();
        for (ApiTokenStore.HashedToken token : property.getTokenStore().getTokenListSortedByName()) {
            tokens.add(infoOf(user, property, token));
        }
        return tokens;
    }

    /**
     * The user's core token whose value {@code value} is, found as core finds it when it authenticates a request
     * (one hash, in memory); {@code null} for none.
     */
    public static TokenInfo matching(User user, String value) {
        ApiTokenProperty property = user.getProperty(ApiTokenProperty.class);
        if (property == null || value == null || value.isEmpty()) {
            return null;
        }
        ApiTokenStore.HashedToken token = property.getTokenStore().findMatchingToken(value);
        return token == null ? null : infoOf(user, property, token);
    }

    /** How many core tokens the user has, legacy included. */
    public static int count(User user) {
        ApiTokenProperty property = user.getProperty(ApiTokenProperty.class);
        return property == null
                ? 0
                : property.getTokenStore().getTokenListSortedByName().size();
    }

    /**
     * One per-user maximum for every token of a user: where the policy governs core's tokens, the engine counts them
     * with its own when a user creates a token.
     */
    @Initializer(after = InitMilestone.EXTENSIONS_AUGMENTED)
    public static void countAgainstTheMaximum() {
        TokenService service = TokenEngine.get().service();
        service.countTokensKeptElsewhere(userId -> {
            User user = User.getById(userId, false);
            return user != null && service.policy().isCoreTokensGoverned() ? count(user) : 0;
        });
    }

    /** Whether this core's tokens can have an expiry date (Jenkins 2.548 and later). */
    public static boolean canExpire() {
        return EXPIRATION_DATE != null;
    }

    private static TokenInfo infoOf(User user, ApiTokenProperty property, ApiTokenStore.HashedToken token) {
        ApiTokenStats.SingleTokenStats stats = property.getTokenStats().findTokenStatsById(token.getUuid());
        return new TokenInfo(
                user.getId(),
                token.getUuid(),
                token.getName(),
                Scope.FULL,
                Reach.EVERYWHERE,
                token.isLegacy() ? TokenOrigin.LEGACY : TokenOrigin.CORE,
                null,
                instantOr(token.getCreationDate(), TokenInfo.UNKNOWN_CREATION),
                expiryOf(token),
                stats.getUseCounter(),
                null,
                instantOr(stats.getLastUseDate(), null),
                null,
                null,
                List.of(),
                null);
    }

    /**
     * Revokes one core token of the user, as core's own revoke button does.
     *
     * @return the token revoked, or {@code null} if the user had no such token
     */
    static TokenInfo revoke(User user, String uuid) throws IOException {
        TokenInfo token = of(user).stream()
                .filter(core -> core.id().equals(uuid))
                .findFirst()
                .orElse(null);
        if (token != null) {
            user.getProperty(ApiTokenProperty.class).revokeToken(uuid);
        }
        return token;
    }

    private static Instant instantOr(Date date, Instant fallback) {
        return date == null ? fallback : date.toInstant();
    }

    /** Core counts a token as expired once its expiry date is past, in the controller's time zone. */
    private static Instant expiryOf(ApiTokenStore.HashedToken token) {
        if (EXPIRATION_DATE == null) {
            return null;
        }
        try {
            LocalDate date = (LocalDate) EXPIRATION_DATE.invoke(token);
            return date == null
                    ? null
                    : date.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant();
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOGGER.log(Level.FINE, "Cannot read the expiry of a core API token", e);
            return null;
        }
    }

    private static Method expirationDateGetter() {
        try {
            Method getter = ApiTokenStore.HashedToken.class.getMethod("getExpirationDate");
            return getter.getReturnType() == LocalDate.class ? getter : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
