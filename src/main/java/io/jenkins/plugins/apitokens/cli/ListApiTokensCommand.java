package io.jenkins.plugins.apitokens.cli;

import hudson.Extension;
import hudson.model.User;
import io.jenkins.plugins.apitokens.coretokens.EveryToken;
import io.jenkins.plugins.apitokens.engine.Reach;
import io.jenkins.plugins.apitokens.engine.TokenInfo;
import io.jenkins.plugins.apitokens.engine.TokenService;
import java.util.Locale;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** {@code list-api-tokens}: one tab-separated line per token, never a value. */
@Extension
@Restricted(NoExternalUse.class)
public class ListApiTokensCommand extends ApiTokenCommand {

    @Override
    public String getShortDescription() {
        return Messages.ListApiTokensCommand_ShortDescription();
    }

    @Override
    protected int run(User user, TokenService service) {
        stdout.println("ID\tNAME\tORIGIN\tSCOPE\tITEMS\tCREATED\tEXPIRES\tUSES\tLAST USED\tRETIRING FOR");
        for (TokenInfo token : EveryToken.of(service, user)) {
            stdout.println(String.join(
                    "\t",
                    token.id(),
                    token.name(),
                    token.origin().name().toLowerCase(Locale.ROOT),
                    token.scope().id(),
                    itemsColumn(token.reach()),
                    token.created().equals(TokenInfo.UNKNOWN_CREATION)
                            ? "unknown"
                            : token.created().toString(),
                    token.expires() == null ? "never" : token.expires().toString(),
                    Long.toString(token.useCount()),
                    token.lastUse() == null ? "never" : token.lastUse().toString(),
                    token.isRetiring() ? token.replacedBy() : "-"));
        }
        return 0;
    }

    /** {@code *} for everywhere, the items separated by commas, or {@code nowhere}. */
    private static String itemsColumn(Reach reach) {
        if (reach.isEverywhere()) {
            return "*";
        }
        return reach.items().isEmpty() ? "nowhere" : String.join(",", reach.items());
    }
}
