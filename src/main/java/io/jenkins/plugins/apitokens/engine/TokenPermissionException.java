package io.jenkins.plugins.apitokens.engine;

/** A refusal because of who asks, not what they ask for: the REST interface answers it with 403. */
public class TokenPermissionException extends TokenRuleException {

    private static final long serialVersionUID = 1L;

    TokenPermissionException(EngineMessage message) {
        super(message);
    }
}
