package io.jenkins.plugins.apitokens.admin;

import hudson.Extension;
import hudson.model.ManagementLink;
import hudson.model.User;
import hudson.security.Permission;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.engine.AuditEvent;
import io.jenkins.plugins.apitokens.engine.TokenInfo;
import io.jenkins.plugins.apitokens.engine.TokenPolicy;
import io.jenkins.plugins.apitokens.engine.TokenQuery;
import io.jenkins.plugins.apitokens.engine.TokenRef;
import io.jenkins.plugins.apitokens.engine.TokenService;
import io.jenkins.plugins.apitokens.user.TokenRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jenkins.model.Jenkins;
import jenkins.security.ApiTokenProperty;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerProxy;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * Manage Jenkins › API tokens: every user's tokens in one filtered, sorted, paged table, bulk revocation, and the
 * audit trail. Administrators only.
 */
@Extension
@Restricted(NoExternalUse.class)
public class TokenOverview extends ManagementLink implements StaplerProxy {

    static final int PAGE_SIZE = 100;

    @Override
    public String getIconFileName() {
        return "symbol-key";
    }

    @Override
    public String getUrlName() {
        return "api-tokens";
    }

    @Override
    public String getDisplayName() {
        return Messages.TokenOverview_DisplayName();
    }

    @Override
    public String getDescription() {
        return Messages.TokenOverview_Description();
    }

    @Override
    public Category getCategory() {
        return Category.SECURITY;
    }

    @Override
    public Permission getRequiredPermission() {
        return Jenkins.ADMINISTER;
    }

    /** Every URL below this page is for administrators only. */
    @Override
    public Object getTarget() {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return this;
    }

    /** The query the page's links and filter form describe. */
    public static TokenQuery queryOf(StaplerRequest2 req) {
        return new TokenQuery(
                TokenQuery.Filter.parse(req.getParameter("filter")),
                intOr(req.getParameter("days"), 90),
                TokenQuery.Sort.parse(req.getParameter("sort")),
                "desc".equals(req.getParameter("order")),
                intOr(req.getParameter("page"), 0),
                PAGE_SIZE);
    }

    /** One page of tokens for the given request's query. */
    public Page getPage(StaplerRequest2 req) {
        TokenService service = TokenEngine.get().service();
        TokenPolicy policy = service.policy();
        Instant now = service.now();
        TokenQuery query = queryOf(req);
        TokenQuery.Result result = query.apply(service.listAll(), policy.getAgeThresholds(), now);
        List<TokenRow> rows = new ArrayList<>();
        for (TokenInfo token : result.tokens()) {
            rows.add(new TokenRow(token, policy.getAgeThresholds(), now));
        }
        return new Page(query, rows, result.total(), result.page(), result.pageCount());
    }

    public List<FilterOption> getFilters() {
        return List.of(
                new FilterOption(TokenQuery.Filter.ALL, Messages.TokenOverview_Filter_All()),
                new FilterOption(TokenQuery.Filter.EXPIRED, Messages.TokenOverview_Filter_Expired()),
                new FilterOption(TokenQuery.Filter.EXPIRING, Messages.TokenOverview_Filter_Expiring()),
                new FilterOption(TokenQuery.Filter.UNUSED, Messages.TokenOverview_Filter_Unused()),
                new FilterOption(TokenQuery.Filter.OLD, Messages.TokenOverview_Filter_Old()),
                new FilterOption(TokenQuery.Filter.NO_EXPIRY, Messages.TokenOverview_Filter_NoExpiry()),
                new FilterOption(TokenQuery.Filter.BUILD, Messages.TokenOverview_Filter_Build()));
    }

    /** An entry of the filter list. */
    public record FilterOption(TokenQuery.Filter filter, String label) {

        public String getValue() {
            return filter.name().toLowerCase(Locale.ROOT);
        }

        public String getLabel() {
            return label;
        }
    }

    /**
     * Users with core's token property, whose tokens (made by Jenkins itself, legacy ones included) the page lists
     * beside the plugin's. Core keeps them behind a restricted API, so the page reads them through the property.
     */
    public List<CoreTokens> getCoreTokens() {
        List<CoreTokens> all = new ArrayList<>();
        for (User user : User.getAll()) {
            ApiTokenProperty property = user.getProperty(ApiTokenProperty.class);
            if (property != null) {
                all.add(new CoreTokens(user, property));
            }
        }
        return all;
    }

    /** One user's core tokens, and where core revokes them. */
    public record CoreTokens(User user, ApiTokenProperty property) {

        public User getUser() {
            return user;
        }

        public ApiTokenProperty getProperty() {
            return property;
        }

        public String getRevokeUrl() {
            return user.getUrl() + "/descriptorByName/" + ApiTokenProperty.class.getName() + "/revoke";
        }
    }

    public List<AuditEvent> getAuditEvents() {
        return AuditTrail.get().getEvents();
    }

    /**
     * Revokes the tokens ticked in the table ({@code token=user/id}, repeated) or, with {@code all=true}, every
     * token the current filter matches.
     */
    @POST
    public HttpResponse doRevoke(StaplerRequest2 req, @QueryParameter boolean all) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        TokenService service = TokenEngine.get().service();
        List<TokenRef> refs = new ArrayList<>();
        if (all) {
            for (TokenInfo token :
                    queryOf(req).matching(service.listAll(), service.policy().getAgeThresholds(), service.now())) {
                refs.add(new TokenRef(token.userId(), token.id()));
            }
        } else {
            String[] selected = req.getParameterValues("token");
            for (String ref : selected == null ? new String[0] : selected) {
                int slash = ref.lastIndexOf('/');
                if (slash > 0) {
                    refs.add(new TokenRef(ref.substring(0, slash), ref.substring(slash + 1)));
                }
            }
        }
        if (refs.isEmpty()) {
            return HttpResponses.errorWithoutStack(400, Messages.TokenOverview_NothingSelected());
        }
        int revoked =
                service.revokeAll(refs, Jenkins.getAuthentication2().getName()).size();
        return HttpResponses.redirectTo("./?revoked=" + revoked);
    }

    private static int intOr(String text, int fallback) {
        try {
            return text == null ? fallback : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** What the table shows: the rows of one page and where it is among the others. */
    public record Page(TokenQuery query, List<TokenRow> rows, int total, int number, int count) {

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
            return query.filter().name().toLowerCase(Locale.ROOT);
        }

        public String getSort() {
            return query.sort().name().toLowerCase(Locale.ROOT);
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
}
