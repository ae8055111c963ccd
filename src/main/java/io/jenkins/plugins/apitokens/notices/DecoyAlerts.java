package io.jenkins.plugins.apitokens.notices;

import io.jenkins.plugins.apitokens.engine.DecoyAlarm;
import io.jenkins.plugins.apitokens.engine.DecoyAlert;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Alerts of tried decoys, to every {@link TokenNoticeListener} (the plugin's own mails the policy's alert addresses),
 * on one background thread: the request that tried the decoy is answered without waiting for the mail server.
 *
 * <p>At most {@value #MAX_WAITING} alerts wait; beyond that (a decoy tried in a tight loop), an alert is dropped and
 * the log says how many were, so nobody reads silence as calm. The audit trail has each use that got through this
 * queue, and the decoy's count has every use.
 */
@Restricted(NoExternalUse.class)
public final class DecoyAlerts implements DecoyAlarm {

    private static final Logger LOGGER = Logger.getLogger(DecoyAlerts.class.getName());
    static final int MAX_WAITING = 1000;

    private final AtomicLong dropped = new AtomicLong();
    private final ThreadPoolExecutor thread =
            new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(MAX_WAITING), runnable -> {
                Thread alerts = new Thread(runnable, "API token decoy alerts");
                alerts.setDaemon(true);
                return alerts;
            });

    public DecoyAlerts() {
        thread.allowCoreThreadTimeOut(true);
        thread.setRejectedExecutionHandler((runnable, executor) -> {
            long count = dropped.incrementAndGet();
            if (Long.bitCount(count) == 1) { // 1, 2, 4, 8…: a flood is reported without flooding the log
                LOGGER.log(
                        Level.WARNING,
                        "{0} decoy token alerts were dropped: {1} were already waiting (a decoy is being tried in a"
                                + " loop); the decoys'' use counts include them",
                        new Object[] {count, MAX_WAITING});
            }
        });
    }

    /** Where the engine runs each alert's work (its audit event, then {@link #sound}). */
    public Executor executor() {
        return thread;
    }

    @Override
    public void sound(DecoyAlert alert) {
        for (TokenNoticeListener listener : TokenNoticeListener.all()) {
            try {
                listener.onDecoyTripped(alert);
            } catch (RuntimeException e) {
                LOGGER.log(
                        Level.WARNING,
                        "A token notice listener failed on a decoy alert: "
                                + listener.getClass().getName(),
                        e);
            }
        }
    }
}
