package io.jenkins.plugins.apitokens.notices;

import hudson.model.User;
import io.jenkins.plugins.apitokens.engine.NoticeChannel;
import io.jenkins.plugins.apitokens.engine.TokenNotice;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The engine's notices, to every {@link TokenNoticeListener}. A notice is delivered when every listener took it; a
 * listener that took it is not offered it again while another retries (until a restart, the one case in which a
 * listener may see a notice twice).
 */
@Restricted(NoExternalUse.class)
public final class NoticeDelivery implements NoticeChannel {

    private static final Logger LOGGER = Logger.getLogger(NoticeDelivery.class.getName());

    private final Set<String> takenBy = ConcurrentHashMap.newKeySet();

    @Override
    public boolean deliver(TokenNotice notice) {
        User owner = User.getById(notice.token().userId(), false);
        if (owner == null) {
            return true;
        }
        String noticeKey = "|" + notice.token().userId() + "|" + notice.token().id() + "|" + notice.type() + "|"
                + notice.withinDays() + "|" + notice.when();
        boolean all = true;
        for (TokenNoticeListener listener : TokenNoticeListener.all()) {
            String key = listener.getClass().getName() + noticeKey;
            if (takenBy.contains(key)) {
                continue;
            }
            boolean taken;
            try {
                taken = listener.onNotice(owner, notice);
            } catch (RuntimeException e) {
                LOGGER.log(
                        Level.WARNING,
                        "A token notice listener failed: " + listener.getClass().getName(),
                        e);
                taken = false;
            }
            if (taken) {
                takenBy.add(key);
            } else {
                all = false;
            }
        }
        if (all) {
            takenBy.removeIf(key -> key.endsWith(noticeKey));
        }
        return all;
    }
}
