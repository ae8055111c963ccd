package io.jenkins.plugins.apitokens.cli;

import hudson.Extension;
import hudson.model.User;
import io.jenkins.plugins.apitokens.coretokens.EveryToken;
import io.jenkins.plugins.apitokens.engine.TokenInfo;
import io.jenkins.plugins.apitokens.engine.TokenService;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.args4j.Argument;

/** {@code revoke-api-token ID}. */
@Extension
@Restricted(NoExternalUse.class)
public class RevokeApiTokenCommand extends ApiTokenCommand {

    @Argument(metaVar = "ID", usage = "Id of the token, as list-api-tokens shows it.", required = true)
    public String id;

    @Override
    public String getShortDescription() {
        return Messages.RevokeApiTokenCommand_ShortDescription();
    }

    @Override
    protected int run(User user, TokenService service) {
        TokenInfo revoked = EveryToken.revoke(service, user, id, actor());
        stdout.println(Messages.RevokeApiTokenCommand_Revoked(revoked.id(), revoked.name()));
        return 0;
    }
}
