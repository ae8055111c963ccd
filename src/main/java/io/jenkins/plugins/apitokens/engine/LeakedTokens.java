package io.jenkins.plugins.apitokens.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reports of leaked values: whoever finds a value of this plugin's format (a secret scanner, a colleague) may report
 * it without logging in, and a live token it matches is revoked at once. Which values a report names, and how many
 * it may name, is {@link LeakReport}'s: a typo or a look-alike costs nothing. A report is no oracle for guessing
 * tokens: finding one takes its 166-bit secret, and a value that matches is revoked, so learning that it was live is
 * worth nothing.
 */
final class LeakedTokens {

    static final String REASON = "leaked; reported from ";

    private final TokenRepository repository;
    private final TokenChanges changes;
    private final TokenNotices notices;
    private final Supplier<Instant> now;

    LeakedTokens(TokenRepository repository, TokenChanges changes, TokenNotices notices, Supplier<Instant> now) {
        this.repository = repository;
        this.changes = changes;
        this.notices = notices;
        this.now = now;
    }

    /** See {@link TokenService#revokeLeaked(LeakReport, String)}. */
    List<TokenInfo> revoke(LeakReport report, String reporter) {
        Map<Long, List<String>> valuesByKey = report.valuesByKey();
        if (valuesByKey.isEmpty()) {
            return List.of();
        }
        List<TokenRef> live = new ArrayList<>();
        // A value names no user. Each user is asked once for the report's ids (UserTokens.withKeys), so the work is
        // bounded by the user's tokens or the report's ids, whichever is fewer, never by their product; the hash is
        // compared only where an id matched.
        for (String userId : repository.userIds()) {
            UserTokens tokens = repository.find(userId);
            if (tokens == null) {
                continue;
            }
            for (StoredToken token : tokens.withKeys(valuesByKey.keySet())) {
                for (String value : valuesByKey.get(TokenFormat.idKey(token.id()))) {
                    if (token.matches(value)) {
                        live.add(new TokenRef(userId, token.id()));
                        break;
                    }
                }
            }
        }
        if (live.isEmpty()) {
            return List.of();
        }
        List<TokenInfo> revoked = changes.revokeAll(live, AuditEvent.LEAK_REPORT, REASON + reporter);
        revoked.forEach(token -> notices.tellLeak(token, reporter, now.get()));
        return revoked;
    }
}
