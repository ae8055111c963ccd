package io.jenkins.plugins.apitokens.audit;

import io.jenkins.plugins.apitokens.engine.AuditEntry;
import io.jenkins.plugins.apitokens.engine.AuditEvent;
import io.jenkins.plugins.apitokens.engine.AuditVerdict;
import java.util.ArrayList;
import java.util.List;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** A verdict of the audit trail in the reader's words, for the audit page, the overview and the CLI. */
@Restricted(NoExternalUse.class)
public final class VerdictText {

    private VerdictText() {}

    /** The verdict, then what it covers (checkpoint, events before the chain). */
    public static String of(AuditVerdict verdict) {
        List<String> sentences = new ArrayList<>();
        sentences.add(headline(verdict));
        if (!verdict.isIntact() && verdict.last() != null) {
            sentences.add(Messages.VerdictText_VerifiedUpTo(describe(verdict.last())));
        }
        if (verdict.start().seq() > 0) {
            sentences.add(Messages.VerdictText_FromCheckpoint(
                    Long.toString(verdict.start().seq())));
        }
        if (verdict.legacyEvents() > 0) {
            sentences.add(Messages.VerdictText_Legacy(Integer.toString(verdict.legacyEvents())));
        }
        return String.join(" ", sentences);
    }

    /** The first sentence alone: intact from where to where, or the first place that does not match. */
    public static String headline(AuditVerdict verdict) {
        String line = Integer.toString(verdict.line());
        String seq = Long.toString(verdict.seq());
        if (verdict.isIntact()) {
            return verdict.first() == null
                    ? Messages.VerdictText_IntactEmpty()
                    : Messages.VerdictText_Intact(describe(verdict.first()), describe(verdict.last()));
        }
        return switch (verdict.problem()) {
            case EDITED ->
                verdict.event() == null
                        ? Messages.VerdictText_EditedLine(line, seq)
                        : Messages.VerdictText_Edited(line, describe(verdict.seq(), verdict.event()));
            case HEAD_MISMATCH -> Messages.VerdictText_HeadMismatch(line, seq);
            case MISSING_OR_REORDERED ->
                Messages.VerdictText_Missing(
                        line, Long.toString(verdict.expectedSeq()), describe(verdict.seq(), verdict.event()));
            case UNREADABLE -> Messages.VerdictText_Unreadable(line, seq);
            case TRUNCATED -> Messages.VerdictText_Truncated(seq, Long.toString(verdict.expectedSeq()));
            case HEAD_MISSING -> Messages.VerdictText_HeadMissing();
        };
    }

    private static String describe(AuditEntry entry) {
        return describe(entry.seq(), entry.event());
    }

    /** {@code #12 CREATED of token 'deploy' (wQNrNXKz) of user alice by admin at 2026-…}, control characters shown as ?. */
    static String describe(long seq, AuditEvent event) {
        return Messages.VerdictText_Event(
                Long.toString(seq),
                event.type().name(),
                "'" + printable(event.tokenName()) + "'",
                printable(event.tokenId()),
                printable(event.userId()),
                printable(event.actor()),
                event.at().toString());
    }

    private static String printable(String text) {
        if (text == null) {
            return "-";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints()
                .forEach(c -> out.appendCodePoint(Character.isISOControl(c) || c == 0x2028 || c == 0x2029 ? '?' : c));
        return out.toString();
    }
}
