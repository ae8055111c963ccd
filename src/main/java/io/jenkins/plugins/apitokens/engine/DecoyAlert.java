package io.jenkins.plugins.apitokens.engine;

import java.time.Instant;

/**
 * A decoy was tried: somebody has a value that was only ever planted. Sent once per use.
 *
 * @param decoy the decoy, this trip counted
 */
public record DecoyAlert(DecoyInfo decoy, Instant at, DecoyUse use) {}
