package io.jenkins.plugins.apitokens.admin;

import hudson.Extension;
import hudson.ExtensionList;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.coretokens.EveryToken;
import io.jenkins.plugins.apitokens.engine.TokenInfo;
import io.jenkins.plugins.apitokens.engine.TokenQuery;
import io.jenkins.plugins.apitokens.engine.TokenService;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * How many tokens, the plugin's and core's, each monitored filter matches: counted in one pass over every token
 * when first asked, at every sweep and after a bulk revocation, and read by the monitors, so that rendering
 * Manage Jenkins never scans every user's tokens.
 */
@Extension
@Restricted(NoExternalUse.class)
public class TokenCounts {

    /** The filters a monitor warns about. */
    static final List<TokenQuery.Filter> MONITORED = List.of(
            TokenQuery.Filter.EXPIRING,
            TokenQuery.Filter.NO_EXPIRY,
            TokenQuery.Filter.LEGACY,
            TokenQuery.Filter.BREAKING_POLICY);

    private volatile Map<TokenQuery.Filter, Integer> counts;

    public static TokenCounts get() {
        return ExtensionList.lookupSingleton(TokenCounts.class);
    }

    /** The count of the last recount (made now if there was none). */
    public int of(TokenQuery.Filter filter) {
        Map<TokenQuery.Filter, Integer> current = counts;
        if (current == null) {
            current = recount();
        }
        return current.getOrDefault(filter, 0);
    }

    /** Counts every monitored filter in one pass over every token. */
    public Map<TokenQuery.Filter, Integer> recount() {
        TokenService service = TokenEngine.get().service();
        List<TokenInfo> every = EveryToken.onInstance(service);
        Map<TokenQuery.Filter, Integer> fresh = new EnumMap<>(TokenQuery.Filter.class);
        for (TokenQuery.Filter filter : MONITORED) {
            fresh.put(filter, count(filter, every, service));
        }
        counts = fresh;
        return fresh;
    }

    /** How many of {@code tokens} the filter matches now. */
    static int count(TokenQuery.Filter filter, List<TokenInfo> tokens, TokenService service) {
        return new TokenQuery(filter, 0, TokenQuery.Sort.USER, false, 0, 1)
                .matching(tokens, service.policy(), service.now())
                .size();
    }
}
