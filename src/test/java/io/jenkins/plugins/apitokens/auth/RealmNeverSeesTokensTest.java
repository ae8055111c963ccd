package io.jenkins.plugins.apitokens.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.User;
import hudson.security.AbstractPasswordBasedSecurityRealm;
import hudson.security.GroupDetails;
import io.jenkins.plugins.apitokens.TokenApi;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.engine.NewToken;
import io.jenkins.plugins.apitokens.engine.TokenFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import jenkins.model.Jenkins;
import jenkins.security.BasicHeaderAuthenticator;
import org.htmlunit.HttpMethod;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * A value of this plugin's format that does not verify ends in 401 without reaching the security realm, where it
 * would be tried as the user's password (an LDAP bind, a lock-out count, a line in the directory's log).
 */
@WithJenkins
class RealmNeverSeesTokensTest {

    private JenkinsRule r;
    private PasswordCountingRealm realm;

    @BeforeEach
    void setUp(JenkinsRule rule) {
        r = rule;
        realm = new PasswordCountingRealm();
        r.jenkins.setSecurityRealm(realm);
        r.jenkins.setAuthorizationStrategy(
                new MockAuthorizationStrategy().grant(Jenkins.READ).everywhere().toAuthenticated());
        User.getById("alice", true);
    }

    private int status(String secret) throws Exception {
        return TokenApi.call(r, HttpMethod.GET, "whoAmI/api/json", "alice", secret)
                .getStatusCode();
    }

    @Test
    void revokedExpiredAndMistypedTokensNeverReachTheRealm() throws Exception {
        NewToken revoked = TokenApi.mint("alice", "revoked");
        TokenEngine.get().service().revoke("alice", revoked.token().id(), "alice");
        NewToken expired = TokenApi.mint("alice", "expired", Instant.now().plusSeconds(60), null);
        TokenEngine.get().setClock(java.time.Clock.offset(java.time.Clock.systemUTC(), java.time.Duration.ofHours(1)));
        try {
            User.getById("bob", true);
            String unknown = TokenApi.mint("bob", "bobs").value(); // well formed, and no token of alice's
            for (String value : List.of(revoked.value(), expired.value(), unknown)) {
                assertEquals(401, status(value));
            }
            assertEquals(
                    401,
                    TokenApi.call(r, HttpMethod.GET, "whoAmI/api/json", "nobody", unknown)
                            .getStatusCode());
        } finally {
            TokenEngine.get().setClock(java.time.Clock.systemUTC());
        }
        assertEquals(List.of(), realm.passwordsTried, "the realm never saw a token");
        assertTrue(TokenFormat.isWellFormed(revoked.value()));
    }

    @Test
    void passwordsAndValidTokensStillWork() throws Exception {
        NewToken token = TokenApi.mint("alice", "ci");
        assertEquals(200, status(token.value()));
        assertEquals(List.of(), realm.passwordsTried, "a valid token is never a password either");
        assertEquals(200, status("alice-password"));
        assertEquals(401, status("wrong-password"));
        assertEquals(List.of("alice-password", "wrong-password"), realm.passwordsTried);
    }

    @Test
    void theOrderOfAuthenticatorsIsExplicit() {
        List<Class<?>> order = new ArrayList<>();
        BasicHeaderAuthenticator.all().forEach(a -> order.add(a.getClass()));
        assertEquals(TokenAuthenticator.class, order.get(0), order.toString());
        assertEquals(PasswordAuthenticatorSkippingTokens.class, order.get(order.size() - 1), order.toString());
        assertTrue(
                order.stream()
                        .noneMatch(c -> c.getName().equals("jenkins.security.BasicHeaderRealPasswordAuthenticator")),
                "core's password check runs once, as the last one: " + order);
    }

    /** Accepts the password {@code <user>-password}, and records every password it is asked to check. */
    static final class PasswordCountingRealm extends AbstractPasswordBasedSecurityRealm {

        final List<String> passwordsTried = Collections.synchronizedList(new ArrayList<>());

        @Override
        protected UserDetails authenticate2(String username, String password) {
            passwordsTried.add(password);
            if (!password.equals(username + "-password")) {
                throw new BadCredentialsException("wrong password");
            }
            return loadUserByUsername2(username);
        }

        @Override
        public UserDetails loadUserByUsername2(String username) {
            if (User.getById(username, false) == null) {
                throw new UsernameNotFoundException(username);
            }
            return new org.springframework.security.core.userdetails.User(
                    username, "", List.of(new SimpleGrantedAuthority("authenticated")));
        }

        @Override
        public GroupDetails loadGroupByGroupname2(String groupname, boolean fetchMembers) {
            throw new UsernameNotFoundException(groupname);
        }
    }
}
