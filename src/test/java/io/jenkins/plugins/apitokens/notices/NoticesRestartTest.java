package io.jenkins.plugins.apitokens.notices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import hudson.model.User;
import hudson.tasks.Mailer;
import io.jenkins.plugins.apitokens.TokenApi;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.tasks.TokenSweep;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/** A notice that went out is not sent again after a restart, and the digest waiting for tomorrow survives one. */
class NoticesRestartTest {

    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    private GreenMail smtp;

    @BeforeEach
    void startSmtp() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void neverTwiceAcrossARestart() throws Throwable {
        int port = smtp.getSmtp().getPort();
        sessions.then(r -> {
            TokenApi.secure(r);
            Mailer.descriptor().setSmtpHost("127.0.0.1");
            Mailer.descriptor().setSmtpPort(String.valueOf(port));
            Mailer.descriptor().save();
            User.getById("alice", false).addProperty(new Mailer.UserProperty("alice@example.com"));
            TokenApi.mint("alice", "deploy", Instant.now().plus(Duration.ofDays(3)), null);
            TokenApi.mint("bob", "nightly", Instant.now().plus(Duration.ofDays(3)), null);
            TokenEngine.get().service().sweep(TokenSweep::isBuilding);
            assertEquals(1, smtp.getReceivedMessages().length);
            assertEquals(1, AddresslessDigest.get().pending().size());
        });
        sessions.then(r -> {
            TokenEngine.get().service().sweep(TokenSweep::isBuilding);
            assertEquals(1, smtp.getReceivedMessages().length, "not sent again after the restart");
            assertEquals(1, AddresslessDigest.get().pending().size(), "bob's line waits for the digest");
        });
    }
}
