package io.jenkins.plugins.apitokens.notices;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionList;
import hudson.ExtensionPoint;
import hudson.model.User;
import io.jenkins.plugins.apitokens.engine.DecoyAlert;
import io.jenkins.plugins.apitokens.engine.TokenNotice;

/**
 * Tells owners about their tokens: expiry ahead, expiry, revocation for disuse ahead. The plugin's own
 * implementation mails them (when the Mailer plugin is installed); others can post to a chat or open a ticket.
 * Notices are computed by the hourly sweep, never during a request, and each is offered until it is delivered, then
 * never again, restarts included. A notice holds the token's id and name, never its value.
 */
public abstract class TokenNoticeListener implements ExtensionPoint {

    /**
     * Delivers a notice to the token's owner.
     *
     * @return {@code true} when it went out or has nowhere to go; {@code false} to be offered again at the next sweep
     *     (a mail server that is down, say). Runs on the sweep's thread: it may take its time, but must not block.
     */
    public abstract boolean onNotice(@NonNull User owner, @NonNull TokenNotice notice);

    /**
     * A decoy token was tried (presented with a request, or found in a leak report): somebody has a value that was
     * only ever planted. Called once per use, at once, on a background thread, never with the value. By default,
     * nothing: a listener that tells administrators overrides it. The plugin's own mails the addresses the policy
     * names for alerts.
     */
    public void onDecoyTripped(@NonNull DecoyAlert alert) {}

    public static ExtensionList<TokenNoticeListener> all() {
        return ExtensionList.lookup(TokenNoticeListener.class);
    }
}
