package io.jenkins.plugins.apitokens.notices;

import hudson.Util;
import hudson.model.User;
import io.jenkins.plugins.apitokens.engine.DecoyAlert;
import io.jenkins.plugins.apitokens.engine.DecoyUse;
import io.jenkins.plugins.apitokens.engine.TokenNotice;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** A notice in words, for a mail or a digest: the token's name, id and dates, and where to act. Never a value. */
@Restricted(NoExternalUse.class)
public final class NoticeText {

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private NoticeText() {}

    public static String subject(TokenNotice notice) {
        String name = notice.token().name();
        return switch (notice.type()) {
            case EXPIRING -> Messages.NoticeText_ExpiringSubject(name, notice.withinDays());
            case EXPIRED -> Messages.NoticeText_ExpiredSubject(name);
            case UNUSED -> Messages.NoticeText_UnusedSubject(name);
            case NEW_PLACE -> Messages.NoticeText_NewPlaceSubject(name);
            case RETIRING_IN_USE -> Messages.NoticeText_RetiringSubject(name);
            case LEAK_REVOKED -> Messages.NoticeText_LeakSubject(name);
            case BREAKS_POLICY -> Messages.NoticeText_BreaksPolicySubject(name);
        };
    }

    public static String body(User owner, TokenNotice notice) {
        String name = notice.token().name();
        String id = notice.token().id();
        String when = DATE.format(notice.when());
        String what =
                switch (notice.type()) {
                    case EXPIRING -> Messages.NoticeText_ExpiringBody(name, id, when);
                    case EXPIRED -> Messages.NoticeText_ExpiredBody(name, id, when);
                    case UNUSED ->
                        Messages.NoticeText_UnusedBody(
                                name,
                                id,
                                when,
                                notice.token().lastUse() == null
                                        ? "-"
                                        : DATE.format(notice.token().lastUse()));
                    case NEW_PLACE -> Messages.NoticeText_NewPlaceBody(name, id, notice.place(), when);
                    case RETIRING_IN_USE -> Messages.NoticeText_RetiringBody(name, id, when);
                    case LEAK_REVOKED -> Messages.NoticeText_LeakBody(name, id, when, notice.place());
                    case BREAKS_POLICY -> Messages.NoticeText_BreaksPolicyBody(name, id, when, notice.place());
                };
        return what + "\n\n" + Messages.NoticeText_Where(securityPageOf(owner)) + "\n";
    }

    public static String decoySubject(DecoyAlert alert) {
        return Messages.NoticeText_DecoySubject(
                alert.decoy().name(), alert.use().source());
    }

    /** Everything known of the use, for whoever must act on it; never the value. */
    public static String decoyBody(DecoyAlert alert) {
        DecoyUse use = alert.use();
        String decoy = alert.decoy().name();
        String id = alert.decoy().id();
        String place = alert.decoy().plantedAt().isEmpty() ? "-" : alert.decoy().plantedAt();
        String when = DATE.format(alert.at());
        String what = use.via() == DecoyUse.Via.LEAK_REPORT
                ? Messages.NoticeText_DecoyReportedBody(decoy, id, place, when, use.source())
                : Messages.NoticeText_DecoyUsedBody(
                        decoy,
                        id,
                        place,
                        when,
                        use.source(),
                        use.method() + " " + use.path(),
                        use.userName(),
                        use.userAgent() == null ? "-" : use.userAgent());
        String root = Jenkins.get().getRootUrl();
        return what + "\n\n"
                + Messages.NoticeText_DecoyWhere(
                        alert.decoy().trips(), (root == null ? "/" : root) + "manage/api-tokens/decoys/")
                + "\n";
    }

    /** The owner's Security page, where tokens are managed; a path when Jenkins does not know its own URL. */
    static String securityPageOf(User owner) {
        String root = Jenkins.get().getRootUrl();
        return (root == null ? "/" : root) + "user/" + Util.rawEncode(owner.getId()) + "/security/";
    }
}
