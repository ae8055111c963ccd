package io.jenkins.plugins.apitokens.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.User;
import io.jenkins.plugins.apitokens.TokenApi;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.engine.NewToken;
import java.io.File;
import org.htmlunit.HttpMethod;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Tokens die with their user: a user created again under the same id starts with none. */
@WithJenkins
class UserDeletionTest {

    private JenkinsRule r;

    @BeforeEach
    void setUp(JenkinsRule rule) {
        r = rule;
        TokenApi.secure(r);
    }

    private int status(String user, String token) throws Exception {
        return TokenApi.call(r, HttpMethod.GET, "whoAmI/api/json", user, token).getStatusCode();
    }

    @Test
    void aDeletedUsersTokensDoNotComeBackWithANewUserOfTheSameId() throws Exception {
        User.getById("v", true).save();
        NewToken token = TokenApi.mint("v", "old");
        assertEquals(200, status("v", token.value()));
        User.getById("v", false).delete();
        assertEquals(401, status("v", token.value()));

        User again = User.getById("v", true); // as an SSO realm does at the next login
        again.save();
        assertEquals(401, status("v", token.value()), "the old token stays dead");
        assertTrue(TokenEngine.get().service().list("v").isEmpty(), "the new v starts with no token");
        assertEquals(
                0,
                TokenApi.json(TokenApi.call(r, HttpMethod.GET, "user/v/api-tokens/", "admin", "admin"))
                        .getJSONArray("tokens")
                        .size());
    }

    @Test
    void usageRecordedBeforeTheDeletionIsNeverWrittenIntoTheNewUsersFolder() throws Exception {
        // The write-behind also runs every 30 s on its own: should it flush between the use and the deletion, the
        // case under test did not happen, and it is tried again under another id.
        boolean lateFlushTried = false;
        for (int attempt = 1; attempt <= 3 && !lateFlushTried; attempt++) {
            String id = "w" + attempt;
            User.getById(id, true).save();
            NewToken token = TokenApi.mint(id, "busy");
            assertEquals(200, status(id, token.value())); // a use waiting for the write-behind
            User.getById(id, false).delete();
            User again = User.getById(id, true);
            again.save();
            lateFlushTried = TokenEngine.get().service().hasUnsavedUsage(); // the old user's use, still to be written
            TokenEngine.get().service().flushUsage();

            File tokensFile = new File(again.getUserFolder(), UserFolderTokenStore.FILE_NAME);
            assertFalse(tokensFile.exists(), "nothing of the old " + id + " was written for the new one");
            assertTrue(TokenEngine.get().service().list(id).isEmpty());
            NewToken fresh = TokenApi.mint(id, "fresh");
            assertEquals(200, status(id, fresh.value()), "the new " + id + "'s own tokens work");
            assertEquals(401, status(id, token.value()));
            TokenEngine.get().service().flushUsage(); // the new user's use: not to be taken for the next old one's
        }
        assertTrue(lateFlushTried, "a use was still unwritten when its user was deleted and created again");
    }
}
