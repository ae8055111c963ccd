package io.jenkins.plugins.apitokens.user;

import hudson.Extension;
import hudson.model.User;
import io.jenkins.plugins.apitokens.engine.TokenInfo;
import io.jenkins.plugins.apitokens.engine.TokenService;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** {@code list-api-tokens}: one tab-separated line per token, never a value. */
@Extension
@Restricted(NoExternalUse.class)
public class ListApiTokensCommand extends ApiTokenCommand {

    @Override
    public String getShortDescription() {
        return "Lists API tokens: id, name, scope, created, expires, uses, last used.";
    }

    @Override
    protected int run(User user, TokenService service) {
        stdout.println("ID\tNAME\tSCOPE\tCREATED\tEXPIRES\tUSES\tLAST USED");
        for (TokenInfo token : service.list(user.getId())) {
            stdout.println(String.join(
                    "\t",
                    token.id(),
                    token.name(),
                    token.scope().id(),
                    token.created().toString(),
                    token.expires() == null ? "never" : token.expires().toString(),
                    Long.toString(token.useCount()),
                    token.lastUse() == null ? "never" : token.lastUse().toString()));
        }
        return 0;
    }
}
