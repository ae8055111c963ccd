package io.jenkins.plugins.apitokens.cli;

import hudson.cli.CLICommand;
import hudson.model.User;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.engine.TokenPermissionException;
import io.jenkins.plugins.apitokens.engine.TokenRuleException;
import io.jenkins.plugins.apitokens.engine.TokenService;
import io.jenkins.plugins.apitokens.engine.TokenStorageException;
import io.jenkins.plugins.apitokens.web.TokenRequester;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.args4j.Option;
import org.springframework.security.access.AccessDeniedException;

/**
 * What the token CLI commands share: whose tokens ({@code --user}, for administrators; yourself by default), the
 * permission check, and refusals printed as one clear line (exit code 3) rather than a stack trace.
 */
@Restricted(NoExternalUse.class)
public abstract class ApiTokenCommand extends CLICommand {

    @Option(name = "--user", metaVar = "USER", usage = "Whose tokens (administrators only); yourself by default.")
    public String userId;

    @Override
    protected final int run() throws Exception {
        User user = targetUser();
        try {
            return run(user, TokenEngine.get().service());
        } catch (TokenRuleException | TokenStorageException e) {
            throw refusal(e);
        }
    }

    /**
     * An engine's refusal as the CLI reports it, one clear line and its exit code: a storage failure (4), a
     * permission (6), any other rule (3).
     */
    static RuntimeException refusal(RuntimeException e) {
        if (e instanceof TokenStorageException) {
            return new IllegalStateException(e.getMessage(), e);
        }
        return e instanceof TokenPermissionException
                ? new AccessDeniedException(e.getMessage())
                : new IllegalArgumentException(e.getMessage());
    }

    /** Runs the command on {@code user}'s tokens, which the caller may manage. */
    protected abstract int run(User user, TokenService service) throws Exception;

    private User targetUser() {
        User user = userId == null ? User.current() : User.getById(userId, false);
        if (user == null) {
            throw new IllegalArgumentException(
                    userId == null ? Messages.ApiTokenCommand_LogIn() : Messages.ApiTokenCommand_NoSuchUser(userId));
        }
        if (!TokenRequester.mayManageTokensOf(user)) {
            throw new AccessDeniedException(Messages.ApiTokenCommand_Forbidden(user.getId()));
        }
        return user;
    }

    static String actor() {
        return TokenRequester.name();
    }
}
