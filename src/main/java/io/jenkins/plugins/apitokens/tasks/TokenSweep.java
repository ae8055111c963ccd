package io.jenkins.plugins.apitokens.tasks;

import hudson.Extension;
import hudson.model.AsyncPeriodicWork;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.admin.TokenCounts;
import io.jenkins.plugins.apitokens.coretokens.EveryToken;
import io.jenkins.plugins.apitokens.engine.TokenService;
import java.util.concurrent.TimeUnit;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Hourly, and a minute after start-up: announces expired tokens and revokes what must go: build tokens whose build
 * is over (it may have ended while Jenkins was down, or never reached the end of its block) and tokens unused for
 * longer than the policy allows; tells owners of tokens (core's among them) that break the policy where an
 * enforcement date is set.
 */
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

    /** Soon after start-up, once Pipelines that resume are loaded as building: tokens of ended builds go first. */
    @Override
    public long getInitialDelay() {
        return TimeUnit.MINUTES.toMillis(1);
    }

    @Override
    protected void execute(TaskListener listener) {
        TokenService service = TokenEngine.get().service();
        int revoked = service.sweep(TokenSweep::isBuilding).size();
        listener.getLogger().println("Revoked " + revoked + " API tokens");
        int told = service.tellPolicyBreaches(EveryToken.onInstance(service));
        listener.getLogger().println("Told owners of " + told + " API tokens that break the policy");
        TokenCounts.get().recount();
    }

    /** Whether the run named by {@code id} (as {@link Run#getExternalizableId()} names it) is still building. */
    @Restricted(NoExternalUse.class)
    public static boolean isBuilding(String id) {
        try {
            Run<?, ?> run = Run.fromExternalizableId(id);
            return run != null && run.isBuilding();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
