package io.jenkins.plugins.apitokens.admin;

import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** A decoy as configuration as code names it: by name and place, never with a value. */
@Restricted(NoExternalUse.class)
public class DecoyDeclaration {

    private final String name;
    private String plantedAt = "";

    @DataBoundConstructor
    public DecoyDeclaration(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public String getPlantedAt() {
        return plantedAt;
    }

    @DataBoundSetter
    public void setPlantedAt(String plantedAt) {
        this.plantedAt = plantedAt == null ? "" : plantedAt;
    }
}
