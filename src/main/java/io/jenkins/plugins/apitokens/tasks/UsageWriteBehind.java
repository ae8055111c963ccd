package io.jenkins.plugins.apitokens.tasks;

import hudson.Extension;
import hudson.init.Terminator;
import hudson.model.PeriodicWork;
import io.jenkins.plugins.apitokens.TokenEngine;
import java.util.concurrent.TimeUnit;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Writes token usage counted in memory: every {@value #WINDOW_SECONDS} seconds, and once more when Jenkins shuts
 * down cleanly, so a restart loses no count and a crash at most one window.
 */
@Extension
@Restricted(NoExternalUse.class)
public class UsageWriteBehind extends PeriodicWork {

    static final long WINDOW_SECONDS = 30;

    @Override
    public long getRecurrencePeriod() {
        return TimeUnit.SECONDS.toMillis(WINDOW_SECONDS);
    }

    @Override
    protected void doRun() {
        TokenEngine.get().service().flushUsage();
        TokenEngine.get().decoys().flush();
        // Uses from new addresses, for owners who asked to hear of them: within seconds, yet never on a request.
        TokenEngine.get().service().deliverUrgentNotices();
    }

    @Terminator
    public static void flushOnShutdown() {
        TokenEngine.get().service().flushUsage();
        TokenEngine.get().decoys().flush();
    }
}
