package io.jenkins.plugins.apitokens.admin;

import hudson.Extension;
import hudson.model.ManagementLink;
import hudson.security.Permission;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.coretokens.EveryToken;
import io.jenkins.plugins.apitokens.engine.TokenInfo;
import io.jenkins.plugins.apitokens.engine.TokenPolicy;
import io.jenkins.plugins.apitokens.engine.TokenQuery;
import io.jenkins.plugins.apitokens.engine.TokenRef;
import io.jenkins.plugins.apitokens.engine.TokenRuleException;
import io.jenkins.plugins.apitokens.engine.TokenService;
import io.jenkins.plugins.apitokens.web.TokenRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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
    static TokenQuery queryOf(StaplerRequest2 req) {
        try {
            return TokenQuery.parse(req::getParameter, PAGE_SIZE);
        } catch (TokenRuleException e) {
            throw HttpResponses.errorWithoutStack(400, e.getMessage());
        }
    }

    /** One page of tokens for the given request's query. */
    public OverviewPage getPage(StaplerRequest2 req) {
        TokenService service = TokenEngine.get().service();
        TokenPolicy policy = service.policy();
        Instant now = service.now();
        TokenQuery query = queryOf(req);
        List<TokenInfo> every = EveryToken.onInstance(service);
        TokenQuery.Result result = query.apply(every, policy, now);
        // Judged among all of each user's tokens (the per-user maximum), shown for this page's rows.
        List<TokenRow> judged = TokenRow.of(every, policy, now);
        Map<TokenInfo, TokenRow> byToken = new IdentityHashMap<>();
        for (int i = 0; i < every.size(); i++) {
            byToken.put(every.get(i), judged.get(i));
        }
        List<TokenRow> rows = new ArrayList<>();
        for (TokenInfo token : result.tokens()) {
            rows.add(byToken.get(token));
        }
        return new OverviewPage(
                query, rows, result.total(), result.page(), result.pageCount(), FilterOption.describe(query));
    }

    public List<FilterOption> getFilters() {
        return FilterOption.all();
    }

    /** The decoy tokens: {@code decoys/}. */
    public DecoysPage getDecoys() {
        return new DecoysPage();
    }

    /** {@code audit/}: the audit trail's page, its verdict and its export. */
    public AuditPage getAudit() {
        return new AuditPage();
    }

    /** How many legacy tokens users still have: the page offers to revoke them all. */
    public int getLegacyTokenCount() {
        TokenService service = TokenEngine.get().service();
        return TokenCounts.count(TokenQuery.Filter.LEGACY, EveryToken.onInstance(service), service);
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
        int revoked =
                EveryToken.revokeAll(service, refs, Jenkins.getAuthentication2().getName());
        TokenCounts.get().recount();
        return HttpResponses.redirectTo("./?revoked=" + revoked);
    }

    private static List<TokenRef> matchingRefs(StaplerRequest2 req, TokenService service) {
        List<TokenRef> refs = new ArrayList<>();
        for (TokenInfo token : queryOf(req).matching(EveryToken.onInstance(service), service.policy(), service.now())) {
            refs.add(EveryToken.refOf(token));
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
}
