package io.jenkins.plugins.apitokens.pipeline;

import hudson.Extension;
import hudson.model.Run;
import hudson.model.listeners.RunListener;
import io.jenkins.plugins.apitokens.TokenEngine;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Revokes a run's tokens when it is finalized, however it ended: success, failure, abort, or a Pipeline that could
 * not resume after a restart. The step and the wrapper revoke their token as their block ends; this covers every
 * path on which that never ran, and the periodic sweep covers runs that ended while Jenkins was down.
 */
@Extension
@Restricted(NoExternalUse.class)
public class BuildTokenLifecycle extends RunListener<Run<?, ?>> {

    @Override
    public void onFinalized(Run<?, ?> run) {
        TokenEngine.get().service().revokeBuildTokens(run.getExternalizableId());
    }
}
