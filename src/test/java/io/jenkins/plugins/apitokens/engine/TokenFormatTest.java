package io.jenkins.plugins.apitokens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenFormatTest {

    private final TokenFormat format = new TokenFormat();

    @Test
    void newValueHasPrefixLengthAndOnlyUrlAndShellSafeCharacters() {
        String value = format.newValue(format.newId());
        assertTrue(value.startsWith("jnkapi_"), value);
        assertEquals(49, value.length());
        assertTrue(value.substring(7).chars().allMatch(Character::isLetterOrDigit), value);
        assertFalse(value.contains(":"));
    }

    @Test
    void documentedPatternMatchesEveryNewValue() {
        for (int i = 0; i < 1000; i++) {
            String value = format.newValue(format.newId());
            assertTrue(TokenFormat.PATTERN.matcher(value).matches(), value);
        }
    }

    @Test
    void idIsReadBackFromTheValue() {
        String id = format.newId();
        assertEquals(Optional.of(id), TokenFormat.idOf(format.newValue(id)));
    }

    @Test
    void tenThousandValuesAreAllDifferent() {
        Set<String> secrets = new HashSet<>();
        String id = format.newId();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(secrets.add(format.newValue(id)));
        }
    }

    @Test
    void aChangedCharacterBreaksTheChecksum() {
        String value = format.newValue(format.newId());
        char[] chars = value.toCharArray();
        chars[20] = chars[20] == 'a' ? 'b' : 'a';
        assertFalse(TokenFormat.isWellFormed(new String(chars)));
    }

    @Test
    void swappedChecksumIsRejected() {
        String value = format.newValue(format.newId());
        String other = format.newValue(format.newId());
        String forged = value.substring(0, TokenFormat.LENGTH - 6) + other.substring(TokenFormat.LENGTH - 6);
        assertFalse(TokenFormat.isWellFormed(forged));
    }

    @Test
    void truncatedOrExtendedValuesAreRejected() {
        String value = format.newValue(format.newId());
        assertFalse(TokenFormat.isWellFormed(value.substring(0, value.length() - 1)));
        assertFalse(TokenFormat.isWellFormed(value + "0"));
    }

    @Test
    void coreStyleTokenIsNotOurs() {
        assertFalse(TokenFormat.isWellFormed("11" + "0123456789abcdef0123456789abcdef"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "jnkapi_",
                "JNKAPI_0123456789012345678901234567890123456789012",
                "jnkapi-012345678901234567890123456789012345678901",
                "jnkapi_01234567890123456789012345678901234567890:",
                "jnkapi_0123456789012345678901234567890123456789ü1"
            })
    void malformedValuesHaveNoId(String value) {
        assertTrue(TokenFormat.idOf(value).isEmpty());
    }

    @Test
    void differentIdsPackIntoDifferentNonZeroKeys() {
        Set<String> ids = new HashSet<>();
        Set<Long> keys = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = format.newId();
            long key = TokenFormat.idKey(id);
            assertNotEquals(0, key);
            assertEquals(ids.add(id), keys.add(key), id);
        }
        // Ids differing only in case are different ids.
        assertNotEquals(TokenFormat.idKey("abcdefgh"), TokenFormat.idKey("ABCDEFGH"));
        assertNotEquals(TokenFormat.idKey("00000000"), TokenFormat.idKey("00000001"));
    }

    @Test
    void aValuesKeyIsItsIdsKey() {
        String id = format.newId();
        String value = format.newValue(id);
        assertEquals(TokenFormat.idKey(id), TokenFormat.keyOf(value));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"abcdefg", "abcdefghi", "abcd:fgh", "abcdefgü", "../../..", "0000000 "})
    void whatIsNotAnIdHasNoKey(String id) {
        assertEquals(0, TokenFormat.idKey(id));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"jnkapi_", "jnkapi_0123456789012345678901234567890123456789ü1"})
    void malformedValuesHaveNoKey(String value) {
        assertEquals(0, TokenFormat.keyOf(value));
    }
}
