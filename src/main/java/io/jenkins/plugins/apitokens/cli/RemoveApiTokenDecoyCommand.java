package io.jenkins.plugins.apitokens.cli;

import hudson.Extension;
import io.jenkins.plugins.apitokens.engine.DecoyInfo;
import io.jenkins.plugins.apitokens.engine.Decoys;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.args4j.Argument;

/** {@code remove-api-token-decoy ID}. */
@Extension
@Restricted(NoExternalUse.class)
public class RemoveApiTokenDecoyCommand extends DecoyCommand {

    @Argument(metaVar = "ID", usage = "Id of the decoy, as list-api-token-decoys shows it.", required = true)
    public String id;

    @Override
    public String getShortDescription() {
        return Messages.RemoveApiTokenDecoyCommand_ShortDescription();
    }

    @Override
    protected int run(Decoys decoys, boolean administrator) {
        DecoyInfo removed = administrator ? decoys.remove(id, creator()) : decoys.removeOwn(id, creator());
        stdout.println(Messages.RemoveApiTokenDecoyCommand_Removed(removed.id(), removed.name()));
        return 0;
    }
}
