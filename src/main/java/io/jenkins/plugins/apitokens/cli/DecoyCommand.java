package io.jenkins.plugins.apitokens.cli;

import hudson.cli.CLICommand;
import hudson.model.User;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.engine.DecoyInfo;
import io.jenkins.plugins.apitokens.engine.Decoys;
import io.jenkins.plugins.apitokens.engine.TokenRuleException;
import io.jenkins.plugins.apitokens.engine.TokenStorageException;
import java.util.List;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.springframework.security.access.AccessDeniedException;

/**
 * What the decoy commands share: administrators work on every decoy; other users, where the policy lets them plant
 * decoys, on their own only; refusals come as one clear line rather than a stack trace.
 */
@Restricted(NoExternalUse.class)
public abstract class DecoyCommand extends CLICommand {

    @Override
    protected final int run() throws Exception {
        boolean administrator = Jenkins.get().hasPermission(Jenkins.ADMINISTER);
        if (!administrator
                && (User.current() == null
                        || !TokenEngine.get().service().policy().isUserDecoysAllowed())) {
            throw new AccessDeniedException(Messages.DecoyCommand_NotAllowed());
        }
        try {
            return run(TokenEngine.get().decoys(), administrator);
        } catch (TokenRuleException | TokenStorageException e) {
            throw ApiTokenCommand.refusal(e);
        }
    }

    /** @param administrator whether the caller works on every decoy, rather than on the decoys they made */
    protected abstract int run(Decoys decoys, boolean administrator) throws Exception;

    /** The decoys the caller may see: all for an administrator, else their own. */
    static List<DecoyInfo> visible(Decoys decoys, boolean administrator) {
        return administrator ? decoys.list() : decoys.listCreatedBy(creator());
    }

    /** Who a decoy made now is made by: the caller's user id, as a user's own decoys are listed by it. */
    static String creator() {
        User current = User.current();
        return current == null ? ApiTokenCommand.actor() : current.getId();
    }
}
