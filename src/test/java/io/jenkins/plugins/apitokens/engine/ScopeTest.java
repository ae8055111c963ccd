package io.jenkins.plugins.apitokens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScopeTest {

    @ParameterizedTest
    @ValueSource(strings = {"GET", "HEAD", "get"})
    void readOnlyPermitsSafeMethods(String method) {
        assertTrue(Scope.READ_ONLY.permits(method));
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "OPTIONS"})
    void readOnlyRefusesEverythingElse(String method) {
        assertFalse(Scope.READ_ONLY.permits(method));
    }

    @Test
    void readOnlyRefusesAnUnknownMethod() {
        assertFalse(Scope.READ_ONLY.permits(null));
    }

    @Test
    void onlyFullMayOpenAWebSocket() {
        assertFalse(Scope.READ_ONLY.permits("GET", true));
        assertTrue(Scope.FULL.permits("GET", true));
        assertTrue(Scope.READ_ONLY.permits("GET", false));
    }

    @Test
    void fullPermitsPost() {
        assertTrue(Scope.FULL.permits("POST"));
    }

    @Test
    void parseAcceptsScriptAndEnumSpellings() {
        assertEquals(Scope.READ_ONLY, Scope.parse("read-only"));
        assertEquals(Scope.READ_ONLY, Scope.parse("READ_ONLY"));
        assertEquals(Scope.FULL, Scope.parse(" full "));
        assertEquals("read-only", Scope.READ_ONLY.id());
    }

    @Test
    void parseNamesTheKnownScopesOnBadInput() {
        TokenRuleException e = assertThrows(TokenRuleException.class, () -> Scope.parse("admin"));
        assertEquals("Unknown scope 'admin'; use one of: full, read-only.", e.getMessage());
    }
}
