package io.jenkins.plugins.apitokens.notices;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.XmlFile;
import hudson.model.AsyncPeriodicWork;
import hudson.model.TaskListener;
import hudson.model.User;
import io.jenkins.plugins.apitokens.engine.TokenNotice;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import jenkins.model.JenkinsLocationConfiguration;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Notices for owners who have no e-mail address, collected and mailed to the administrators' address (Manage
 * Jenkins › System › System Admin e-mail address) once a day, so that someone can pass them on. Kept on disk until
 * sent: a restart loses none, and a digest that cannot go out is sent with the next one.
 */
@Extension(optional = true)
@Restricted(NoExternalUse.class)
public class AddresslessDigest extends AsyncPeriodicWork {

    private static final Logger LOGGER = Logger.getLogger(AddresslessDigest.class.getName());
    static final String FILE_NAME = "api-token-manager-digest.xml";

    private final List<String> pending = new ArrayList<>();

    public AddresslessDigest() {
        super("API token notices digest");
        XmlFile file = file();
        if (file.exists()) {
            try {
                Object stored = file.read();
                if (stored instanceof List<?> lines) {
                    lines.forEach(line -> pending.add(String.valueOf(line)));
                }
            } catch (IOException e) {
                LOGGER.log(Level.WARNING, "Cannot read the pending API token notices digest", e);
            }
        }
    }

    public static AddresslessDigest get() {
        return ExtensionList.lookupSingleton(AddresslessDigest.class);
    }

    @Override
    public long getRecurrencePeriod() {
        return DAY;
    }

    synchronized void add(User owner, TokenNotice notice) {
        pending.add(Messages.AddresslessDigest_Line(owner.getId(), owner.getFullName(), NoticeText.subject(notice)));
        save();
    }

    /** The lines waiting for the next digest. */
    synchronized List<String> pending() {
        return List.copyOf(pending);
    }

    @Override
    protected void execute(TaskListener listener) {
        send();
    }

    /** Mails the pending lines to the administrators' address, if there are any and it is set. */
    synchronized boolean send() {
        String admin = JenkinsLocationConfiguration.get().getAdminAddress();
        if (pending.isEmpty() || admin == null || admin.isBlank()) {
            return false;
        }
        String body = Messages.AddresslessDigest_Intro() + "\n\n" + String.join("\n", pending) + "\n";
        if (!MailNotices.send(admin, Messages.AddresslessDigest_Subject(pending.size()), body)) {
            return false;
        }
        pending.clear();
        save();
        return true;
    }

    private void save() {
        try {
            file().write(new ArrayList<>(pending));
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Cannot save the pending API token notices digest", e);
        }
    }

    private static XmlFile file() {
        return new XmlFile(Jenkins.XSTREAM2, new File(Jenkins.get().getRootDir(), FILE_NAME));
    }
}
