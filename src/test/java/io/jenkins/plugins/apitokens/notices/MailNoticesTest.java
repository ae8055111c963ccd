package io.jenkins.plugins.apitokens.notices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import hudson.model.User;
import hudson.tasks.Mailer;
import io.jenkins.plugins.apitokens.TokenApi;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.audit.AuditTrail;
import io.jenkins.plugins.apitokens.engine.AuditEvent;
import io.jenkins.plugins.apitokens.engine.AuditEventType;
import io.jenkins.plugins.apitokens.engine.NewToken;
import io.jenkins.plugins.apitokens.policy.TokenPolicyConfiguration;
import io.jenkins.plugins.apitokens.tasks.TokenSweep;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import jenkins.model.JenkinsLocationConfiguration;
import org.htmlunit.HttpMethod;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Owners hear of their tokens by e-mail, through the Mailer plugin's settings, received here by GreenMail (an SMTP
 * server in the test's process, from Maven Central): once per token and warning, never with the value, retried while
 * the mail server is down; owners without an address are in the administrators' digest; the user's menu counts.
 */
@WithJenkins
class MailNoticesTest {

    private JenkinsRule r;
    private GreenMail smtp;
    private int port;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        TokenApi.secure(r);
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        port = smtp.getSmtp().getPort();
        Mailer.descriptor().setSmtpHost("127.0.0.1");
        Mailer.descriptor().setSmtpPort(String.valueOf(port));
        JenkinsLocationConfiguration.get().setAdminAddress("Jenkins <jenkins@example.com>");
        User.getById("alice", false).addProperty(new Mailer.UserProperty("alice@example.com"));
    }

    @AfterEach
    void tearDown() {
        smtp.stop();
    }

    private static void sweep() {
        TokenEngine.get().service().sweep(TokenSweep::isBuilding);
    }

    private static NewToken expiringIn(String user, String name, Duration left) {
        return TokenApi.mint(user, name, Instant.now().plus(left), null);
    }

    @Test
    void anExpiringTokenIsMailedToItsOwnerOnceAndWithoutItsValue() throws Exception {
        NewToken token = expiringIn("alice", "deploy", Duration.ofDays(3));
        sweep();
        sweep();
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(1, received.length);
        MimeMessage mail = received[0];
        assertEquals("Your Jenkins API token 'deploy' expires within 7 days", mail.getSubject());
        assertEquals("alice@example.com", mail.getAllRecipients()[0].toString());
        String body = GreenMailUtil.getBody(mail);
        assertTrue(body.contains(token.token().id()), body);
        assertTrue(body.contains("user/alice/security/"), body);
        assertFalse(body.contains(token.value()), "never the value");
    }

    @Test
    void aMailServerThatIsDownLosesNothingAndSendsNothingTwice() throws Exception {
        smtp.stop();
        expiringIn("alice", "ci", Duration.ofDays(3));
        sweep();
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        assertEquals(0, smtp.getReceivedMessages().length);
        sweep();
        sweep();
        assertEquals(1, smtp.getReceivedMessages().length, "sent once the server is back, and only once");
    }

    @Test
    void ownersWithoutAnAddressAreListedInTheAdministratorsDigest() throws Exception {
        expiringIn("bob", "nightly", Duration.ofDays(3));
        sweep();
        assertEquals(0, smtp.getReceivedMessages().length, "bob has no address");
        assertEquals(1, AddresslessDigest.get().pending().size());

        assertTrue(AddresslessDigest.get().send());
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(1, received.length);
        assertEquals("jenkins@example.com", ((InternetAddress) received[0].getAllRecipients()[0]).getAddress());
        String body = GreenMailUtil.getBody(received[0]);
        assertTrue(body.contains("bob") && body.contains("'nightly' expires within 7 days"), body);
        assertTrue(AddresslessDigest.get().pending().isEmpty());
        assertFalse(AddresslessDigest.get().send(), "nothing left to send");
    }

    @Test
    void theUsersMenuAndSecurityPageCountTokensExpiringWithinAWeekOrExpired() throws Exception {
        JenkinsRule.WebClient wc = r.createWebClient().login("alice");
        assertNull(wc.goTo("user/alice/").querySelector(".task-icon-badge"), "nothing to count yet");
        expiringIn("alice", "soon", Duration.ofDays(3));
        expiringIn("alice", "later", Duration.ofDays(30));

        HtmlPage profile = wc.goTo("user/alice/");
        DomElement badge = profile.querySelector(".task-icon-badge");
        assertNotNull(badge, profile.asNormalizedText());
        assertEquals("1", badge.getTextContent().strip());
        DomElement attention = wc.goTo("user/alice/security/").querySelector(".atm-attention");
        assertTrue(attention.getTextContent().contains("1 of these tokens expires within 7 days"));
        assertNull(
                r.createWebClient().login("bob").goTo("user/bob/").querySelector(".task-icon-badge"),
                "bob's own menu counts bob's tokens");
    }

    @Test
    void aUseFromANewAddressIsAuditedShownAndMailedToOwnersWhoAskedForIt() throws Exception {
        NewToken token = TokenApi.mint("alice", "ci");
        assertEquals(
                200,
                TokenApi.callAs(r, HttpMethod.POST, "user/alice/api-tokens/placeNotices", "alice", "wanted", "true")
                        .getStatusCode());
        TokenEngine.get().service().verify("alice", token.value(), "192.0.2.7");
        assertEquals(
                200,
                TokenApi.call(r, HttpMethod.GET, "whoAmI/api/json", "alice", token.value())
                        .getStatusCode());
        AuditEvent newPlace = AuditTrail.get().getEvents().stream()
                .filter(e -> e.type() == AuditEventType.NEW_PLACE)
                .findFirst()
                .orElseThrow();
        String here = newPlace.detail();

        TokenEngine.get().service().deliverUrgentNotices();
        // The write-behind delivers urgent notices on its own too: it may be the one sending, a moment later.
        assertTrue(smtp.waitForIncomingEmail(10_000, 1), "the notice arrives");
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(1, received.length);
        assertEquals("Your Jenkins API token 'ci' was used from a new address", received[0].getSubject());
        assertTrue(GreenMailUtil.getBody(received[0]).contains(here), GreenMailUtil.getBody(received[0]));
        TokenEngine.get().service().deliverUrgentNotices();
        assertEquals(1, smtp.getReceivedMessages().length, "once");

        String page = r.createWebClient()
                .login("alice")
                .goTo("user/alice/security/")
                .getWebResponse()
                .getContentAsString();
        assertTrue(page.contains("Also used lately from: 192.0.2.7"), "the table shows the earlier address");
    }

    @Test
    void theOwnerOfAReportedLeakedTokenIsToldWithoutItsValue() throws Exception {
        NewToken leaked = TokenApi.mint("alice", "ci");
        TokenEngine.get().service().revokeLeaked("found: " + leaked.value(), "198.51.100.4");
        TokenEngine.get().service().deliverUrgentNotices();
        // The write-behind delivers urgent notices on its own too: it may be the one sending, a moment later.
        assertTrue(smtp.waitForIncomingEmail(10_000, 1), "the notice arrives");
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(1, received.length);
        assertEquals(
                "Your Jenkins API token 'ci' was revoked: its value was reported leaked", received[0].getSubject());
        String body = GreenMailUtil.getBody(received[0]);
        assertTrue(body.contains("198.51.100.4") && body.contains(leaked.token().id()), body);
        assertFalse(body.contains(leaked.value()), "never the value, even a leaked one");
    }

    @Test
    void aWeekBeforeRevocationForDisuseTheOwnerIsWarnedByMail() throws Exception {
        TokenApi.mint("alice", "idle");
        TokenPolicyConfiguration.get().setRevokeUnusedAfterDays(30);
        Instant now = Instant.now();
        TokenEngine.get().setClock(Clock.fixed(now.plus(Duration.ofDays(24)), ZoneOffset.UTC));
        try {
            sweep();
            assertEquals(1, smtp.getReceivedMessages().length);
            assertEquals(
                    "Your Jenkins API token 'idle' will be revoked because it is not used",
                    smtp.getReceivedMessages()[0].getSubject());
            TokenEngine.get().setClock(Clock.fixed(now.plus(Duration.ofDays(30)), ZoneOffset.UTC));
            sweep();
            assertEquals(1, TokenEngine.get().service().list("alice").size(), "not sooner than a week after");
            TokenEngine.get().setClock(Clock.fixed(now.plus(Duration.ofDays(31)), ZoneOffset.UTC));
            sweep();
            assertTrue(TokenEngine.get().service().list("alice").isEmpty());
            assertEquals(1, smtp.getReceivedMessages().length, "warned once");
        } finally {
            TokenEngine.get().setClock(Clock.systemUTC());
        }
    }
}
