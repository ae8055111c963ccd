package io.jenkins.plugins.apitokens.admin;

import hudson.Extension;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.engine.DecoyInfo;
import io.jenkins.plugins.apitokens.engine.Decoys;
import io.jenkins.plugins.apitokens.engine.TokenRuleException;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.GlobalConfiguration;
import jenkins.model.GlobalConfigurationCategory;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * The decoys in configuration as code: {@code security: apiTokenDecoys: decoys: [{name, plantedAt}]}. A file holds
 * no value, so a decoy it names is declared without one; an administrator makes its value, shown once, on the Decoys
 * page ({@code POST decoys/issue}). Applying a file adds the decoys it names that do not exist and changes nothing
 * else: removing a tripwire is done by hand, never by leaving it out. An export lists every decoy, never a value.
 *
 * <p>Not a form: the decoys live in their own file ({@link io.jenkins.plugins.apitokens.store.DecoyFile}); the Security
 * screen only says how many there are and links to their page (JCasC takes only descriptors that have a page).
 */
@Extension
@Symbol("apiTokenDecoys")
@Restricted(NoExternalUse.class)
public class DecoyDeclarations extends GlobalConfiguration {

    @Override
    public GlobalConfigurationCategory getCategory() {
        return GlobalConfigurationCategory.get(GlobalConfigurationCategory.Security.class);
    }

    public List<DecoyDeclaration> getDecoys() {
        List<DecoyDeclaration> declared = new ArrayList<>();
        for (DecoyInfo decoy : decoys().list()) {
            DecoyDeclaration declaration = new DecoyDeclaration(decoy.name());
            declaration.setPlantedAt(decoy.plantedAt());
            declared.add(declaration);
        }
        return declared;
    }

    /**
     * Declares every decoy named that does not exist yet; all are checked before any is declared, so a file with a
     * bad name or place changes nothing.
     *
     * @throws IllegalArgumentException naming the decoy and what is wrong
     */
    @DataBoundSetter
    public void setDecoys(List<DecoyDeclaration> declarations) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        Decoys decoys = decoys();
        List<DecoyDeclaration> named = declarations == null ? List.of() : declarations;
        for (DecoyDeclaration declaration : named) {
            try {
                Decoys.check(declaration.getName(), declaration.getPlantedAt());
            } catch (TokenRuleException e) {
                throw new IllegalArgumentException("decoys: '" + declaration.getName() + "': " + e.getMessage(), e);
            }
        }
        for (DecoyDeclaration declaration : named) {
            decoys.declare(
                    declaration.getName(),
                    declaration.getPlantedAt(),
                    Jenkins.getAuthentication2().getName());
        }
    }

    /** The Security form sets nothing here. */
    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) {
        return true;
    }

    /** Nothing to write: the decoys are kept by the engine's store, not in a descriptor file. */
    @Override
    public synchronized void save() {}

    private static Decoys decoys() {
        return TokenEngine.get().decoys();
    }
}
