package io.jenkins.plugins.apitokens.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.User;
import hudson.security.Permission;
import io.jenkins.plugins.apitokens.RawHttp;
import io.jenkins.plugins.apitokens.TokenApi;
import io.jenkins.plugins.apitokens.engine.NewToken;
import io.jenkins.plugins.apitokens.engine.Scope;
import java.util.Map;
import jenkins.model.Jenkins;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/**
 * Alice and the scripts she hands her tokens to, over real HTTP, as every routes test has them: Jenkins secured with
 * alice allowed some permissions everywhere (and {@code admin} administering), her tokens minted with a scope and a
 * reach, and requests sent as {@code curl -u alice:TOKEN} sends them.
 */
final class ScriptingUser {

    /** How every refusal of the plugin's request filter begins. */
    static final String REFUSAL = "This API token";

    private final JenkinsRule r;
    private int minted;

    private ScriptingUser(JenkinsRule r) {
        this.r = r;
    }

    /** Secures {@code r}: alice may do {@code permissions} everywhere, {@code admin} everything. */
    static ScriptingUser alice(JenkinsRule r, Permission... permissions) {
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(permissions)
                .everywhere()
                .to("alice")
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin"));
        User.getById("alice", true);
        User.getById("admin", true);
        return new ScriptingUser(r);
    }

    /** A new token of alice's with this scope, limited to {@code items} (blank: everywhere). */
    NewToken mint(Scope scope, String items) {
        return TokenApi.mint("alice", scope.id() + " in '" + items + "' " + ++minted, scope, items);
    }

    RawHttp.Reply send(String method, String path, NewToken token) throws Exception {
        return RawHttp.send(r.getURL(), method, path, "alice", token.value(), Map.of());
    }

    RawHttp.Reply post(String path, NewToken token, Map<String, String> form) throws Exception {
        return RawHttp.postForm(r.getURL(), path, "alice", token.value(), form);
    }

    /** Asserts that the token filter refused the reply to {@code what}: a 403 with its words, not Jenkins' own. */
    static RawHttp.Reply assertRefused(RawHttp.Reply reply, String what) {
        assertEquals(403, reply.status(), what + " -> " + reply.status() + " " + reply.body());
        assertTrue(reply.body().startsWith(REFUSAL), what + " -> " + reply.body());
        return reply;
    }
}
