package io.jenkins.plugins.apitokens.web;

import io.jenkins.plugins.apitokens.engine.NewToken;
import io.jenkins.plugins.apitokens.engine.TokenInfo;
import io.jenkins.plugins.apitokens.engine.TokenPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import net.sf.json.JSONArray;
import net.sf.json.JSONNull;
import net.sf.json.JSONObject;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** The JSON form of tokens for REST clients: everything a user may see, and the value only when just made. */
@Restricted(NoExternalUse.class)
public final class TokenJson {

    private TokenJson() {}

    public static JSONObject of(TokenInfo token, TokenPolicy policy, Instant now) {
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
                .element("issuedBy", token.issuedBy() == null ? JSONNull.getInstance() : token.issuedBy());
    }

    public static JSONObject list(List<TokenInfo> tokens, TokenPolicy policy, Instant now) {
        JSONArray array = new JSONArray();
        tokens.forEach(token -> array.add(of(token, policy, now)));
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
