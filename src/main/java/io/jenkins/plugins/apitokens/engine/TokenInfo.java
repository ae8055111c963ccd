package io.jenkins.plugins.apitokens.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What may be shown about a token: everything but its value and hash. Usage figures include uses not yet written to
 * disk.
 *
 * @param reach where the token works: everywhere, or inside the items listed
 * @param created {@link #UNKNOWN_CREATION} when not known (core's legacy tokens migrated from old versions)
 * @param expires {@code null} for a token that never expires
 * @param originDetail for build tokens, which build; otherwise {@code null}
 * @param firstUse {@code null} until first used
 * @param lastUse {@code null} until first used
 * @param lastSource the address of the last use, {@code null} until first used
 * @param issuedBy the administrator who created the token for its user, {@code null} when the user did
 * @param recentSources the last distinct addresses it was used from, most recent first (at most
 *     {@value StoredToken#PLACES_KEPT}); empty when unknown
 * @param replacedBy for a token rotated with a grace period, the id of the token that replaces it: the old value
 *     works until {@code expires}; {@code null} otherwise
 */
public record TokenInfo(
        String userId,
        String id,
        String name,
        Scope scope,
        Reach reach,
        TokenOrigin origin,
        String originDetail,
        Instant created,
        Instant expires,
        long useCount,
        Instant firstUse,
        Instant lastUse,
        String lastSource,
        String issuedBy,
        List<String> recentSources,
        String replacedBy) {

    public TokenInfo {
        reach = reach == null ? Reach.EVERYWHERE : reach;
        recentSources = recentSources == null ? List.of() : List.copyOf(recentSources);
    }

    /** A token rotated with a grace period: its old value still works until it expires. */
    public boolean isRetiring() {
        return replacedBy != null;
    }

    /** The creation time of a token whose creation was never recorded: old, for every age band. */
    public static final Instant UNKNOWN_CREATION = Instant.EPOCH;

    public boolean isExpiredAt(Instant now) {
        return expires != null && !now.isBefore(expires);
    }

    /** Not yet expired, but will be within {@code window}. */
    public boolean expiresWithin(Duration window, Instant now) {
        return expires != null && !isExpiredAt(now) && expires.isBefore(now.plus(window));
    }

    /** Not used since {@code period} before {@code now}; a never-used token counts from its creation. */
    public boolean unusedFor(Duration period, Instant now) {
        Instant reference = lastUse == null ? created : lastUse;
        return !reference.plus(period).isAfter(now);
    }

    public AgeBand ageBand(AgeThresholds thresholds, Instant now) {
        return thresholds.bandOf(created, now);
    }
}
