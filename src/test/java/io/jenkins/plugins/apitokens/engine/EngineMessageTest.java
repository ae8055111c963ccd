package io.jenkins.plugins.apitokens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine's words are read from its bundle, in the reader's language where a translation exists. */
class EngineMessageTest {

    @AfterEach
    void backToEnglish() {
        EngineMessage.readIn(() -> Locale.ENGLISH);
    }

    @Test
    void aRefusalSpeaksTheReadersLanguageWhereItHasATranslationAndEnglishElsewhere() {
        EngineMessage.readIn(() -> Locale.FRENCH);
        TokenRuleException noName = assertThrows(TokenRuleException.class, () -> TokenName.normalize(" "));
        assertEquals("Un jeton doit avoir un nom.", noName.getMessage());
        TokenRuleException badScope = assertThrows(TokenRuleException.class, () -> Scope.parse("admin"));
        assertEquals("Unknown scope 'admin'; use one of: full, run-builds, read-only.", badScope.getMessage());

        EngineMessage.readIn(() -> Locale.GERMAN);
        assertEquals("A token needs a name.", noName.getMessage(), "no German translation: English, not French");
    }

    @Test
    void labelsAndDurationsComeFromTheBundle() {
        assertEquals("Read-only", Scope.READ_ONLY.getDisplayName());
        assertEquals("1 day", TokenPolicy.describe(Duration.ofDays(1)).in(Locale.ENGLISH));
        assertEquals("1000 days", TokenPolicy.describe(Duration.ofDays(1000)).in(Locale.ENGLISH));
        assertEquals("36 hours", TokenPolicy.describe(Duration.ofHours(36)).in(Locale.ENGLISH));
        TokenRuleException tooLong = assertThrows(TokenRuleException.class, () -> TokenPolicy.builder()
                .maxLifetime(Duration.ofDays(30))
                .defaultLifetime(Duration.ofDays(90))
                .build());
        assertEquals(
                "The default lifetime (90 days) cannot be longer than the maximum lifetime (30 days).",
                tooLong.getMessage());
    }

    @Test
    void everySentenceOfTheBundleIsAValidPattern() {
        // Numbers fit every argument: quoted names and counted ones alike.
        ResourceBundle bundle =
                ResourceBundle.getBundle("io.jenkins.plugins.apitokens.engine.EngineMessages", Locale.ROOT);
        for (String key : bundle.keySet()) {
            String worded = EngineMessage.of(key, 2, 3).in(Locale.ENGLISH);
            assertFalse(worded.isBlank(), key);
        }
    }
}
