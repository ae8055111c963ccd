package io.jenkins.plugins.apitokens;

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
 */
@Extension(ordinal = -100)
@Restricted(NoExternalUse.class)
public class UserFolderTokenStore extends ApiTokenStore {

    static final String FILE_NAME = "api-token-manager.xml";

    private final Map<String, UserTokens> loaded = new ConcurrentHashMap<>();

    @Override
    public UserTokens find(String userId) {
        User user = User.getById(userId, false);
        if (user == null) {
            loaded.remove(userId);
            return null;
        }
        return loaded.computeIfAbsent(user.getId(), id -> read(user));
    }

    @Override
    public UserTokens findOrCreate(String userId) {
        User user = User.getById(userId, false);
        if (user == null) {
            throw new TokenRuleException("There is no user '" + userId + "'.");
        }
        return loaded.computeIfAbsent(user.getId(), id -> {
            UserTokens stored = read(user);
            return stored == null ? new UserTokens() : stored;
        });
    }

    @Override
    public Collection<String> userIds() {
        return User.getAll().stream()
                .filter(user -> loaded.containsKey(user.getId()) || fileOf(user).exists())
                .map(User::getId)
                .toList();
    }

    @Override
    public void save(String userId, UserTokens tokens) throws IOException {
        User user = User.getById(userId, false);
        if (user == null) {
            throw new IOException("User " + userId + " no longer exists");
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
        File folder = user.getUserFolder();
        if (folder == null) {
            folder = new File(new File(Jenkins.get().getRootDir(), "users"), "not-yet-saved-" + user.getId());
        }
        return new XmlFile(Jenkins.XSTREAM2, new File(folder, FILE_NAME));
    }
}
