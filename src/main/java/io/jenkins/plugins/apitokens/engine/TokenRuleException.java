package io.jenkins.plugins.apitokens.engine;

/**
 * A request that breaks a token rule or the policy. Its message is written for the person who made the request and
 * never contains a token value.
 */
public class TokenRuleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TokenRuleException(String message) {
        super(message);
    }
}
