package io.jenkins.plugins.apitokens.admin;

import io.jenkins.plugins.apitokens.engine.TokenQuery;
import io.jenkins.plugins.apitokens.web.TokenRow;
import java.util.List;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** What the overview table shows: the rows of one page and where it is among the others. */
@Restricted(NoExternalUse.class)
public record OverviewPage(
        TokenQuery query, List<TokenRow> rows, int total, int number, int count, String description) {

    /** The filter in words, for the confirmation of "revoke all matching". */
    public String getDescription() {
        return description;
    }

    public List<TokenRow> getRows() {
        return rows;
    }

    public int getTotal() {
        return total;
    }

    public int getNumber() {
        return number;
    }

    public int getCount() {
        return count;
    }

    public String getFilter() {
        return TokenQuery.urlName(query.filter());
    }

    public String getSort() {
        return TokenQuery.urlName(query.sort());
    }

    public boolean isDescending() {
        return query.descending();
    }

    public int getDays() {
        return query.unusedDays();
    }

    /** The link that sorts by {@code column}, reversing the order if the table is already sorted by it. */
    public String sortLink(String column) {
        boolean reverse = TokenQuery.Sort.parse(column) == query.sort() && !query.descending();
        return link(column, reverse, 0);
    }

    public String pageLink(int page) {
        return link(getSort(), query.descending(), page);
    }

    private String link(String sort, boolean descending, int page) {
        return "?filter=" + getFilter() + "&days=" + getDays() + "&sort=" + sort + "&order="
                + (descending ? "desc" : "asc") + "&page=" + page;
    }
}
