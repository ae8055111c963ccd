package io.jenkins.plugins.apitokens.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;

/**
 * Reports of leaked values: whoever finds a value of this plugin's format (a secret scanner, a colleague) may report
 * it without logging in, and a live token it matches is revoked at once. Values are taken from any text (a line, a
 * scanner's JSON), and only well-formed ones with a valid checksum are looked up, at most {@value #MAX_VALUES} per
 * report: a typo or a look-alike costs nothing. A report is no oracle for guessing tokens: finding one takes its
 * 166-bit secret, and a value that matches is revoked, so learning that it was live is worth nothing.
 */
final class LeakedTokens {

    static final int MAX_VALUES = 100;
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

    /** See {@link TokenService#revokeLeaked}. */
    List<TokenInfo> revoke(String report, String reporter) {
        Set<String> values = wellFormedValuesIn(report);
        if (values.isEmpty()) {
            return List.of();
        }
        List<TokenRef> live = new ArrayList<>();
        // The value names no user: each user's index is asked by the value's id, as a request's check does.
        for (String userId : repository.userIds()) {
            UserTokens tokens = repository.find(userId);
            if (tokens == null) {
                continue;
            }
            for (String value : values) {
                StoredToken token = tokens.byKey(TokenFormat.keyOf(value));
                if (token != null && token.matches(value)) {
                    live.add(new TokenRef(userId, token.id()));
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

    static Set<String> wellFormedValuesIn(String report) {
        Set<String> values = new LinkedHashSet<>();
        Matcher candidates = TokenFormat.PATTERN.matcher(report == null ? "" : report);
        while (values.size() < MAX_VALUES && candidates.find()) {
            if (TokenFormat.isWellFormed(candidates.group())) {
                values.add(candidates.group());
            }
        }
        return values;
    }
}
