package io.jenkins.plugins.apitokens.engine;

/** Values of the token format with a right checksum that belong to no token, for tests of any package. */
public final class MadeUpTokens {

    private static final TokenFormat FORMAT = new TokenFormat();

    private MadeUpTokens() {}

    /** A fresh well-formed value of a token that does not exist. */
    public static String value() {
        return FORMAT.newValue(FORMAT.newId());
    }
}
