package io.jenkins.plugins.apitokens.engine;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * All of one user's tokens, as kept with the user. The engine locks this object for every change; lookups by id go
 * through a lock-free index so verification never waits for a change to another token.
 */
public final class UserTokens {

    /** Raised when the stored form changes, so a later version can migrate older files. */
    static final int CURRENT_SCHEMA = 1;

    private int schemaVersion = CURRENT_SCHEMA;
    private List<StoredToken> tokens = new ArrayList<>();

    private transient TokenIndex byId = new TokenIndex();
    /** By {@link TokenName#uniquenessKey}; guarded by this object's lock. */
    private transient Map<String, StoredToken> byName = new HashMap<>();
    /** Guarded by this object's lock. */
    private transient Map<TokenOrigin, Integer> counts = new EnumMap<>(TokenOrigin.class);

    public UserTokens() {}

    /** XStream skips the constructor and the field initialisers: rebuild what is not stored. */
    private Object readResolve() {
        List<StoredToken> stored = tokens == null ? List.of() : tokens;
        tokens = new ArrayList<>();
        byId = new TokenIndex();
        byName = new HashMap<>();
        counts = new EnumMap<>(TokenOrigin.class);
        stored.forEach(this::add);
        schemaVersion = CURRENT_SCHEMA;
        return this;
    }

    StoredToken byId(String id) {
        return byId.get(TokenFormat.idKey(id));
    }

    /** By {@link TokenFormat#idKey packed id}: the lookup of every check, which takes no lock. */
    StoredToken byKey(long idKey) {
        return byId.get(idKey);
    }

    /** Callers hold this object's lock. */
    StoredToken byName(String name) {
        return byName.get(TokenName.uniquenessKey(name));
    }

    /** Callers hold this object's lock. */
    void add(StoredToken token) {
        tokens.add(token);
        byId.put(TokenFormat.idKey(token.id()), token);
        byName.put(TokenName.uniquenessKey(token.name()), token);
        counts.merge(token.origin(), 1, Integer::sum);
    }

    /** Callers hold this object's lock. */
    boolean remove(StoredToken token) {
        if (!tokens.remove(token)) {
            return false;
        }
        byId.remove(TokenFormat.idKey(token.id()), token);
        byName.remove(TokenName.uniquenessKey(token.name()), token);
        counts.merge(token.origin(), -1, Integer::sum);
        return true;
    }

    /** Callers hold this object's lock. */
    void rename(StoredToken token, String newName) {
        byName.remove(TokenName.uniquenessKey(token.name()), token);
        token.rename(newName);
        byName.put(TokenName.uniquenessKey(newName), token);
    }

    /** Callers hold this object's lock. */
    int countOf(TokenOrigin origin) {
        return counts.getOrDefault(origin, 0);
    }

    /** Callers hold this object's lock; the list is theirs to read only. */
    List<StoredToken> all() {
        return tokens;
    }

    int schemaVersion() {
        return schemaVersion;
    }
}
