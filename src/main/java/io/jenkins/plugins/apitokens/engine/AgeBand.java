package io.jenkins.plugins.apitokens.engine;

/** How old a token is, for the colour of its creation date and the advice to rotate it. */
public enum AgeBand {
    FRESH,
    AGEING,
    OLD
}
