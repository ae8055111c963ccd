package io.jenkins.plugins.apitokens.engine;

import java.util.Locale;
import java.util.Set;

/**
 * What a token may be used for, on top of what its user may do. A new scope is a new constant with its own rule
 * about which requests it permits.
 */
public enum Scope {
    /** Everything the user may do. */
    FULL {
        @Override
        public boolean permits(String httpMethod) {
            return true;
        }
    },
    /** Reading only: GET and HEAD requests. */
    READ_ONLY {
        @Override
        public boolean permits(String httpMethod) {
            return httpMethod != null && SAFE_METHODS.contains(httpMethod.toUpperCase(Locale.ROOT));
        }
    };

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD");

    /** The scope's name for people, in the reader's language. */
    public String getDisplayName() {
        return EngineMessage.of("Scope." + name()).toString();
    }

    /** Whether a request with this HTTP method may be made with a token of this scope. */
    public abstract boolean permits(String httpMethod);

    /**
     * Whether a request may be made with a token of this scope. A WebSocket (as the CLI's {@code -webSocket} mode
     * opens with a GET) is a channel for anything, so only a full token may open one.
     */
    public boolean permits(String httpMethod, boolean webSocket) {
        return webSocket ? this == FULL : permits(httpMethod);
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

    /** The form scripts and JCasC use: {@code full}, {@code read-only}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
