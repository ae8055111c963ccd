package io.jenkins.plugins.apitokens;

import hudson.BulkChange;
import hudson.model.User;
import hudson.security.Permission;
import io.jenkins.plugins.apitokens.engine.ExpiryChoice;
import io.jenkins.plugins.apitokens.engine.NewToken;
import io.jenkins.plugins.apitokens.engine.Reach;
import io.jenkins.plugins.apitokens.engine.Scope;
import io.jenkins.plugins.apitokens.engine.TokenRequest;
import io.jenkins.plugins.apitokens.policy.TokenPolicyConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.util.NameValuePair;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/** Shared set-up and HTTP calls for the Jenkins tests: users alice and bob (readers), admin (administrator). */
public final class TokenApi {

    private TokenApi() {}

    /** Dummy realm (password = user name); every user reads, {@code admin} administers. */
    public static void secure(JenkinsRule r) {
        secure(r, Jenkins.READ);
    }

    /** {@link #secure(JenkinsRule)}, every user having these permissions everywhere. */
    public static void secure(JenkinsRule r, Permission... everyUsers) {
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(everyUsers)
                .everywhere()
                .toAuthenticated()
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin"));
        for (String id : List.of("alice", "bob", "admin")) {
            User.getById(id, true);
        }
    }

    public static NewToken mint(String user, String name) {
        return TokenEngine.get().service().create(user, TokenRequest.named(name), user);
    }

    /** Changes several policy settings together, as the form and JCasC do: checked together when committed. */
    public static void changePolicy(Consumer<TokenPolicyConfiguration> changes) {
        TokenPolicyConfiguration policy = TokenPolicyConfiguration.get();
        try (BulkChange change = new BulkChange(policy)) {
            changes.accept(policy);
            change.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The strict policy of issue 26: expiry required within 30 days, read-only only, tokens limited to items. */
    public static void strictPolicy() {
        changePolicy(policy -> {
            policy.setExpiryRequired(true);
            policy.setMaxLifetimeDays(30);
            policy.setFullScopeAllowed(false);
            policy.setRunBuildsScopeAllowed(false);
            policy.setReadOnlyScopeAllowed(true);
            policy.setItemLimitRequired(true);
        });
    }

    /** A full token that never expires, as a fresh instance's policy (90 days by default) allows when asked. */
    public static NewToken mintNeverExpiring(String user, String name) {
        return TokenEngine.get().service().create(user, new TokenRequest(name, ExpiryChoice.NEVER, null), user);
    }

    public static NewToken mint(String user, String name, Instant expiry, Scope scope) {
        return TokenEngine.get().service().create(user, new TokenRequest(name, expiry, scope), user);
    }

    /** A token of {@code scope} limited to {@code items} (full names separated by commas; blank for everywhere). */
    public static NewToken mint(String user, String name, Scope scope, String items) {
        return TokenEngine.get()
                .service()
                .create(user, new TokenRequest(name, ExpiryChoice.DEFAULT, scope, Reach.parse(items)), user);
    }

    /** An HTTP call with Basic credentials (a token or, for the dummy realm, the user name as password). */
    public static WebResponse call(
            JenkinsRule r, HttpMethod method, String path, String user, String secret, String... params)
            throws Exception {
        JenkinsRule.WebClient wc = r.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        if (user != null) {
            wc.withBasicCredentials(user, secret);
        }
        return wc.loadWebResponse(request(r, method, path, params));
    }

    /** An HTTP call from {@code user}'s browser session (dummy realm), with a crumb as the page's script sends it. */
    public static WebResponse callAs(JenkinsRule r, HttpMethod method, String path, String user, String... params)
            throws Exception {
        JenkinsRule.WebClient wc =
                r.createWebClient().withThrowExceptionOnFailingStatusCode(false).login(user);
        WebRequest request = request(r, method, path, params);
        return wc.loadWebResponse(method == HttpMethod.GET ? request : wc.addCrumb(request));
    }

    public static WebRequest request(JenkinsRule r, HttpMethod method, String path, String... params) throws Exception {
        WebRequest request = new WebRequest(new URL(r.getURL(), path), method);
        request.setCharset(StandardCharsets.UTF_8); // as browsers send forms to Jenkins
        List<NameValuePair> pairs = new ArrayList<>();
        for (int i = 0; i < params.length; i += 2) {
            pairs.add(new NameValuePair(params[i], params[i + 1]));
        }
        if (!pairs.isEmpty()) {
            request.setRequestParameters(pairs);
        }
        return request;
    }

    public static JSONObject json(WebResponse response) {
        return JSONObject.fromObject(response.getContentAsString());
    }
}
