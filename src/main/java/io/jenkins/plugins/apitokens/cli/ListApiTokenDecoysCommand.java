package io.jenkins.plugins.apitokens.cli;

import hudson.Extension;
import io.jenkins.plugins.apitokens.engine.DecoyInfo;
import io.jenkins.plugins.apitokens.engine.Decoys;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** {@code list-api-token-decoys}: one tab-separated line per decoy the caller may see, never a value. */
@Extension
@Restricted(NoExternalUse.class)
public class ListApiTokenDecoysCommand extends DecoyCommand {

    @Override
    public String getShortDescription() {
        return Messages.ListApiTokenDecoysCommand_ShortDescription();
    }

    @Override
    protected int run(Decoys decoys, boolean administrator) {
        stdout.println("ID\tNAME\tPLANTED AT\tCREATED\tTRIPS\tLAST TRIP\tLAST TRIP FROM");
        for (DecoyInfo decoy : visible(decoys, administrator)) {
            stdout.println(String.join(
                    "\t",
                    decoy.id(),
                    decoy.name(),
                    decoy.plantedAt().isEmpty() ? "-" : decoy.plantedAt(),
                    decoy.createdAt().toString(),
                    Long.toString(decoy.trips()),
                    decoy.lastTripAt() == null ? "never" : decoy.lastTripAt().toString(),
                    decoy.lastTrip() == null ? "-" : decoy.lastTrip().describe()));
        }
        return 0;
    }
}
