package io.jenkins.plugins.apitokens.cli;

import hudson.Extension;
import hudson.model.User;
import io.jenkins.plugins.apitokens.engine.ExpiryChoice;
import io.jenkins.plugins.apitokens.engine.NewToken;
import io.jenkins.plugins.apitokens.engine.Reach;
import io.jenkins.plugins.apitokens.engine.Scope;
import io.jenkins.plugins.apitokens.engine.TokenRequest;
import io.jenkins.plugins.apitokens.engine.TokenService;
import io.jenkins.plugins.apitokens.web.TokenRequester;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.args4j.Argument;
import org.kohsuke.args4j.Option;

/** {@code create-api-token NAME}: prints the new value alone on standard output, for {@code $(…)} in scripts. */
@Extension
@Restricted(NoExternalUse.class)
public class CreateApiTokenCommand extends ApiTokenCommand {

    @Argument(metaVar = "NAME", usage = "Name of the token.", required = true)
    public String name;

    @Option(
            name = "--expiry",
            metaVar = "EXPIRY",
            usage = "2027-01-31 (valid through that day, UTC), 90d, or never; the policy's default if not given.")
    public String expiry;

    @Option(name = "--scope", metaVar = "SCOPE", usage = "full (default), run-builds or read-only.")
    public String scope;

    @Option(
            name = "--items",
            metaVar = "ITEMS",
            usage =
                    "Full names of the folders and jobs the token works in, separated by commas; everywhere if not given.")
    public String items;

    @Override
    public String getShortDescription() {
        return Messages.CreateApiTokenCommand_ShortDescription();
    }

    @Override
    protected int run(User user, TokenService service) {
        TokenRequest request = new TokenRequest(
                name,
                ExpiryChoice.parse(expiry, service.now()),
                scope == null ? null : Scope.parse(scope),
                Reach.parse(items));
        NewToken created = new TokenRequester(user).create(service, request);
        stderr.println(Messages.CreateApiTokenCommand_Created(
                created.token().id(), created.token().name()));
        stdout.println(created.value());
        return 0;
    }
}
