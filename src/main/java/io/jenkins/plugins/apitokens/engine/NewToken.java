package io.jenkins.plugins.apitokens.engine;

/**
 * A token together with its value: returned exactly once, when the token is created or rotated, for the caller to
 * hand to the user and then drop.
 */
public record NewToken(TokenInfo token, String value) {

    /** Never the value: a record printed into a log or an exception must not leak it. */
    @Override
    public String toString() {
        return "NewToken[" + token + ", value=****]";
    }
}
