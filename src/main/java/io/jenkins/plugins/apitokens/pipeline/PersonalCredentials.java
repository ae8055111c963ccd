package io.jenkins.plugins.apitokens.pipeline;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.UserCredentialsProvider;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.model.User;
import hudson.util.Secret;
import io.jenkins.plugins.apitokens.engine.NewToken;
import io.jenkins.plugins.apitokens.engine.TokenRuleException;
import java.io.IOException;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Saves a freshly created token as a {@link JenkinsApiTokenCredentials} in its user's own credentials store, so it
 * can go to a Pipeline without ever being copied by hand.
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

    /** @return the id of the new credential */
    public static String save(CredentialsStore store, User user, NewToken token) throws IOException {
        String id = "jenkins-api-token-" + token.token().id();
        JenkinsApiTokenCredentials credentials = new JenkinsApiTokenCredentials(
                CredentialsScope.USER,
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
