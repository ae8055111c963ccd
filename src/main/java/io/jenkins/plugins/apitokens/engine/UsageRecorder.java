package io.jenkins.plugins.apitokens.engine;

import java.io.IOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Counts token uses in memory and writes them behind, so a burst of requests costs no disk write per request. A
 * use is counted in the token itself and its user marked; every {@link #flush()} folds the
 * pending uses of the marked users into their stored tokens and saves each of them once. The Jenkins layer calls it
 * on a timer and at a clean shutdown, so a crash loses at most one window of counts.
 */
final class UsageRecorder {

    private static final Logger LOGGER = Logger.getLogger(UsageRecorder.class.getName());

    private final TokenRepository repository;
    /** Users with uses not yet saved. */
    private final Set<String> dirty = ConcurrentHashMap.newKeySet();
    /** Users whose last save failed: saved again at the next flush. */
    private final Set<String> unsaved = ConcurrentHashMap.newKeySet();

    UsageRecorder(TokenRepository repository) {
        this.repository = repository;
    }

    /** @return whether this is the token's first use since the last flush */
    boolean record(String userId, StoredToken token, Instant at, String source) {
        boolean first = token.recordUse(at.toEpochMilli(), source);
        dirty.add(userId);
        return first;
    }

    /**
     * Writes all pending uses.
     *
     * @return how many users were written
     */
    int flush() {
        Set<String> users = new HashSet<>(unsaved);
        for (String userId : dirty) {
            // Unmarked before draining: a use recorded meanwhile marks the user again for the next flush.
            dirty.remove(userId);
            users.add(userId);
        }
        int written = 0;
        for (String userId : users) {
            UserTokens tokens = repository.find(userId);
            if (tokens == null) {
                unsaved.remove(userId);
                continue;
            }
            // Draining under the user's lock: a listing, which takes it too, sees each use pending or stored.
            synchronized (tokens) {
                for (StoredToken token : tokens.all()) {
                    token.drainPendingUses();
                }
                try {
                    repository.save(userId, tokens);
                    unsaved.remove(userId);
                    written++;
                } catch (IOException | RuntimeException e) {
                    unsaved.add(userId);
                    LOGGER.log(Level.WARNING, "Could not save token usage of user " + userId + "; will retry", e);
                }
            }
        }
        return written;
    }

    boolean hasPending() {
        return !dirty.isEmpty() || !unsaved.isEmpty();
    }
}
