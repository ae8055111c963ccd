package io.jenkins.plugins.apitokens.coretokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.ExtensionList;
import hudson.model.User;
import io.jenkins.plugins.apitokens.TokenApi;
import io.jenkins.plugins.apitokens.admin.ExpiringTokensMonitor;
import io.jenkins.plugins.apitokens.admin.TokenCounts;
import java.lang.reflect.Method;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import jenkins.security.ApiTokenProperty;
import jenkins.security.apitoken.TokenUuidAndPlainValue;
import net.sf.json.JSONArray;
import net.sf.json.JSONNull;
import net.sf.json.JSONObject;
import org.htmlunit.HttpMethod;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Core's own tokens may have an expiry date from Jenkins 2.548 on. On such a core (the 2.568.x test line) the plugin
 * shows the date as it shows its own, in the user's table, REST and the overview, counts expiring ones, and revokes
 * them through core, while core refuses expired ones; on the baseline, core's tokens never expire and the plugin
 * says so. Each line runs the half that applies to it: nothing is skipped.
 */
@WithJenkins
class CoreTokenExpiryTest {

    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private JenkinsRule r;
    private ApiTokenProperty core;

    @BeforeEach
    void setUp(JenkinsRule rule) {
        r = rule;
        TokenApi.secure(r);
        core = User.getById("alice", false).getProperty(ApiTokenProperty.class);
    }

    /** {@code ApiTokenProperty.generateNewToken(String, LocalDate)}, or {@code null} on a core without expiry. */
    private static Method expiringGenerator() {
        try {
            return ApiTokenProperty.class.getMethod("generateNewToken", String.class, LocalDate.class);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private JSONObject listed(String name) throws Exception {
        JSONArray tokens = TokenApi.json(TokenApi.callAs(r, HttpMethod.GET, "user/alice/api-tokens/", "alice"))
                .getJSONArray("tokens");
        for (Object token : tokens) {
            JSONObject json = (JSONObject) token;
            if (name.equals(json.getString("name"))) {
                return json;
            }
        }
        throw new AssertionError("no token " + name + " in " + tokens);
    }

    private String page(String path, String user) throws Exception {
        return r.createWebClient().login(user).goTo(path).getWebResponse().getContentAsString();
    }

    private int whoAmI(String value) throws Exception {
        return TokenApi.call(r, HttpMethod.GET, "whoAmI/api/json", "alice", value)
                .getStatusCode();
    }

    @Test
    void coresExpiryIsShownCountedEnforcedAndRevokedThroughThePlugin() throws Exception {
        Method generator = expiringGenerator();
        if (generator == null) {
            core.generateNewToken("made by core");
            assertEquals(JSONNull.getInstance(), listed("made by core").get("expires"));
            assertTrue(CoreTokens.of(User.getById("alice", false)).stream().allMatch(t -> t.expires() == null));
            return;
        }
        LocalDate soon = LocalDate.now().plusDays(3);
        TokenUuidAndPlainValue expiring = (TokenUuidAndPlainValue) generator.invoke(core, "soon", soon);
        TokenUuidAndPlainValue expired = (TokenUuidAndPlainValue)
                generator.invoke(core, "past", LocalDate.now().minusDays(2));
        // Core's token works through its date, in the controller's time zone: the plugin shows when it stops.
        Instant soonEnds = soon.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant();
        String soonShown = SHOWN.format(soonEnds);

        assertEquals(200, whoAmI(expiring.plainValue));
        assertEquals(401, whoAmI(expired.plainValue), "core refuses its expired token");

        JSONObject json = listed("soon");
        assertEquals("core", json.getString("origin"), json.toString());
        assertEquals(soonEnds.toString(), json.getString("expires"), json.toString());
        assertTrue(page("user/alice/security/", "alice").contains(soonShown), "the user's table shows " + soonShown);

        String expiringPage = page("manage/api-tokens/?filter=expiring", "admin");
        assertTrue(expiringPage.contains(soonShown) && expiringPage.contains("soon"), "the overview lists it");
        assertTrue(page("manage/api-tokens/?filter=expired", "admin").contains("past"));
        TokenCounts.get().recount();
        assertTrue(ExtensionList.lookupSingleton(ExpiringTokensMonitor.class).isActivated());

        assertEquals(
                200,
                TokenApi.callAs(r, HttpMethod.POST, "user/alice/api-tokens/revoke", "alice", "id", expiring.tokenUuid)
                        .getStatusCode());
        assertEquals(401, whoAmI(expiring.plainValue), "revoked through core");
        assertFalse(core.getTokenList().stream().anyMatch(t -> t.uuid.equals(expiring.tokenUuid)));
    }
}
