package io.jenkins.plugins.apitokens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AgeThresholdsTest {

    private static final Instant CREATED = Instant.parse("2026-01-31T10:00:00Z");
    private final AgeThresholds defaults = AgeThresholds.DEFAULT;

    @Test
    void newTokenIsFresh() {
        assertEquals(AgeBand.FRESH, defaults.bandOf(CREATED, CREATED));
    }

    @Test
    void oneSecondBeforeSixMonthsIsStillFresh() {
        // 31 January + 6 months is 31 July.
        assertEquals(AgeBand.FRESH, defaults.bandOf(CREATED, Instant.parse("2026-07-31T09:59:59Z")));
    }

    @Test
    void exactlySixMonthsIsAgeing() {
        assertEquals(AgeBand.AGEING, defaults.bandOf(CREATED, Instant.parse("2026-07-31T10:00:00Z")));
    }

    @Test
    void oneSecondBeforeTwelveMonthsIsAgeing() {
        assertEquals(AgeBand.AGEING, defaults.bandOf(CREATED, Instant.parse("2027-01-31T09:59:59Z")));
    }

    @Test
    void exactlyTwelveMonthsIsOld() {
        assertEquals(AgeBand.OLD, defaults.bandOf(CREATED, Instant.parse("2027-01-31T10:00:00Z")));
    }

    @Test
    void customThresholdsApply() {
        AgeThresholds strict = new AgeThresholds(1, 3);
        assertEquals(AgeBand.AGEING, strict.bandOf(CREATED, Instant.parse("2026-03-01T10:00:00Z")));
        assertEquals(AgeBand.OLD, strict.bandOf(CREATED, Instant.parse("2026-04-30T10:00:00Z")));
    }

    @Test
    void oldMustComeAfterAgeing() {
        TokenRuleException e = assertThrows(TokenRuleException.class, () -> new AgeThresholds(6, 6));
        assertEquals("The old threshold must be later than the ageing threshold.", e.getMessage());
    }

    @Test
    void ageingMustBeAtLeastAMonth() {
        assertThrows(TokenRuleException.class, () -> new AgeThresholds(0, 12));
    }
}
