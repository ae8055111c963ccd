package io.jenkins.plugins.apitokens.web;

import io.jenkins.plugins.apitokens.engine.NewToken;
import io.jenkins.plugins.apitokens.engine.PolicyBreach;
import io.jenkins.plugins.apitokens.engine.PolicyCompliance;
import io.jenkins.plugins.apitokens.engine.TokenInfo;
import io.jenkins.plugins.apitokens.engine.TokenPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.sf.json.JSONArray;
import net.sf.json.JSONNull;
import net.sf.json.JSONObject;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** The JSON form of tokens for REST clients: everything a user may see, and the value only when just made. */
@Restricted(NoExternalUse.class)
public final class TokenJson {

    private TokenJson() {}

    /** A token alone, judged by itself: a new or rotated token, whose place among its user's tokens is its own. */
    public static JSONObject of(TokenInfo token, TokenPolicy policy, Instant now) {
        List<PolicyBreach> breaches = token.isExpiredAt(now)
                ? List.of() // refused anyway, as the list says
                : PolicyCompliance.breachesOf(policy, token, () -> 0, List::of);
        return of(token, policy, now, breaches);
    }

    private static JSONObject of(TokenInfo token, TokenPolicy policy, Instant now, List<PolicyBreach> breaches) {
        JSONArray breachIds = new JSONArray();
        breaches.forEach(breach -> breachIds.add(breach.id()));
        return new JSONObject()
                .element("id", token.id())
                .element("name", token.name())
                .element("scope", token.scope().id())
                .element("everywhere", token.reach().isEverywhere())
                .element("items", token.reach().items())
                .element("origin", token.origin().name().toLowerCase(Locale.ROOT))
                .element(
                        "created",
                        token.created().equals(TokenInfo.UNKNOWN_CREATION)
                                ? JSONNull.getInstance()
                                : token.created().toString())
                .element(
                        "ageBand",
                        token.ageBand(policy.getAgeThresholds(), now).name().toLowerCase(Locale.ROOT))
                .element("expires", orNull(token.expires()))
                .element("recentSources", token.recentSources())
                .element("retiring", token.isRetiring())
                .element("replacedBy", token.replacedBy() == null ? JSONNull.getInstance() : token.replacedBy())
                .element("expired", token.isExpiredAt(now))
                .element("useCount", token.useCount())
                .element("lastUsed", orNull(token.lastUse()))
                .element("lastUsedFrom", token.lastSource() == null ? JSONNull.getInstance() : token.lastSource())
                .element("issuedBy", token.issuedBy() == null ? JSONNull.getInstance() : token.issuedBy())
                .element("policyBreaches", breachIds)
                .element(
                        "policyBreach",
                        breaches.isEmpty()
                                ? JSONNull.getInstance()
                                : PolicyCompliance.reasons(policy, breaches).toString())
                .element("blocked", !breaches.isEmpty() && policy.isEnforcedAt(now));
    }

    public static JSONObject list(List<TokenInfo> tokens, TokenPolicy policy, Instant now) {
        Map<TokenInfo, List<PolicyBreach>> breaches = PolicyCompliance.assess(policy, tokens, now);
        JSONArray array = new JSONArray();
        tokens.forEach(token -> array.add(of(token, policy, now, breaches.getOrDefault(token, List.of()))));
        return new JSONObject().element("tokens", array);
    }

    /** The one response that carries a value. */
    public static JSONObject withValue(NewToken created, TokenPolicy policy, Instant now) {
        return new JSONObject()
                .element("token", of(created.token(), policy, now))
                .element("value", created.value());
    }

    private static Object orNull(Instant instant) {
        return instant == null ? JSONNull.getInstance() : instant.toString();
    }
}
