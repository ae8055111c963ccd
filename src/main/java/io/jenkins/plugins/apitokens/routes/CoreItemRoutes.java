package io.jenkins.plugins.apitokens.routes;

import hudson.Extension;
import io.jenkins.plugins.apitokens.engine.CoreRoutes;
import io.jenkins.plugins.apitokens.engine.ItemRoute;
import java.util.List;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** Core's routes below items and builds ({@link CoreRoutes}), as one declaration among the others. */
@Extension
@Restricted(NoExternalUse.class)
public final class CoreItemRoutes extends ItemRoutes {

    @Override
    public List<ItemRoute> routes() {
        return CoreRoutes.all();
    }

    @Override
    public String origin() {
        return CoreRoutes.ORIGIN;
    }
}
