package io.jenkins.plugins.apitokens.web;

import hudson.Util;
import io.jenkins.plugins.apitokens.coretokens.EveryToken;
import io.jenkins.plugins.apitokens.engine.AgeBand;
import io.jenkins.plugins.apitokens.engine.AgeThresholds;
import io.jenkins.plugins.apitokens.engine.PolicyBreach;
import io.jenkins.plugins.apitokens.engine.PolicyCompliance;
import io.jenkins.plugins.apitokens.engine.TokenInfo;
import io.jenkins.plugins.apitokens.engine.TokenOrigin;
import io.jenkins.plugins.apitokens.engine.TokenPolicy;
import io.jenkins.plugins.apitokens.engine.TokenQuery;
import io.jenkins.plugins.apitokens.engine.TokenRef;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** One line of the token table, worded and coloured for the page. */
@Restricted(NoExternalUse.class)
public final class TokenRow {

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final TokenInfo token;
    private final AgeThresholds thresholds;
    private final Instant now;
    private final String policyBreach;
    private final boolean blocked;

    /**
     * Rows of {@code tokens}, each marked with the rules it breaks: a user's count against the per-user maximum
     * depends on their other tokens, so the list is judged together.
     */
    public static List<TokenRow> of(List<TokenInfo> tokens, TokenPolicy policy, Instant now) {
        Map<TokenInfo, List<PolicyBreach>> breaches = PolicyCompliance.assess(policy, tokens, now);
        List<TokenRow> rows = new ArrayList<>(tokens.size());
        for (TokenInfo token : tokens) {
            rows.add(new TokenRow(token, policy, now, breaches.getOrDefault(token, List.of())));
        }
        return rows;
    }

    private TokenRow(TokenInfo token, TokenPolicy policy, Instant now, List<PolicyBreach> breaches) {
        this.token = token;
        this.thresholds = policy.getAgeThresholds();
        this.now = now;
        this.policyBreach = breaches.isEmpty()
                ? null
                : PolicyCompliance.reasons(policy, breaches).toString();
        this.blocked = policyBreach != null && policy.isEnforcedAt(now);
    }

    /** The rules of the policy in force the token breaks, and what to do, in words; {@code null} when none. */
    public String getPolicyBreach() {
        return policyBreach;
    }

    /** Whether it breaks the policy and its requests are refused now (else from the enforcement date, if set). */
    public boolean isBlocked() {
        return blocked;
    }

    public String getId() {
        return token.id();
    }

    public String getUserId() {
        return token.userId();
    }

    /** The owner's Security page, relative to the root URL, with the id encoded as a path segment. */
    public String getUserSecurityUrl() {
        return "user/" + Util.rawEncode(token.userId()) + "/security/";
    }

    /** How the overview names a token in a form: {@code user/id}, or {@code user/core:uuid} for core's tokens. */
    public String getRef() {
        TokenRef ref = EveryToken.refOf(token);
        return ref.userId() + "/" + ref.tokenId();
    }

    /** Where the token comes from: the build it was minted for, or who keeps it. */
    public String getOrigin() {
        return switch (token.origin()) {
            case USER -> Messages.TokenRow_Origin_Plugin();
            case BUILD -> token.originDetail();
            case CORE -> Messages.TokenRow_Origin_Core();
            case LEGACY -> Messages.TokenRow_Origin_Legacy();
        };
    }

    /** Whether Jenkins core keeps this token (a core or legacy token), rather than this plugin. */
    public boolean isCore() {
        return token.origin().isCore();
    }

    public boolean isLegacy() {
        return token.origin() == TokenOrigin.LEGACY;
    }

    /** Per-build tokens end with their build: they are revoked, never renamed or rotated. */
    public boolean isBuild() {
        return token.origin() == TokenOrigin.BUILD;
    }

    /** The administrator who created the token for its user, or {@code null} when the user did. */
    public String getIssuedBy() {
        return token.issuedBy();
    }

    public String getName() {
        return token.name();
    }

    public String getScope() {
        return token.scope().getDisplayName();
    }

    /** Whether the token works wherever its user may go. */
    public boolean isEverywhere() {
        return token.reach().isEverywhere();
    }

    /** Where a limited token works, as one line: its items, or "nowhere". */
    public String getItemsText() {
        return token.reach().describe();
    }

    /** A moment as every token table shows it, such as {@code 2026-12-06 08:30 UTC}. */
    public static String dateOf(Instant at) {
        return DATE.format(at);
    }

    public String getCreated() {
        return token.created().equals(TokenInfo.UNKNOWN_CREATION)
                ? Messages.TokenRow_UnknownCreation()
                : DATE.format(token.created());
    }

    public String getAgeBand() {
        return token.ageBand(thresholds, now).name().toLowerCase(Locale.ROOT);
    }

    /** Design-library colour: none when fresh, the warning colour when ageing, the error colour when old. */
    public String getAgeClass() {
        return ageClassOf(token.ageBand(thresholds, now));
    }

    static String ageClassOf(AgeBand band) {
        return switch (band) {
            case FRESH -> "";
            case AGEING -> "jenkins-!-warning-color";
            case OLD -> "jenkins-!-error-color";
        };
    }

    public String getAgeTooltip() {
        if (token.created().equals(TokenInfo.UNKNOWN_CREATION)) {
            return Messages.TokenRow_UnknownAge();
        }
        return switch (token.ageBand(thresholds, now)) {
            case FRESH -> Messages.TokenRow_Fresh(getCreated());
            case AGEING -> Messages.TokenRow_Ageing(getCreated(), thresholds.ageingAfterMonths());
            case OLD -> Messages.TokenRow_Old(getCreated(), thresholds.oldAfterMonths());
        };
    }

    /** The expiry date, or {@code null} for a token that never expires. */
    public String getExpires() {
        return token.expires() == null ? null : DATE.format(token.expires());
    }

    public boolean isExpired() {
        return token.isExpiredAt(now);
    }

    public String getExpiryClass() {
        if (isExpired()) {
            return "jenkins-!-error-color";
        }
        return token.expiresWithin(TokenQuery.EXPIRING_WINDOW, now) ? "jenkins-!-warning-color" : "";
    }

    public String getExpiryTooltip() {
        if (token.expires() == null) {
            return null;
        }
        if (isExpired()) {
            return Messages.TokenRow_Expired(getExpires());
        }
        return token.expiresWithin(TokenQuery.EXPIRING_WINDOW, now)
                ? Messages.TokenRow_ExpiresSoon(getExpires())
                : Messages.TokenRow_Expires(getExpires());
    }

    public long getUseCount() {
        return token.useCount();
    }

    /** The last use, or {@code null} if never used. */
    public String getLastUsed() {
        return token.lastUse() == null ? null : DATE.format(token.lastUse());
    }

    /** Rotated with a grace period: the old value works until it expires, and only revoking is left to do. */
    public boolean isRetiring() {
        return token.isRetiring();
    }

    /** For a retiring token, until when its old value works, in words. */
    public String getRetiringText() {
        return token.isRetiring() ? Messages.TokenRow_Retiring(getExpires()) : null;
    }

    /** The other addresses the token was used from lately, in words; {@code null} if none. */
    public String getEarlierSources() {
        List<String> sources = token.recentSources();
        return sources.size() < 2
                ? null
                : Messages.TokenRow_EarlierSources(String.join(", ", sources.subList(1, sources.size())));
    }

    public String getLastSource() {
        return token.lastSource();
    }
}
