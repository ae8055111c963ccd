package io.jenkins.plugins.apitokens.cli;

import hudson.Extension;
import hudson.model.User;
import io.jenkins.plugins.apitokens.engine.GracePeriod;
import io.jenkins.plugins.apitokens.engine.NewToken;
import io.jenkins.plugins.apitokens.engine.TokenService;
import io.jenkins.plugins.apitokens.web.TokenRequester;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.args4j.Argument;
import org.kohsuke.args4j.Option;

/** {@code rotate-api-token ID}: replaces the token's value and prints the new one. */
@Extension
@Restricted(NoExternalUse.class)
public class RotateApiTokenCommand extends ApiTokenCommand {

    @Argument(metaVar = "ID", usage = "Id of the token, as list-api-tokens shows it.", required = true)
    public String id;

    @Option(
            name = "--grace",
            metaVar = "PERIOD",
            usage = "Keep the old value working this long, such as 12h or 2d,"
                    + " as the policy allows; by default it stops at once.")
    public String grace;

    @Override
    public String getShortDescription() {
        return Messages.RotateApiTokenCommand_ShortDescription();
    }

    @Override
    protected int run(User user, TokenService service) {
        NewToken rotated = new TokenRequester(user).rotate(service, id, GracePeriod.parse(grace));
        stderr.println(Messages.RotateApiTokenCommand_Rotated(
                rotated.token().name(), rotated.token().id()));
        stdout.println(rotated.value());
        return 0;
    }
}
