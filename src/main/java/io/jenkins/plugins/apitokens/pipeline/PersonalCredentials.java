package io.jenkins.plugins.apitokens.pipeline;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.UserCredentialsProvider;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.model.User;
import hudson.util.Secret;
import io.jenkins.plugins.apitokens.engine.NewToken;
import io.jenkins.plugins.apitokens.engine.TokenRuleException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Saves a freshly created token as a {@link JenkinsApiTokenCredentials} in its user's own credentials store, or in
 * a folder's store the caller may add credentials to, so it can go to a Pipeline without ever being copied by hand.
 */
@Restricted(NoExternalUse.class)
public final class PersonalCredentials {

    private PersonalCredentials() {}

    /** @throws TokenRuleException if the caller may not add credentials to the user's store */
    public static CredentialsStore storeOf(User user) {
        for (CredentialsStore store : CredentialsProvider.lookupStores(user)) {
            if (store.getProvider() instanceof UserCredentialsProvider
                    && store.hasPermission(CredentialsProvider.CREATE)) {
                return store;
            }
        }
        throw new TokenRuleException(Messages.PersonalCredentials_NotAllowed(user.getId()));
    }

    /**
     * The credentials store of the folder {@code fullName}, if the caller may see the folder and add credentials to
     * it. The folder's own store only, not one inherited from above, so the credential lands where it was asked to.
     *
     * @throws TokenRuleException if there is no such folder visible to the caller, or no store there it may add to
     */
    public static CredentialsStore folderStoreOf(String fullName) {
        Item item = Jenkins.get().getItemByFullName(fullName);
        if (!(item instanceof ItemGroup<?>)) {
            throw new TokenRuleException(Messages.PersonalCredentials_NoSuchFolder(fullName));
        }
        for (CredentialsStore store : CredentialsProvider.lookupStores(item)) {
            if (store.getContext() == item && store.hasPermission(CredentialsProvider.CREATE)) {
                return store;
            }
        }
        throw new TokenRuleException(Messages.PersonalCredentials_FolderNotAllowed(item.getFullDisplayName()));
    }

    /**
     * The folders whose own credentials store the caller may add to, by full name, for the page's choice. At most
     * {@code limit}, so a very large instance keeps a usable page.
     */
    public static List<Item> writableFolders(int limit) {
        List<Item> folders = new ArrayList<>();
        for (Item item : Jenkins.get().allItems(Item.class, each -> each instanceof ItemGroup<?>)) {
            for (CredentialsStore store : CredentialsProvider.lookupStores(item)) {
                if (store.getContext() == item && store.hasPermission(CredentialsProvider.CREATE)) {
                    folders.add(item);
                    break;
                }
            }
            if (folders.size() >= limit) {
                break;
            }
        }
        return folders;
    }

    /**
     * Saves the token into the user's own store (scope {@code USER}: for that user's builds) or a folder's store
     * (scope {@code GLOBAL}: for the builds in that folder).
     *
     * @return the id of the new credential
     */
    public static String save(CredentialsStore store, User user, NewToken token) throws IOException {
        String id = "jenkins-api-token-" + token.token().id();
        JenkinsApiTokenCredentials credentials = new JenkinsApiTokenCredentials(
                store.getProvider() instanceof UserCredentialsProvider
                        ? CredentialsScope.USER
                        : CredentialsScope.GLOBAL,
                id,
                Messages.PersonalCredentials_Description(token.token().name()),
                user.getId(),
                Secret.fromString(token.value()));
        if (!store.addCredentials(Domain.global(), credentials)) {
            throw new IOException("The credentials store refused " + id);
        }
        return id;
    }
}
