package io.jenkins.plugins.apitokens.store;

import hudson.Extension;
import hudson.XmlFile;
import hudson.model.User;
import io.jenkins.plugins.apitokens.engine.TokenRuleException;
import io.jenkins.plugins.apitokens.engine.UserTokens;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Keeps each user's tokens in {@code users/<user>/api-token-manager.xml}, beside the user's {@code config.xml}
 * but not inside it: usage flushes then rewrite a small file of ours, and never contend with Jenkins for the
 * {@link User}'s lock while the engine holds the tokens' lock. Writes go through {@link XmlFile}, which replaces
 * the file atomically.
 *
 * <p>Each cached list remembers the {@link User} object it was read for. A user deleted and created again under the
 * same id (security realms that create users at login do) is a new object with a new folder: the old list is
 * dropped, so tokens die with their user, and a late usage flush for the old user never writes into the new one's
 * folder.
 */
@Extension(ordinal = -100)
@Restricted(NoExternalUse.class)
public class UserFolderTokenStore extends ApiTokenStore {

    static final String FILE_NAME = "api-token-manager.xml";

    private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();

    /** A user's tokens as read for that very {@link User} object. */
    private record Loaded(User user, UserTokens tokens) {}

    @Override
    public UserTokens find(String userId) {
        User user = User.getById(userId, false);
        if (user == null) {
            loaded.remove(userId);
            return null;
        }
        return load(user, false);
    }

    @Override
    public UserTokens findOrCreate(String userId) {
        User user = User.getById(userId, false);
        if (user == null) {
            throw new TokenRuleException(Messages.UserFolderTokenStore_NoSuchUser(userId));
        }
        return load(user, true);
    }

    /**
     * The user's tokens, read at most once for this {@link User} object; a stale entry (a deleted user's) is replaced.
     *
     * @return {@code null} if the user has no tokens and {@code create} is false
     */
    private UserTokens load(User user, boolean create) {
        UserTokens cached = cachedFor(user);
        if (cached != null) {
            return cached; // every token check comes here: no lock
        }
        Loaded current = loaded.compute(user.getId(), (id, previous) -> {
            if (previous != null && previous.user() == user) {
                return previous;
            }
            UserTokens stored = read(user);
            if (stored == null && create) {
                stored = new UserTokens();
            }
            return stored == null ? null : new Loaded(user, stored);
        });
        return current == null ? null : current.tokens();
    }

    /** The tokens cached for this very {@link User} object, or {@code null}. */
    private UserTokens cachedFor(User user) {
        Loaded cached = loaded.get(user.getId());
        return cached != null && cached.user() == user ? cached.tokens() : null;
    }

    @Override
    public Collection<String> userIds() {
        return User.getAll().stream()
                .filter(user -> cachedFor(user) != null || fileOf(user).exists())
                .map(User::getId)
                .toList();
    }

    @Override
    public void save(String userId, UserTokens tokens) throws IOException {
        User user = User.getById(userId, false);
        if (user == null) {
            throw new IOException("User " + userId + " no longer exists");
        }
        if (cachedFor(user) != tokens) {
            // Tokens of a user since deleted (and perhaps created again): they must not come back.
            throw new IOException("The tokens of user " + userId + " belong to a deleted account");
        }
        if (user.getUserFolder() == null) {
            user.save(); // gives the user a folder to keep the tokens in
        }
        fileOf(user).write(tokens);
    }

    /** The stored tokens, or {@code null} (not cached) if the user has none yet. */
    private static UserTokens read(User user) {
        XmlFile file = fileOf(user);
        if (!file.exists()) {
            return null;
        }
        try {
            return (UserTokens) file.read();
        } catch (IOException e) {
            // Refusing is safer than starting empty: an empty list would be saved over the unreadable file.
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static XmlFile fileOf(User user) {
        StoredForms.ensureRegistered();
        File folder = user.getUserFolder();
        if (folder == null) {
            folder = new File(new File(Jenkins.get().getRootDir(), "users"), "not-yet-saved-" + user.getId());
        }
        return new XmlFile(Jenkins.XSTREAM2, new File(folder, FILE_NAME));
    }
}
