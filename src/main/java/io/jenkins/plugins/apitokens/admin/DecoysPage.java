package io.jenkins.plugins.apitokens.admin;

import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.engine.DecoyInfo;
import io.jenkins.plugins.apitokens.engine.Decoys;
import io.jenkins.plugins.apitokens.engine.NewDecoy;
import io.jenkins.plugins.apitokens.engine.TokenRuleException;
import io.jenkins.plugins.apitokens.engine.TokenStorageException;
import io.jenkins.plugins.apitokens.web.DecoyJson;
import io.jenkins.plugins.apitokens.web.JsonReply;
import io.jenkins.plugins.apitokens.web.TokenRow;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.GET;
import org.kohsuke.stapler.verb.POST;

/**
 * Manage Jenkins › API tokens › Decoys: the instance's decoy tokens, each with its last trip, for administrators only
 * (the overview checks it for every URL below it, and each action again). A decoy's value is shown once, in the
 * answer that makes it: on a page for the form ({@code from=page}), as JSON for scripts.
 */
@Restricted(NoExternalUse.class)
public class DecoysPage {

    /** The form's marker: answer with pages and redirects rather than JSON. */
    static final String FROM_PAGE = "page";

    public String getDisplayName() {
        return Messages.DecoysPage_DisplayName();
    }

    /** A moment as the token tables show it. */
    public String date(Instant at) {
        return TokenRow.dateOf(at);
    }

    public List<DecoyInfo> getDecoys() {
        return decoys().list();
    }

    /** Every decoy, as JSON: {@code GET decoys/list}. */
    @GET
    public HttpResponse doList() {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return JsonReply.ok(DecoyJson.list(decoys().list()));
    }

    /** Makes a decoy: {@code POST decoys/create} with {@code name} and, optionally, {@code plantedAt}. */
    @POST
    public HttpResponse doCreate(
            @QueryParameter String name, @QueryParameter String plantedAt, @QueryParameter String from) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        boolean page = FROM_PAGE.equals(from);
        return answer(page, () -> {
            NewDecoy made = decoys().create(name, plantedAt, actor());
            return shown(made, page);
        });
    }

    /** The one answer that holds a decoy's value: the page for the form, JSON for scripts. */
    private HttpResponse shown(NewDecoy made, boolean page) {
        if (page) {
            return HttpResponses.forwardToView(this, "planted").with("made", made);
        }
        return JsonReply.created(DecoyJson.withValue(made));
    }

    /**
     * Makes the value of a decoy declared by configuration as code, and shows it, once: {@code POST decoys/issue}
     * with its {@code id}.
     */
    @POST
    public HttpResponse doIssue(@QueryParameter String id, @QueryParameter String from) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        boolean page = FROM_PAGE.equals(from);
        return answer(page, () -> shown(decoys().issueValue(id, actor()), page));
    }

    /** Removes a decoy: {@code POST decoys/remove} with its {@code id}. Its value is an unknown value from then on. */
    @POST
    public HttpResponse doRemove(@QueryParameter String id, @QueryParameter String from) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        boolean page = FROM_PAGE.equals(from);
        return answer(page, () -> {
            DecoyInfo removed = decoys().remove(id, actor());
            return page ? HttpResponses.redirectTo(".") : JsonReply.ok(DecoyJson.of(removed));
        });
    }

    /** Engine refusals with their status and message, on a page or as JSON; never a stack trace. */
    private static HttpResponse answer(boolean page, Supplier<HttpResponse> action) {
        try {
            return action.get();
        } catch (TokenRuleException | TokenStorageException e) {
            return page ? HttpResponses.errorWithoutStack(JsonReply.statusOf(e), e.getMessage()) : JsonReply.refusal(e);
        }
    }

    private static Decoys decoys() {
        return TokenEngine.get().decoys();
    }

    private static String actor() {
        return Jenkins.getAuthentication2().getName();
    }
}
