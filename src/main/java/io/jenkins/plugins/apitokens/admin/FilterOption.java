package io.jenkins.plugins.apitokens.admin;

import io.jenkins.plugins.apitokens.engine.TokenQuery;
import java.util.List;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** An entry of the overview's filter list: a filter of the engine's and its label. */
@Restricted(NoExternalUse.class)
public record FilterOption(TokenQuery.Filter filter, String label) {

    /** Every filter, in the order the page lists them. */
    public static List<FilterOption> all() {
        return List.of(
                new FilterOption(TokenQuery.Filter.ALL, Messages.TokenOverview_Filter_All()),
                new FilterOption(TokenQuery.Filter.EXPIRED, Messages.TokenOverview_Filter_Expired()),
                new FilterOption(TokenQuery.Filter.EXPIRING, Messages.TokenOverview_Filter_Expiring()),
                new FilterOption(TokenQuery.Filter.UNUSED, Messages.TokenOverview_Filter_Unused()),
                new FilterOption(TokenQuery.Filter.OLD, Messages.TokenOverview_Filter_Old()),
                new FilterOption(TokenQuery.Filter.NO_EXPIRY, Messages.TokenOverview_Filter_NoExpiry()),
                new FilterOption(TokenQuery.Filter.BUILD, Messages.TokenOverview_Filter_Build()),
                new FilterOption(TokenQuery.Filter.LEGACY, Messages.TokenOverview_Filter_Legacy()),
                new FilterOption(TokenQuery.Filter.EVERYWHERE, Messages.TokenOverview_Filter_Everywhere()),
                new FilterOption(TokenQuery.Filter.LIMITED, Messages.TokenOverview_Filter_Limited()),
                new FilterOption(TokenQuery.Filter.BREAKING_POLICY, Messages.TokenOverview_Filter_BreakingPolicy()));
    }

    /** A query's filter in words, as the confirmation of a bulk revocation names it. */
    public static String describe(TokenQuery query) {
        if (query.filter() == TokenQuery.Filter.UNUSED) {
            return Messages.TokenOverview_UnusedFor(query.unusedDays());
        }
        return all().stream()
                .filter(option -> option.filter() == query.filter())
                .map(FilterOption::getLabel)
                .findFirst()
                .orElseThrow();
    }

    public String getValue() {
        return TokenQuery.urlName(filter);
    }

    public String getLabel() {
        return label;
    }
}
