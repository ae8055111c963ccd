package io.jenkins.plugins.apitokens.engine;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a token may be used for, on top of what its user may do: the {@link Operation}s it permits. A new scope is a
 * new constant with its set; where a token reaches is its {@link Reach}.
 */
public enum Scope {
    /** Everything the user may do. */
    FULL(Operation.READ, Operation.RUN, Operation.CHANGE),
    /** Running builds: reading, plus starting, stopping and cancelling builds. */
    RUN_BUILDS(Operation.READ, Operation.RUN),
    /** Reading only: GET and HEAD requests. */
    READ_ONLY(Operation.READ);

    private final Set<Operation> operations;

    Scope(Operation first, Operation... rest) {
        this.operations = Collections.unmodifiableSet(EnumSet.of(first, rest));
    }

    /** The scope's name for people, in the reader's language. */
    public String getDisplayName() {
        return EngineMessage.of("Scope." + name()).toString();
    }

    /** Whether a token of this scope may make a request that does {@code operation}. */
    public boolean permits(Operation operation) {
        return operations.contains(operation);
    }

    /**
     * The scope named by a user or a script: the constant's name in any case, with {@code -} for {@code _}.
     *
     * @throws TokenRuleException listing the known scopes
     */
    public static Scope parse(String text) {
        String key = text == null ? "" : text.strip().replace('-', '_').toUpperCase(Locale.ROOT);
        for (Scope scope : values()) {
            if (scope.name().equals(key)) {
                return scope;
            }
        }
        throw new TokenRuleException(EngineMessage.of("Scope.Unknown", text));
    }

    /** The form scripts and JCasC use: {@code full}, {@code run-builds}, {@code read-only}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
