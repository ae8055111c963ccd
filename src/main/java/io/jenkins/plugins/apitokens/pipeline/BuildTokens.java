package io.jenkins.plugins.apitokens.pipeline;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.User;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.engine.AuditEvent;
import io.jenkins.plugins.apitokens.engine.NewToken;
import io.jenkins.plugins.apitokens.engine.Reach;
import io.jenkins.plugins.apitokens.engine.Scope;
import io.jenkins.plugins.apitokens.engine.TokenNotFoundException;
import io.jenkins.plugins.apitokens.engine.TokenRuleException;
import io.jenkins.plugins.apitokens.policy.TokenPolicyConfiguration;
import io.jenkins.plugins.apitokens.web.ItemNames;
import java.util.List;
import jenkins.model.Jenkins;
import org.springframework.security.core.Authentication;

/** Minting and revoking the token of one build, shared by the Pipeline step and the freestyle wrapper. */
final class BuildTokens {

    private BuildTokens() {}

    /**
     * Mints a token for {@code run}, owned by the user it runs as or the configured build token account, and says so
     * in the build's log (by id, never by value). It works in the build's own job unless {@code items} names others.
     *
     * @param items full names separated by commas; {@code null} or blank for the build's own job
     */
    static NewToken mint(Run<?, ?> run, String scope, String items, TaskListener listener) throws AbortException {
        NewToken token;
        try {
            token = TokenEngine.get()
                    .service()
                    .createForBuild(
                            tokenUser(),
                            "build " + run.getParent().getFullName() + " #" + run.getNumber(),
                            run.getExternalizableId(),
                            Scope.parse(scope),
                            reachOf(run, items),
                            AuditEvent.SYSTEM);
        } catch (TokenRuleException e) {
            throw new AbortException(e.getMessage());
        }
        listener.getLogger()
                .println(Messages.WithJenkinsApiTokenStep_Minted(
                        token.token().id(),
                        token.token().userId(),
                        token.token().scope().id(),
                        token.token().reach()));
        return token;
    }

    /**
     * Never everywhere: a build's token works in its own job unless the step names other items, which must exist and
     * be visible to the build (it runs as its account here), and are kept as Jenkins spells them.
     */
    private static Reach reachOf(Run<?, ?> run, String items) {
        Reach named = Reach.parse(items);
        return named.isEverywhere() ? Reach.of(List.of(run.getParent().getFullName())) : ItemNames.visible(named);
    }

    /**
     * An optional field (a variable name, a list of items) as typed in a form or a script: trimmed, or {@code null}
     * when blank (not given).
     */
    static String strippedOrNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The scopes a build token may be asked for, for the step's and the wrapper's forms. */
    static ListBoxModel scopeItems() {
        ListBoxModel items = new ListBoxModel();
        for (Scope each : Scope.values()) {
            items.add(each.getDisplayName(), each.id());
        }
        return items;
    }

    /** Revokes a build's token and says so in its log; one already gone (by hand, or by the sweep) is fine. */
    static void revoke(String userId, String tokenId, TaskListener listener) {
        try {
            TokenEngine.get().service().revoke(userId, tokenId, AuditEvent.SYSTEM);
        } catch (TokenNotFoundException alreadyGone) {
            // nothing left to revoke
        }
        listener.getLogger().println(Messages.WithJenkinsApiTokenStep_Revoked(tokenId));
    }

    /**
     * The user the build runs as, if it is one; for a build running as SYSTEM (the default without an authorization
     * strategy for builds) the account the administrator chose for build tokens. A build running as anonymous, or as
     * a user Jenkins does not know, gets no token: nobody chose to lend it an account.
     */
    private static String tokenUser() throws AbortException {
        Authentication build = Jenkins.getAuthentication2();
        if (ACL.SYSTEM_USERNAME.equals(build.getName())) {
            String account = TokenPolicyConfiguration.get().getBuildTokenUser();
            if (account == null) {
                throw new AbortException(Messages.WithJenkinsApiTokenStep_NoUser(build.getName()));
            }
            return account;
        }
        boolean anonymous = ACL.isAnonymous2(build) || ACL.ANONYMOUS_USERNAME.equals(build.getName());
        User user = anonymous ? null : User.getById(build.getName(), false);
        if (user == null) {
            throw new AbortException(Messages.WithJenkinsApiTokenStep_NoAccount(build.getName()));
        }
        return user.getId();
    }
}
