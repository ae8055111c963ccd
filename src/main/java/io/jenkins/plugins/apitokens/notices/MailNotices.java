package io.jenkins.plugins.apitokens.notices;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.User;
import hudson.tasks.Mailer;
import io.jenkins.plugins.apitokens.engine.DecoyAlert;
import io.jenkins.plugins.apitokens.engine.TokenNotice;
import io.jenkins.plugins.apitokens.policy.TokenPolicyConfiguration;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.JenkinsLocationConfiguration;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Mails token notices to their owners through the Mailer plugin's settings (an optional dependency: without it this
 * class is not loaded). An owner without an address is listed in the administrators' daily digest instead. A mail
 * that cannot be sent now is tried again at the next sweep.
 */
@Extension(optional = true)
@Restricted(NoExternalUse.class)
public class MailNotices extends TokenNoticeListener {

    private static final Logger LOGGER = Logger.getLogger(MailNotices.class.getName());

    @Override
    public boolean onNotice(@NonNull User owner, @NonNull TokenNotice notice) {
        Mailer.UserProperty mail = owner.getProperty(Mailer.UserProperty.class);
        String address = mail == null ? null : Util.fixEmptyAndTrim(mail.getAddress());
        if (address == null) {
            AddresslessDigest.get().add(owner, notice);
            return true;
        }
        return send(address, NoticeText.subject(notice), NoticeText.body(owner, notice));
    }

    /**
     * Mails the alert to each address the policy names for alerts, at once; an address that cannot be reached now is
     * not tried again (the audit trail and the log have the alert), and the log says so.
     */
    @Override
    public void onDecoyTripped(@NonNull DecoyAlert alert) {
        String subject = NoticeText.decoySubject(alert);
        String body = NoticeText.decoyBody(alert);
        TokenPolicyConfiguration policy = TokenPolicyConfiguration.get();
        for (String address :
                policy == null ? List.<String>of() : policy.toPolicy().getAlertAddresses()) {
            send(address, subject, body);
        }
    }

    /** Sends one plain-text mail; {@code false} when it could not go out now. */
    static boolean send(String to, String subject, String body) {
        Mailer.DescriptorImpl mailer = Mailer.descriptor();
        String charset = mailer.getCharset();
        try {
            MimeMessage message = new MimeMessage(mailer.createSession());
            String from = JenkinsLocationConfiguration.get().getAdminAddress();
            if (from != null) {
                message.setFrom(Mailer.stringToAddress(from, charset));
            }
            message.setRecipient(Message.RecipientType.TO, Mailer.stringToAddress(to, charset));
            message.setSubject(subject, charset);
            message.setText(body, charset);
            Transport.send(message);
            return true;
        } catch (MessagingException | UnsupportedEncodingException e) {
            LOGGER.log(Level.WARNING, "Could not mail an API token notice; it will be tried again: {0}", e.toString());
            return false;
        }
    }
}
