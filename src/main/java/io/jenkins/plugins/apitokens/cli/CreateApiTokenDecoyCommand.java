package io.jenkins.plugins.apitokens.cli;

import hudson.Extension;
import io.jenkins.plugins.apitokens.engine.Decoys;
import io.jenkins.plugins.apitokens.engine.NewDecoy;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.args4j.Argument;
import org.kohsuke.args4j.Option;

/** {@code create-api-token-decoy NAME [--planted-at TEXT]}: prints the value once, on standard output alone. */
@Extension
@Restricted(NoExternalUse.class)
public class CreateApiTokenDecoyCommand extends DecoyCommand {

    @Argument(metaVar = "NAME", usage = "Name of the decoy.", required = true)
    public String name;

    @Option(name = "--planted-at", metaVar = "TEXT", usage = "Where it will be planted, for whoever reads an alert.")
    public String plantedAt;

    @Override
    public String getShortDescription() {
        return Messages.CreateApiTokenDecoyCommand_ShortDescription();
    }

    @Override
    protected int run(Decoys decoys, boolean administrator) {
        NewDecoy made = decoys.create(name, plantedAt, creator());
        stderr.println(Messages.CreateApiTokenDecoyCommand_Created(
                made.decoy().id(), made.decoy().name()));
        stdout.println(made.value());
        return 0;
    }
}
