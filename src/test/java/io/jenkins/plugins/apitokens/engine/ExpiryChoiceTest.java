package io.jenkins.plugins.apitokens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ExpiryChoiceTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "default", " Default "})
    void nothingMeansThePolicyDefault(String text) {
        ExpiryChoice choice = ExpiryChoice.parse(text, NOW);
        assertEquals(ExpiryChoice.DEFAULT, choice);
        assertTrue(choice.isDefault());
        assertNull(choice.instant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"never", " Never "})
    void neverIsItsOwnChoiceNotTheDefault(String text) {
        ExpiryChoice choice = ExpiryChoice.parse(text, NOW);
        assertEquals(ExpiryChoice.NEVER, choice);
        assertTrue(choice.isNever());
        assertFalse(choice.isDefault());
    }

    @Test
    void daysCountFromNow() {
        assertEquals(
                NOW.plus(Duration.ofDays(90)), ExpiryChoice.parse("90d", NOW).instant());
    }

    @Test
    void aDateIsValidThroughThatWholeDayInUtcAsCoresDatesAre() {
        assertEquals(
                Instant.parse("2027-02-01T00:00:00Z"),
                ExpiryChoice.parse("2027-01-31", NOW).instant());
    }

    @Test
    void anInstantIsTakenAsIs() {
        assertEquals(
                Instant.parse("2027-01-31T08:30:00Z"),
                ExpiryChoice.parse("2027-01-31T08:30:00Z", NOW).instant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomorrow", "2027-13-01", "-5d", "31/01/2027", "999999d"})
    void anythingElseIsRefusedNamingTheAcceptedForms(String text) {
        TokenRuleException e = assertThrows(TokenRuleException.class, () -> ExpiryChoice.parse(text, NOW));
        assertTrue(e.getMessage().contains("2027-01-31") && e.getMessage().contains("90d"), e.getMessage());
    }
}
