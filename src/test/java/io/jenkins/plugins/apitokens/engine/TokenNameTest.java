package io.jenkins.plugins.apitokens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenNameTest {

    @Test
    void surroundingWhitespaceIsTrimmed() {
        assertEquals("deploy script", TokenName.normalize("  deploy script \t"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void blankNamesAreRefusedWithAMessage(String name) {
        TokenRuleException e = assertThrows(TokenRuleException.class, () -> TokenName.normalize(name));
        assertEquals("A token needs a name.", e.getMessage());
    }

    @Test
    void aHundredCharactersAreAllowed() {
        assertEquals(100, TokenName.normalize("x".repeat(100)).length());
    }

    @Test
    void aHundredAndOneCharactersAreRefusedSayingTheLength() {
        TokenRuleException e = assertThrows(TokenRuleException.class, () -> TokenName.normalize("x".repeat(101)));
        assertTrue(e.getMessage().contains("at most 100") && e.getMessage().contains("101"), e.getMessage());
    }

    @Test
    void tenKilobyteNameIsRefused() {
        assertThrows(TokenRuleException.class, () -> TokenName.normalize("名".repeat(10_240)));
    }

    @Test
    void charactersOutsideTheBasicPlaneCountAsOne() {
        String emoji = "🔑".repeat(100);
        assertEquals(emoji, TokenName.normalize(emoji));
    }

    @Test
    void anyScriptIsAllowed() {
        assertEquals("Развёртывание 配置 ☕", TokenName.normalize("Развёртывание 配置 ☕"));
    }

    @Test
    void lineBreaksInsideAreRefused() {
        assertThrows(TokenRuleException.class, () -> TokenName.normalize("line\nbreak"));
    }

    @Test
    void namesDifferingOnlyInCaseClash() {
        assertEquals(TokenName.uniquenessKey("Deploy"), TokenName.uniquenessKey("dEPLOY"));
        assertEquals(TokenName.uniquenessKey("STRASSE"), TokenName.uniquenessKey("straße"));
        assertNotEquals(TokenName.uniquenessKey("deploy"), TokenName.uniquenessKey("deploy2"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "deploy\u202Eexe.txt", // right-to-left override
                "ci\u2066x\u2069", // isolates
                "one\u2028two", // line separator
                "one\u2029two", // paragraph separator
                "zero\u200Bwidth",
                "soft\u00ADhyphen"
            })
    void invisibleCharactersThatChangeHowAListReadsAreRefused(String name) {
        TokenRuleException e = assertThrows(TokenRuleException.class, () -> TokenName.normalize(name));
        assertTrue(e.getMessage().contains("direction"), e.getMessage());
    }

    @Test
    void namesInAnyScriptAndEmojiSequencesStayPossible() {
        assertEquals("déploiement מבחן 部署", TokenName.normalize("déploiement מבחן 部署"));
        String family = "\uD83D\uDC69\u200D\uD83D\uDCBB laptop";
        assertEquals(family, TokenName.normalize(family));
    }

    @Test
    void shorteningKeepsBothEndsAndFitsTheLimit() {
        String build = "build " + "very-long-folder/".repeat(10) + "job #1234";
        String shortened = TokenName.shorten(build, 95);
        assertEquals(95, shortened.codePointCount(0, shortened.length()));
        assertTrue(shortened.startsWith("build very-long"), shortened);
        assertTrue(shortened.endsWith("job #1234"), shortened);
        assertEquals("short #1", TokenName.shorten("short #1", 95));
    }
}
