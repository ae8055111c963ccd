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
}
