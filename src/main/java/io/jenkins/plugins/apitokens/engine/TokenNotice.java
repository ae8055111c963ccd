package io.jenkins.plugins.apitokens.engine;

import java.time.Instant;

/**
 * A notice for a token's owner. Like the audit trail, it names the token by id and name, never by value.
 *
 * @param token the token as it is now
 * @param when for {@link NoticeType#EXPIRING} and {@link NoticeType#EXPIRED}, the expiry; for
 *     {@link NoticeType#UNUSED}, when the token will be revoked; for {@link NoticeType#NEW_PLACE}, the last use;
 *     for {@link NoticeType#BREAKS_POLICY}, the enforcement date
 * @param withinDays the warning period that was reached: 30, 7, 1 days; 0 for the others
 * @param place for {@link NoticeType#NEW_PLACE}, the new address; for {@link NoticeType#BREAKS_POLICY}, the rules
 *     broken and what to do, in words; {@code null} for the others
 */
public record TokenNotice(NoticeType type, TokenInfo token, Instant when, int withinDays, String place) {}
