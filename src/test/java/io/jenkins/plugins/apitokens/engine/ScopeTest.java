package io.jenkins.plugins.apitokens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScopeTest {

    @Test
    void eachScopePermitsItsOperationsOnly() {
        assertTrue(Scope.READ_ONLY.permits(Operation.READ));
        assertFalse(Scope.READ_ONLY.permits(Operation.RUN));
        assertFalse(Scope.READ_ONLY.permits(Operation.CHANGE));
        assertTrue(Scope.RUN_BUILDS.permits(Operation.READ));
        assertTrue(Scope.RUN_BUILDS.permits(Operation.RUN));
        assertFalse(Scope.RUN_BUILDS.permits(Operation.CHANGE));
        for (Operation operation : Operation.values()) {
            assertTrue(Scope.FULL.permits(operation), operation.name());
        }
    }

    @Test
    void parseAcceptsScriptAndEnumSpellings() {
        assertEquals(Scope.READ_ONLY, Scope.parse("read-only"));
        assertEquals(Scope.READ_ONLY, Scope.parse("READ_ONLY"));
        assertEquals(Scope.RUN_BUILDS, Scope.parse("run-builds"));
        assertEquals(Scope.FULL, Scope.parse(" full "));
        assertEquals("read-only", Scope.READ_ONLY.id());
        assertEquals("run-builds", Scope.RUN_BUILDS.id());
    }

    @Test
    void parseNamesTheKnownScopesOnBadInput() {
        TokenRuleException e = assertThrows(TokenRuleException.class, () -> Scope.parse("admin"));
        assertEquals("Unknown scope 'admin'; use one of: full, run-builds, read-only.", e.getMessage());
    }
}
