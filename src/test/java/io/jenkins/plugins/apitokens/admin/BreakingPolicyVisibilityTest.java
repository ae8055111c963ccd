package io.jenkins.plugins.apitokens.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionList;
import hudson.cli.CLICommandInvoker;
import hudson.model.User;
import hudson.tasks.Mailer;
import io.jenkins.plugins.apitokens.TokenApi;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.coretokens.EveryToken;
import io.jenkins.plugins.apitokens.engine.AuditEvent;
import io.jenkins.plugins.apitokens.engine.ExpiryChoice;
import io.jenkins.plugins.apitokens.engine.NewToken;
import io.jenkins.plugins.apitokens.engine.NoticeType;
import io.jenkins.plugins.apitokens.engine.Reach;
import io.jenkins.plugins.apitokens.engine.Scope;
import io.jenkins.plugins.apitokens.engine.TokenNotice;
import io.jenkins.plugins.apitokens.engine.TokenRequest;
import io.jenkins.plugins.apitokens.engine.TokenService;
import io.jenkins.plugins.apitokens.notices.TokenNoticeListener;
import io.jenkins.plugins.apitokens.policy.TokenPolicyConfiguration;
import io.jenkins.plugins.apitokens.tasks.TokenSweep;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import jenkins.model.JenkinsLocationConfiguration;
import jenkins.security.ApiTokenProperty;
import net.sf.json.JSONArray;
import net.sf.json.JSONNull;
import net.sf.json.JSONObject;
import org.htmlunit.HttpMethod;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Tokens that break the policy in force, seen by everyone who looks: the overview's filter and its rows, REST, the
 * CLI, the administrators' monitor, the owner's Security page and menu, and the owners' notices. The tokens are
 * those of a policy tightened after they were made: alice's plugin token with full access everywhere and no expiry,
 * and her core token; beside them tokens that must never be listed as breaking it (a compliant one, an expired one,
 * a per-build one).
 */
@WithJenkins
class BreakingPolicyVisibilityTest {

    private static final String NO_EXPIRY = "It never expires, and tokens must have an expiry date";
    private static final String SCOPE = "Its scope is no longer allowed";
    private static final String NOT_LIMITED = "It works everywhere, and tokens must be limited to folders or jobs";

    private JenkinsRule r;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        TokenApi.secure(r);
        r.createFreeStyleProject("app");
    }

    @AfterEach
    void resetClock() {
        TokenEngine.get().setClock(Clock.systemUTC());
    }

    // --- the tokens and the policy

    /** Made before the policy: full access, everywhere, never expires. */
    private static NewToken pluginTokenBeforeThePolicy() {
        return TokenEngine.get()
                .service()
                .create("alice", new TokenRequest("before", ExpiryChoice.NEVER, Scope.FULL), "alice");
    }

    /** Core's token, as its section makes it: full access everywhere, no expiry; its id is core's uuid. */
    private static String coreToken() throws IOException {
        return User.getById("alice", false).getProperty(ApiTokenProperty.class).generateNewToken("from core").tokenUuid;
    }

    /** Read-only, limited to one job, expiring within the maximum: made under the policy. */
    private static NewToken compliantToken() {
        return TokenApi.mint("alice", "compliant", Scope.READ_ONLY, "app");
    }

    /** Full access everywhere, made ten days ago and expired five days ago: it would break the policy, were it live. */
    private static NewToken expiredToken() {
        Instant now = Instant.now();
        TokenEngine.get().setClock(Clock.fixed(now.minus(Duration.ofDays(10)), ZoneOffset.UTC));
        try {
            return TokenApi.mint("alice", "expired", now.minus(Duration.ofDays(5)), Scope.FULL);
        } finally {
            TokenEngine.get().setClock(Clock.systemUTC());
        }
    }

    /** A per-build token working everywhere: per-build tokens follow their own rules, never the users' policy. */
    private static NewToken buildToken() {
        return TokenEngine.get()
                .service()
                .createForBuild("alice", "build job #1", "job#1", null, Reach.EVERYWHERE, AuditEvent.SYSTEM);
    }

    private static String futureDate() {
        return LocalDate.now(ZoneOffset.UTC).plusDays(30).toString();
    }

    private static final String PAST_DATE = "2020-01-01";

    private static void enforceFrom(String date) {
        TokenPolicyConfiguration.get().setEnforcementDate(date);
    }

    // --- how each place is read

    private HtmlPage asAdmin(String path) throws Exception {
        return r.createWebClient().login("admin").goTo(path);
    }

    private static List<DomElement> overviewRows(HtmlPage page) {
        List<DomElement> rows = new ArrayList<>();
        for (DomNode node : page.querySelectorAll(".atm-overview-row")) {
            rows.add((DomElement) node);
        }
        return rows;
    }

    /** The refs of the rows, as the overview's check boxes name them: {@code user/id}, {@code user/core:uuid}. */
    private static Set<String> refsOf(List<DomElement> rows) {
        return rows.stream()
                .map(row -> ((DomElement) row.querySelector("input[name=token]")).getAttribute("value"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static DomElement rowNamed(List<DomElement> rows, String ref) {
        return rows.stream()
                .filter(row -> ref.equals(((DomElement) row.querySelector("input[name=token]")).getAttribute("value")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + ref));
    }

    private JSONObject restToken(String name) throws Exception {
        JSONArray tokens = TokenApi.json(TokenApi.callAs(r, HttpMethod.GET, "user/alice/api-tokens/", "alice"))
                .getJSONArray("tokens");
        for (int i = 0; i < tokens.size(); i++) {
            if (name.equals(tokens.getJSONObject(i).getString("name"))) {
                return tokens.getJSONObject(i);
            }
        }
        throw new AssertionError("no token named " + name + " in " + tokens);
    }

    private static List<String> breachIds(JSONObject token) {
        JSONArray ids = token.getJSONArray("policyBreaches");
        List<String> list = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            list.add(ids.getString(i));
        }
        return list;
    }

    /** The last column of the token's line in {@code list-api-tokens}. */
    private static String breaksPolicyColumn(String stdout, String id) {
        String line = stdout.lines()
                .filter(candidate -> candidate.startsWith(id + "\t"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + id + " in\n" + stdout));
        return line.substring(line.lastIndexOf('\t') + 1);
    }

    /** The badge of the user's menu entry for tokens, {@code null} when it has none. */
    private static DomElement tokensMenuBadge(HtmlPage page) {
        for (DomNode node : page.querySelectorAll(".task-icon-badge")) {
            for (DomNode up = node.getParentNode(); up != null; up = up.getParentNode()) {
                if (up instanceof HtmlAnchor link && link.getHrefAttribute().endsWith("#api-tokens")) {
                    return (DomElement) node;
                }
            }
        }
        return null;
    }

    /** What the hourly sweep does, minus waiting for the hour. */
    private static void sweep() {
        TokenService service = TokenEngine.get().service();
        service.sweep(TokenSweep::isBuilding);
        service.tellPolicyBreaches(EveryToken.onInstance(service));
        TokenCounts.get().recount();
    }

    // --- the overview

    @Test
    void theBreakingPolicyFilterListsExactlyTheLiveTokensThatBreakItWithTheirReasons() throws Exception {
        NewToken before = pluginTokenBeforeThePolicy();
        String core = coreToken();
        NewToken expired = expiredToken();
        NewToken build = buildToken();
        TokenApi.strictPolicy();
        NewToken compliant = compliantToken();

        List<DomElement> all = overviewRows(asAdmin("manage/api-tokens/"));
        assertEquals(
                Set.of(
                        "alice/" + before.token().id(),
                        "alice/core:" + core,
                        "alice/" + compliant.token().id(),
                        "alice/" + expired.token().id(),
                        "alice/" + build.token().id()),
                refsOf(all),
                "every token is in the unfiltered list");

        HtmlPage page = asAdmin("manage/api-tokens/?filter=breakingPolicy");
        List<DomElement> breaking = overviewRows(page);
        assertEquals(
                new TreeSet<>(Set.of("alice/" + before.token().id(), "alice/core:" + core)),
                refsOf(breaking),
                "not the compliant, expired or per-build token");
        for (String ref : List.of("alice/" + before.token().id(), "alice/core:" + core)) {
            DomElement row = rowNamed(breaking, ref);
            assertEquals(
                    "breaks the policy",
                    row.querySelector(".atm-breaks-policy").getTextContent().strip(),
                    ref);
            String reasons = row.querySelector(".atm-breach").getTextContent();
            assertTrue(reasons.contains(NO_EXPIRY), reasons);
            assertTrue(reasons.contains(SCOPE), reasons);
            assertTrue(reasons.contains(NOT_LIMITED), reasons);
        }
        DomElement option = page.querySelector("select[name=filter] option[value=breakingPolicy]");
        assertNotNull(option, "the filter is offered");
        assertEquals("Breaking the policy", option.getTextContent().strip());
        assertTrue(option.hasAttribute("selected"));
    }

    @Test
    void rowsThatDoNotBreakThePolicyCarryNoMark() throws Exception {
        pluginTokenBeforeThePolicy();
        NewToken expired = expiredToken();
        NewToken build = buildToken();
        TokenApi.strictPolicy();
        NewToken compliant = compliantToken();
        List<DomElement> rows = overviewRows(asAdmin("manage/api-tokens/"));
        for (NewToken token : List.of(compliant, expired, build)) {
            DomElement row = rowNamed(rows, "alice/" + token.token().id());
            assertNull(row.querySelector(".atm-breaks-policy"), token.token().name());
            assertNull(row.querySelector(".atm-breach"), token.token().name());
        }
    }

    @Test
    void aCoreTokenIsNotListedAsBreakingWhenThePolicyLeavesCoresTokensAlone() throws Exception {
        NewToken before = pluginTokenBeforeThePolicy();
        String core = coreToken();
        TokenApi.strictPolicy();
        TokenPolicyConfiguration.get().setCoreTokensGoverned(false);

        List<DomElement> breaking = overviewRows(asAdmin("manage/api-tokens/?filter=breakingPolicy"));
        assertEquals(Set.of("alice/" + before.token().id()), refsOf(breaking), "the plugin's token still breaks it");
        DomElement coreRow = rowNamed(overviewRows(asAdmin("manage/api-tokens/")), "alice/core:" + core);
        assertNull(coreRow.querySelector(".atm-breaks-policy"), "core's token is listed, unmarked");
    }

    @Test
    void overviewRowsSayBlockedOnceTheEnforcementDateHasCome() throws Exception {
        NewToken before = pluginTokenBeforeThePolicy();
        TokenApi.strictPolicy();
        enforceFrom(futureDate());
        DomElement row = rowNamed(
                overviewRows(asAdmin("manage/api-tokens/?filter=breakingPolicy")),
                "alice/" + before.token().id());
        assertEquals(
                "breaks the policy",
                row.querySelector(".atm-breaks-policy").getTextContent().strip());

        enforceFrom(PAST_DATE);
        row = rowNamed(
                overviewRows(asAdmin("manage/api-tokens/?filter=breakingPolicy")),
                "alice/" + before.token().id());
        assertEquals(
                "blocked by the policy",
                row.querySelector(".atm-breaks-policy").getTextContent().strip());
    }

    @Test
    void withTheDefaultPolicyNothingIsListedAsBreakingIt() throws Exception {
        pluginTokenBeforeThePolicy();
        coreToken();
        HtmlPage page = asAdmin("manage/api-tokens/?filter=breakingPolicy");
        assertTrue(overviewRows(page).isEmpty(), page.getWebResponse().getContentAsString());
    }

    // --- REST

    @Test
    void restListsEachTokensBreachesAndDoesNotBlockThemBeforeTheDate() throws Exception {
        pluginTokenBeforeThePolicy();
        coreToken();
        expiredToken();
        TokenApi.strictPolicy();
        compliantToken();
        enforceFrom(futureDate());

        for (String name : List.of("before", "from core")) {
            JSONObject token = restToken(name);
            assertEquals(List.of("no-expiry", "scope-not-allowed", "not-limited"), breachIds(token), name);
            String words = token.getString("policyBreach");
            assertTrue(words.contains(NO_EXPIRY) && words.contains(SCOPE) && words.contains(NOT_LIMITED), words);
            assertFalse(token.getBoolean("blocked"), name + ": the date has not come");
        }
        for (String name : List.of("compliant", "expired")) {
            JSONObject token = restToken(name);
            assertEquals(List.of(), breachIds(token), name);
            assertEquals(JSONNull.getInstance(), token.get("policyBreach"), name);
            assertFalse(token.getBoolean("blocked"), name);
        }
    }

    @Test
    void restMarksBreakingTokensBlockedOnceTheDateHasComeAndOnlyThem() throws Exception {
        pluginTokenBeforeThePolicy();
        coreToken();
        TokenApi.strictPolicy();
        compliantToken();
        enforceFrom(PAST_DATE);

        assertTrue(restToken("before").getBoolean("blocked"));
        assertTrue(restToken("from core").getBoolean("blocked"));
        assertFalse(restToken("compliant").getBoolean("blocked"));
        assertEquals(JSONNull.getInstance(), restToken("compliant").get("policyBreach"));
    }

    @Test
    void restNamesTheTokensBeyondThePerUserMaximumByCreationOrder() throws Exception {
        TokenApi.mint("alice", "first");
        Thread.sleep(5); // creation order decides which tokens are beyond the maximum
        TokenApi.mint("alice", "second");
        Thread.sleep(5);
        TokenApi.mint("alice", "third");
        TokenPolicyConfiguration.get().setMaxTokensPerUser(2);

        assertEquals(List.of(), breachIds(restToken("first")));
        assertEquals(List.of(), breachIds(restToken("second")));
        JSONObject third = restToken("third");
        assertEquals(List.of("beyond-maximum-count"), breachIds(third));
        assertTrue(
                third.getString("policyBreach").contains("Its user holds more than 2 tokens"),
                third.getString("policyBreach"));
    }

    // --- CLI

    @Test
    void theCliListsTheRulesEachTokenBreaksInItsLastColumn() throws Exception {
        NewToken before = pluginTokenBeforeThePolicy();
        String core = coreToken();
        NewToken expired = expiredToken();
        NewToken build = buildToken();
        TokenApi.strictPolicy();
        NewToken compliant = compliantToken();

        CLICommandInvoker.Result result =
                new CLICommandInvoker(r, "list-api-tokens").asUser("alice").invoke();
        assertEquals(0, result.returnCode(), result.stderr());
        String out = result.stdout();
        assertTrue(out.lines().findFirst().orElseThrow().endsWith("\tBREAKS POLICY"), out);
        assertEquals(
                "no-expiry,scope-not-allowed,not-limited",
                breaksPolicyColumn(out, before.token().id()));
        assertEquals("no-expiry,scope-not-allowed,not-limited", breaksPolicyColumn(out, core));
        assertEquals("-", breaksPolicyColumn(out, compliant.token().id()));
        assertEquals("-", breaksPolicyColumn(out, expired.token().id()), "expired: not listed as breaking");
        assertEquals("-", breaksPolicyColumn(out, build.token().id()), "per-build tokens follow their own rules");
    }

    // --- the monitor

    @Test
    void theMonitorCountsTheLiveTokensBreakingThePolicyAtEachRecount() throws Exception {
        BreakingPolicyTokensMonitor monitor = ExtensionList.lookupSingleton(BreakingPolicyTokensMonitor.class);
        NewToken before = pluginTokenBeforeThePolicy();
        coreToken();
        expiredToken();
        TokenCounts.get().recount();
        assertFalse(monitor.isActivated(), "the default policy is broken by none");

        TokenApi.strictPolicy();
        compliantToken();
        TokenCounts.get().recount();
        assertTrue(monitor.isActivated());
        assertEquals(2, monitor.getCount(), "the plugin's and core's token, not the expired or compliant one");

        TokenEngine.get().service().revoke("alice", before.token().id(), "admin");
        TokenCounts.get().recount();
        assertEquals(1, monitor.getCount());
    }

    @Test
    void theMonitorSaysWhetherADateIsSetNamesItAndLinksToTheFilter() throws Exception {
        pluginTokenBeforeThePolicy();
        coreToken();
        TokenApi.strictPolicy();
        TokenCounts.get().recount();

        DomElement unenforced = asAdmin("manage/").querySelector(".atm-monitor-breaking-policy");
        assertNotNull(unenforced, "active without a date");
        String text = unenforced.getTextContent();
        assertTrue(text.contains("2 live API tokens break the token policy"), text);
        assertTrue(text.contains("set a date from which such tokens are blocked"), text);
        HtmlAnchor link = unenforced.querySelector("a");
        assertTrue(
                link.getHrefAttribute().endsWith("manage/api-tokens/?filter=breakingPolicy"), link.getHrefAttribute());

        String date = futureDate();
        enforceFrom(date);
        text = asAdmin("manage/").querySelector(".atm-monitor-breaking-policy").getTextContent();
        assertTrue(text.contains("from " + date + " (UTC) their requests will be refused"), text);

        enforceFrom(PAST_DATE);
        text = asAdmin("manage/").querySelector(".atm-monitor-breaking-policy").getTextContent();
        assertTrue(text.contains("since " + PAST_DATE + " (UTC) their requests are refused"), text);
    }

    // --- the owner's Security page and menu

    @Test
    void theSecurityPageMarksTheBreakingRowAndWarnsOnceADateIsSet() throws Exception {
        NewToken before = pluginTokenBeforeThePolicy();
        TokenApi.strictPolicy();
        NewToken compliant = compliantToken();
        JenkinsRule.WebClient wc = r.createWebClient().login("alice");

        HtmlPage page = wc.goTo("user/alice/security/");
        DomElement row =
                page.querySelector(".atm-row[data-token-id='" + before.token().id() + "']");
        assertEquals(
                "breaks the policy",
                row.querySelector(".atm-breaks-policy").getTextContent().strip());
        assertTrue(row.querySelector(".atm-breach").getTextContent().contains(NOT_LIMITED));
        assertNull(page.querySelector(
                ".atm-row[data-token-id='" + compliant.token().id() + "'] .atm-breaks-policy"));
        assertNull(page.querySelector(".atm-policy-attention"), "no date, nothing will be refused: no alert");

        String date = futureDate();
        enforceFrom(date);
        DomElement alert = wc.goTo("user/alice/security/").querySelector(".atm-policy-attention");
        assertNotNull(alert);
        assertTrue(
                alert.getTextContent().contains("1 of these tokens breaks the token policy"), alert.getTextContent());
        assertTrue(alert.getTextContent().contains("will be refused from " + date), alert.getTextContent());

        enforceFrom(PAST_DATE);
        page = wc.goTo("user/alice/security/");
        alert = page.querySelector(".atm-policy-attention");
        assertTrue(alert.getTextContent().contains("refused since " + PAST_DATE), alert.getTextContent());
        row = page.querySelector(".atm-row[data-token-id='" + before.token().id() + "']");
        assertEquals(
                "blocked by the policy",
                row.querySelector(".atm-breaks-policy").getTextContent().strip());
    }

    @Test
    void theUsersMenuBadgeCountsBreakingTokensOnlyWhileADateIsSet() throws Exception {
        pluginTokenBeforeThePolicy();
        coreToken();
        TokenApi.strictPolicy();
        compliantToken();
        JenkinsRule.WebClient wc = r.createWebClient().login("alice");
        assertNull(tokensMenuBadge(wc.goTo("user/alice/")), "no date: nothing to act on by a day");

        enforceFrom(futureDate());
        DomElement badge = tokensMenuBadge(wc.goTo("user/alice/"));
        assertNotNull(badge);
        assertEquals("2", badge.getTextContent().strip(), "the plugin's token and core's");
        assertNull(
                tokensMenuBadge(r.createWebClient().login("bob").goTo("user/bob/")),
                "bob's own menu counts bob's tokens");
    }

    // --- notices

    /** Records the notices of tokens breaking the policy that owners are given. */
    @TestExtension
    public static class BreachNotices extends TokenNoticeListener {
        final List<TokenNotice> received = new CopyOnWriteArrayList<>();

        @Override
        public boolean onNotice(@NonNull User owner, @NonNull TokenNotice notice) {
            if (notice.type() == NoticeType.BREAKS_POLICY) {
                received.add(notice);
            }
            return true;
        }

        static BreachNotices get() {
            return ExtensionList.lookupSingleton(BreachNotices.class);
        }

        List<String> tokenIds() {
            return received.stream().map(notice -> notice.token().id()).sorted().toList();
        }
    }

    @Test
    void withoutAnEnforcementDateNoOwnerIsToldOfBreaches() throws Exception {
        pluginTokenBeforeThePolicy();
        coreToken();
        TokenApi.strictPolicy();
        sweep();
        assertEquals(List.of(), BreachNotices.get().received);
    }

    @Test
    void eachBreakingTokensOwnerIsToldOnceAndAgainWhenTheDateChanges() throws Exception {
        NewToken before = pluginTokenBeforeThePolicy();
        String core = coreToken();
        TokenApi.strictPolicy();
        compliantToken();
        List<String> breaking = new ArrayList<>(List.of(before.token().id(), core));
        breaking.sort(null);

        String first = futureDate();
        enforceFrom(first);
        sweep();
        sweep();
        assertEquals(breaking, BreachNotices.get().tokenIds(), "once per token, not per sweep");
        for (TokenNotice notice : BreachNotices.get().received) {
            assertEquals(LocalDate.parse(first).atStartOfDay(ZoneOffset.UTC).toInstant(), notice.when());
            assertTrue(notice.place().contains(NO_EXPIRY), notice.place());
        }

        BreachNotices.get().received.clear();
        String later = LocalDate.parse(first).plusDays(14).toString();
        enforceFrom(later);
        sweep();
        sweep();
        assertEquals(breaking, BreachNotices.get().tokenIds(), "told again of the new date, once");
        assertTrue(BreachNotices.get().received.stream().allMatch(notice -> notice.when()
                .equals(LocalDate.parse(later).atStartOfDay(ZoneOffset.UTC).toInstant())));
    }

    @Test
    void theOwnerIsMailedOncePerBreakingTokenWithTheRulesAndTheDate() throws Exception {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        try {
            Mailer.descriptor().setSmtpHost("127.0.0.1");
            Mailer.descriptor().setSmtpPort(String.valueOf(smtp.getSmtp().getPort()));
            JenkinsLocationConfiguration.get().setAdminAddress("Jenkins <jenkins@example.com>");
            User.getById("alice", false).addProperty(new Mailer.UserProperty("alice@example.com"));
            NewToken before = pluginTokenBeforeThePolicy();
            coreToken();
            TokenApi.strictPolicy();
            String date = futureDate();
            enforceFrom(date);

            sweep();
            sweep();
            List<MimeMessage> mails = new ArrayList<>();
            for (MimeMessage mail : smtp.getReceivedMessages()) {
                if (mail.getSubject().contains("breaks the token policy")) {
                    mails.add(mail);
                }
            }
            List<String> subjects = new ArrayList<>();
            for (MimeMessage mail : mails) {
                subjects.add(mail.getSubject());
                assertEquals("alice@example.com", mail.getAllRecipients()[0].toString());
                String body = mail.getContent().toString(); // decoded, whatever the transfer encoding
                assertTrue(body.contains(date), body);
                assertTrue(body.contains(NO_EXPIRY), body);
                assertFalse(body.contains(before.value()), "never the value");
            }
            subjects.sort(null);
            assertEquals(
                    Arrays.asList(
                            "Your Jenkins API token 'before' breaks the token policy and will be refused",
                            "Your Jenkins API token 'from core' breaks the token policy and will be refused"),
                    subjects);
        } finally {
            smtp.stop();
        }
    }
}
