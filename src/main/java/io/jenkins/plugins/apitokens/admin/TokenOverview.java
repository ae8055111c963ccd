package io.jenkins.plugins.apitokens.admin;

import hudson.Extension;
import hudson.model.ManagementLink;
import hudson.model.User;
import hudson.security.Permission;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.audit.AuditTrail;
import io.jenkins.plugins.apitokens.coretokens.EveryToken;
import io.jenkins.plugins.apitokens.engine.AuditEvent;
import io.jenkins.plugins.apitokens.engine.TokenInfo;
import io.jenkins.plugins.apitokens.engine.TokenPolicy;
import io.jenkins.plugins.apitokens.engine.TokenQuery;
import io.jenkins.plugins.apitokens.engine.TokenRef;
import io.jenkins.plugins.apitokens.engine.TokenRuleException;
import io.jenkins.plugins.apitokens.engine.TokenService;
import io.jenkins.plugins.apitokens.web.TokenRow;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.Stapler;
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

    private static final Logger LOGGER = Logger.getLogger(TokenOverview.class.getName());

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

    /**
     * Every URL below this page is for administrators only, and a query it does not understand is a 400 naming what
     * is wrong, never read as "every token".
     */
    @Override
    public Object getTarget() {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        StaplerRequest2 req = Stapler.getCurrentRequest2();
        if (req != null) {
            queryOf(req);
        }
        return this;
    }

    /**
     * The query the page's links and filter form describe.
     *
     * @throws HttpResponses.HttpResponseException 400 with a message for a filter, sort, order or number it does not
     *     understand
     */
    public static TokenQuery queryOf(StaplerRequest2 req) {
        try {
            return new TokenQuery(
                    TokenQuery.Filter.parse(req.getParameter("filter")),
                    number(req, "days", 90),
                    TokenQuery.Sort.parse(req.getParameter("sort")),
                    descending(req.getParameter("order")),
                    number(req, "page", 0),
                    PAGE_SIZE);
        } catch (TokenRuleException e) {
            throw HttpResponses.errorWithoutStack(400, e.getMessage());
        }
    }

    private static boolean descending(String order) {
        if (order == null || order.isBlank() || order.strip().equals("asc")) {
            return false;
        }
        if (order.strip().equals("desc")) {
            return true;
        }
        throw new TokenRuleException("Unknown order '" + order.strip() + "'; use asc or desc.");
    }

    private static int number(StaplerRequest2 req, String name, int absent) {
        String text = req.getParameter(name);
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new TokenRuleException("'" + name + "' must be a number of 0 or more, not '" + text.strip() + "'.");
    }

    /** The filter in words, as the confirmation of a bulk revocation names it. */
    public String describe(TokenQuery query) {
        String label = getFilters().stream()
                .filter(option -> option.filter() == query.filter())
                .map(FilterOption::getLabel)
                .findFirst()
                .orElseThrow();
        return query.filter() == TokenQuery.Filter.UNUSED
                ? Messages.TokenOverview_UnusedFor(query.unusedDays())
                : label;
    }

    /** One page of tokens for the given request's query. */
    public Page getPage(StaplerRequest2 req) {
        TokenService service = TokenEngine.get().service();
        TokenPolicy policy = service.policy();
        Instant now = service.now();
        TokenQuery query = queryOf(req);
        TokenQuery.Result result = query.apply(everyToken(service), policy.getAgeThresholds(), now);
        List<TokenRow> rows = new ArrayList<>();
        for (TokenInfo token : result.tokens()) {
            rows.add(new TokenRow(token, policy.getAgeThresholds(), now));
        }
        return new Page(query, rows, result.total(), result.page(), result.pageCount(), describe(query));
    }

    public List<FilterOption> getFilters() {
        return List.of(
                new FilterOption(TokenQuery.Filter.ALL, Messages.TokenOverview_Filter_All()),
                new FilterOption(TokenQuery.Filter.EXPIRED, Messages.TokenOverview_Filter_Expired()),
                new FilterOption(TokenQuery.Filter.EXPIRING, Messages.TokenOverview_Filter_Expiring()),
                new FilterOption(TokenQuery.Filter.UNUSED, Messages.TokenOverview_Filter_Unused()),
                new FilterOption(TokenQuery.Filter.OLD, Messages.TokenOverview_Filter_Old()),
                new FilterOption(TokenQuery.Filter.NO_EXPIRY, Messages.TokenOverview_Filter_NoExpiry()),
                new FilterOption(TokenQuery.Filter.BUILD, Messages.TokenOverview_Filter_Build()),
                new FilterOption(TokenQuery.Filter.LEGACY, Messages.TokenOverview_Filter_Legacy()));
    }

    /** An entry of the filter list. */
    public record FilterOption(TokenQuery.Filter filter, String label) {

        public String getValue() {
            return TokenQuery.urlName(filter);
        }

        public String getLabel() {
            return label;
        }
    }

    public List<AuditEvent> getAuditEvents() {
        return AuditTrail.get().getEvents();
    }

    /** How many legacy tokens users still have: the page offers to revoke them all. */
    public int getLegacyTokenCount() {
        TokenService service = TokenEngine.get().service();
        return TokenCounts.count(TokenQuery.Filter.LEGACY, everyToken(service), service);
    }

    /**
     * Revokes the tokens ticked in the table ({@code token=user/id}, repeated) or, with {@code all=true}, every
     * token the current filter matches, which must be as many as the administrator confirmed ({@code count}): a list
     * that changed since the page was shown is not revoked blindly. Core's tokens among them are revoked through
     * core.
     */
    @POST
    public HttpResponse doRevoke(StaplerRequest2 req, @QueryParameter boolean all, @QueryParameter String count) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        TokenService service = TokenEngine.get().service();
        List<TokenRef> refs = all ? matchingRefs(req, service) : selectedRefs(req);
        if (refs.isEmpty()) {
            return HttpResponses.errorWithoutStack(400, Messages.TokenOverview_NothingSelected());
        }
        if (all && !String.valueOf(refs.size()).equals(count == null ? null : count.strip())) {
            return HttpResponses.errorWithoutStack(
                    409,
                    count == null
                            ? Messages.TokenOverview_CountMissing(refs.size())
                            : Messages.TokenOverview_CountChanged(refs.size(), count.strip()));
        }
        String actor = Jenkins.getAuthentication2().getName();
        List<TokenRef> ours = new ArrayList<>();
        List<TokenRef> cores = new ArrayList<>();
        for (TokenRef ref : refs) {
            (ref.tokenId().startsWith(TokenRow.CORE_REF_PREFIX) ? cores : ours).add(ref);
        }
        int revoked = ours.isEmpty() ? 0 : service.revokeAll(ours, actor).size();
        revoked += revokeCoreTokens(cores, service, actor);
        TokenCounts.get().recount();
        return HttpResponses.redirectTo("./?revoked=" + revoked);
    }

    /** The plugin's tokens and core's, for the one table. */
    static List<TokenInfo> everyToken(TokenService service) {
        return EveryToken.onInstance(service);
    }

    private static List<TokenRef> matchingRefs(StaplerRequest2 req, TokenService service) {
        List<TokenRef> refs = new ArrayList<>();
        for (TokenInfo token :
                queryOf(req).matching(everyToken(service), service.policy().getAgeThresholds(), service.now())) {
            refs.add(TokenRow.refOf(token));
        }
        return refs;
    }

    private static List<TokenRef> selectedRefs(StaplerRequest2 req) {
        List<TokenRef> refs = new ArrayList<>();
        String[] selected = req.getParameterValues("token");
        for (String ref : selected == null ? new String[0] : selected) {
            int slash = ref.lastIndexOf('/');
            if (slash > 0) {
                refs.add(new TokenRef(ref.substring(0, slash), ref.substring(slash + 1)));
            }
        }
        return refs;
    }

    /** Revokes core's tokens one by one, announcing each like the plugin's own; a failure skips that token only. */
    private static int revokeCoreTokens(List<TokenRef> refs, TokenService service, String actor) {
        int revoked = 0;
        for (TokenRef ref : refs) {
            String uuid = ref.tokenId().substring(TokenRow.CORE_REF_PREFIX.length());
            User user = User.getById(ref.userId(), false);
            if (user == null) {
                continue;
            }
            try {
                if (EveryToken.revokeCore(service, user, uuid, actor) != null) {
                    revoked++;
                }
            } catch (UncheckedIOException e) {
                LOGGER.log(Level.WARNING, e.getMessage(), e.getCause());
            }
        }
        return revoked;
    }

    /** What the table shows: the rows of one page and where it is among the others. */
    public record Page(TokenQuery query, List<TokenRow> rows, int total, int number, int count, String description) {

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
}
