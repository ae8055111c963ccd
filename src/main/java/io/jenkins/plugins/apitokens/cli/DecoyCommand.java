package io.jenkins.plugins.apitokens.cli;

import hudson.cli.CLICommand;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.engine.Decoys;
import io.jenkins.plugins.apitokens.engine.TokenRuleException;
import io.jenkins.plugins.apitokens.engine.TokenStorageException;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** What the decoy commands share: administrators only, and refusals as one clear line rather than a stack trace. */
@Restricted(NoExternalUse.class)
public abstract class DecoyCommand extends CLICommand {

    @Override
    protected final int run() throws Exception {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        try {
            return run(TokenEngine.get().decoys());
        } catch (TokenStorageException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (TokenRuleException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    protected abstract int run(Decoys decoys) throws Exception;
}
