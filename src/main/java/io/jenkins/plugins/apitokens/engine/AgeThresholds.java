package io.jenkins.plugins.apitokens.engine;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

/**
 * When a token counts as ageing and as old. Months are calendar months counted in UTC, so "6 months" means the same
 * day six months later, as a person reading the creation date would count.
 */
public record AgeThresholds(int ageingAfterMonths, int oldAfterMonths) {

    public static final AgeThresholds DEFAULT = new AgeThresholds(6, 12);

    public AgeThresholds {
        if (ageingAfterMonths < 1) {
            throw new TokenRuleException(
                    EngineMessage.of("AgeThresholds.AgeingAtLeastOneMonth"), PolicySetting.AGE_THRESHOLDS_AGEING);
        }
        if (oldAfterMonths <= ageingAfterMonths) {
            throw new TokenRuleException(
                    EngineMessage.of("AgeThresholds.OldAfterAgeing"), PolicySetting.AGE_THRESHOLDS_OLD);
        }
    }

    /** The band of a token created at {@code created}, seen at {@code now}; a threshold reached counts as passed. */
    public AgeBand bandOf(Instant created, Instant now) {
        if (!now.isBefore(plusMonths(created, oldAfterMonths))) {
            return AgeBand.OLD;
        }
        if (!now.isBefore(plusMonths(created, ageingAfterMonths))) {
            return AgeBand.AGEING;
        }
        return AgeBand.FRESH;
    }

    private static Instant plusMonths(Instant instant, int months) {
        return instant.atOffset(ZoneOffset.UTC).plus(Period.ofMonths(months)).toInstant();
    }
}
