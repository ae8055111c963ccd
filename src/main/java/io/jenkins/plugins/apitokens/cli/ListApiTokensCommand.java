package io.jenkins.plugins.apitokens.cli;

import hudson.Extension;
import hudson.model.User;
import io.jenkins.plugins.apitokens.coretokens.EveryToken;
import io.jenkins.plugins.apitokens.engine.PolicyBreach;
import io.jenkins.plugins.apitokens.engine.PolicyCompliance;
import io.jenkins.plugins.apitokens.engine.Reach;
import io.jenkins.plugins.apitokens.engine.TokenInfo;
import io.jenkins.plugins.apitokens.engine.TokenService;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
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
        stdout.println(
                "ID\tNAME\tORIGIN\tSCOPE\tITEMS\tCREATED\tEXPIRES\tUSES\tLAST USED\tRETIRING FOR\tBREAKS POLICY");
        List<TokenInfo> tokens = EveryToken.of(service, user);
        Map<TokenInfo, List<PolicyBreach>> breaches = PolicyCompliance.assess(service.policy(), tokens, service.now());
        for (TokenInfo token : tokens) {
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
                    token.isRetiring() ? token.replacedBy() : "-",
                    breachesColumn(breaches.getOrDefault(token, List.of()))));
        }
        return 0;
    }

    /** The rules it breaks, such as {@code no-expiry,not-limited}, or {@code -} for none. */
    private static String breachesColumn(List<PolicyBreach> breaches) {
        return breaches.isEmpty()
                ? "-"
                : breaches.stream().map(PolicyBreach::id).collect(Collectors.joining(","));
    }

    /** {@code *} for everywhere, the items separated by commas, or {@code nowhere}. */
    private static String itemsColumn(Reach reach) {
        if (reach.isEverywhere()) {
            return "*";
        }
        return reach.items().isEmpty() ? "nowhere" : String.join(",", reach.items());
    }
}
