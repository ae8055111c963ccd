package io.jenkins.plugins.apitokens;

import hudson.Extension;
import hudson.model.AsyncPeriodicWork;
import hudson.model.TaskListener;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** Hourly: announces expired tokens and revokes what the policy says must go (expired build tokens, unused ones). */
@Extension
@Restricted(NoExternalUse.class)
public class TokenSweep extends AsyncPeriodicWork {

    public TokenSweep() {
        super("API token sweep");
    }

    @Override
    public long getRecurrencePeriod() {
        return HOUR;
    }

    @Override
    protected void execute(TaskListener listener) {
        int revoked = TokenEngine.get().service().sweep().size();
        listener.getLogger().println("Revoked " + revoked + " API tokens");
    }
}
