package io.jenkins.plugins.apitokens.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Item;
import hudson.model.User;
import hudson.security.AbstractPasswordBasedSecurityRealm;
import hudson.security.GroupDetails;
import hudson.security.UserMayOrMayNotExistException2;
import io.jenkins.plugins.apitokens.TokenApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jenkins.model.Jenkins;
import jenkins.security.LastGrantedAuthoritiesProperty;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Under a security realm that cannot look users up without a login, as OpenID Connect and SAML realms behave, a token
 * carries the groups Jenkins recorded at the user's last browser login (core's {@link LastGrantedAuthoritiesProperty}),
 * across restarts too; a user who never logged in gets no group, and no error either.
 */
class SsoRealmTokensTest {

    private static final String GROUP = "deployers";
    private static final String PASSWORD = "signed-in-at-the-identity-provider";

    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    /** Jenkins and items are readable by the group only, never by a user's name or by every authenticated user. */
    private static IdentityProviderRealm secure(JenkinsRule r) throws Exception {
        IdentityProviderRealm realm = new IdentityProviderRealm();
        realm.setGroups("alice", GROUP);
        r.jenkins.setSecurityRealm(realm);
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ)
                .everywhere()
                .to(GROUP));
        r.jenkins.save();
        r.createFreeStyleProject("app");
        return realm;
    }

    /** The browser login, through the realm's form: what records the user's groups. */
    private static JenkinsRule.WebClient logIn(JenkinsRule r, String user) throws Exception {
        // The page after the login answers 403 to a user whom no group lets read Jenkins: the check is whoAmI's.
        JenkinsRule.WebClient wc =
                r.createWebClient().withJavaScriptEnabled(false).withThrowExceptionOnFailingStatusCode(false);
        wc.login(user, PASSWORD);
        JSONObject me = TokenApi.json(wc.loadWebResponse(TokenApi.request(r, HttpMethod.GET, "whoAmI/api/json")));
        assertEquals(user, me.getString("name"), "logged in: " + me);
        return wc;
    }

    /** Creates a token over REST from the user's browser session, as the Security page's script does. */
    private static String createToken(JenkinsRule r, JenkinsRule.WebClient session, String user) throws Exception {
        WebResponse response = session.loadWebResponse(session.addCrumb(
                TokenApi.request(r, HttpMethod.POST, "user/" + user + "/api-tokens/create", "name", "deploy")));
        assertEquals(201, response.getStatusCode(), response.getContentAsString());
        return TokenApi.json(response).getString("value");
    }

    private static int jobStatus(JenkinsRule r, String user, String token) throws Exception {
        return TokenApi.call(r, HttpMethod.GET, "job/app/api/json", user, token).getStatusCode();
    }

    /** The authorities a request with the token runs with, after checking that the token was accepted. */
    private static List<String> authorities(JenkinsRule r, String user, String token) throws Exception {
        WebResponse response = TokenApi.call(r, HttpMethod.GET, "whoAmI/api/json", user, token);
        assertEquals(200, response.getStatusCode(), response.getContentAsString());
        JSONObject me = TokenApi.json(response);
        assertEquals(user, me.getString("name"), me.toString());
        List<String> authorities = new ArrayList<>();
        JSONArray array = me.getJSONArray("authorities");
        for (int i = 0; i < array.size(); i++) {
            authorities.add(array.getString(i));
        }
        return authorities;
    }

    @Test
    void aTokenCarriesTheGroupsOfTheLastLoginAcrossARestart() throws Throwable {
        String[] token = new String[1];
        sessions.then(r -> {
            secure(r);
            token[0] = createToken(r, logIn(r, "alice"), "alice");
            assertNotNull(User.getById("alice", false).getProperty(LastGrantedAuthoritiesProperty.class));
            assertEquals(200, jobStatus(r, "alice", token[0]));
            assertTrue(authorities(r, "alice", token[0]).contains(GROUP));
        });
        sessions.then(r -> {
            assertEquals(200, jobStatus(r, "alice", token[0]));
            assertTrue(authorities(r, "alice", token[0]).contains(GROUP));
        });
    }

    @Test
    void groupsChangedAtTheIdentityProviderReachTokensAtTheNextLogin() throws Throwable {
        sessions.then(r -> {
            IdentityProviderRealm realm = secure(r);
            String token = createToken(r, logIn(r, "alice"), "alice");
            realm.setGroups("alice"); // the identity provider takes her out of the group
            assertEquals(200, jobStatus(r, "alice", token), "Jenkins has not seen the change yet");
            logIn(r, "alice");
            assertEquals(403, jobStatus(r, "alice", token));
            assertFalse(authorities(r, "alice", token).contains(GROUP));
        });
    }

    @Test
    void aUserWhoNeverLoggedInGetsNoGroupAndNoError() throws Throwable {
        sessions.then(r -> {
            secure(r);
            User.getById("bob", true).save();
            String token = TokenApi.mint("bob", "issued").value();
            assertNull(User.getById("bob", false).getProperty(LastGrantedAuthoritiesProperty.class));
            assertEquals(List.of("authenticated"), authorities(r, "bob", token));
            assertEquals(403, jobStatus(r, "bob", token));
        });
    }

    /**
     * Signs users in by password and grants their groups, as an identity provider would at a login; asked about a
     * user or group at any other time it cannot tell, as the OpenID Connect and SAML realms answer.
     */
    static final class IdentityProviderRealm extends AbstractPasswordBasedSecurityRealm {

        /** Each user's groups at the identity provider; saved with Jenkins' configuration, as a realm is. */
        private final Map<String, ArrayList<String>> groups = new ConcurrentHashMap<>();

        void setGroups(String user, String... names) {
            groups.put(user, new ArrayList<>(List.of(names)));
        }

        @Override
        protected UserDetails authenticate2(String username, String password) {
            if (!PASSWORD.equals(password)) {
                throw new BadCredentialsException("wrong password");
            }
            List<GrantedAuthority> authorities = new ArrayList<>();
            authorities.add(AUTHENTICATED_AUTHORITY2);
            for (String group : groups.getOrDefault(username, new ArrayList<>())) {
                authorities.add(new SimpleGrantedAuthority(group));
            }
            return new org.springframework.security.core.userdetails.User(username, "", authorities);
        }

        @Override
        public UserDetails loadUserByUsername2(String username) {
            throw new UserMayOrMayNotExistException2("cannot look up " + username + " without a login");
        }

        @Override
        public GroupDetails loadGroupByGroupname2(String groupname, boolean fetchMembers) {
            throw new UserMayOrMayNotExistException2("cannot look up " + groupname + " without a login");
        }
    }
}
