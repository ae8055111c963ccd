package io.jenkins.plugins.apitokens.engine;

import java.time.Instant;

/**
 * A decoy as administrators see it: never its value, which is shown once, when it is made.
 *
 * @param plantedAt where it was planted, in the creator's words (a {@code .netrc} on agent-3); may be empty
 * @param awaitingValue declared by configuration as code, which never holds a value: its value is made, and shown
 *     once, when an administrator asks for it; until then it is planted nowhere and nothing trips it
 * @param trips how many times it was tried, leak reports included
 * @param lastTrip the last of them; {@code null} if it was never tried
 */
public record DecoyInfo(
        String id,
        String name,
        String plantedAt,
        String createdBy,
        Instant createdAt,
        boolean awaitingValue,
        long trips,
        Instant lastTripAt,
        DecoyUse lastTrip) {

    DecoyInfo tripped(Instant at, DecoyUse use) {
        return new DecoyInfo(id, name, plantedAt, createdBy, createdAt, awaitingValue, trips + 1, at, use);
    }

    DecoyInfo withValue() {
        return new DecoyInfo(id, name, plantedAt, createdBy, createdAt, false, trips, lastTripAt, lastTrip);
    }
}
