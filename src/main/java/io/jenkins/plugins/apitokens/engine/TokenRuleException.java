package io.jenkins.plugins.apitokens.engine;

/**
 * A request that breaks a token rule or the policy. Its message is written for the person who made the request and
 * never contains a token value.
 */
public class TokenRuleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final PolicySetting setting;

    public TokenRuleException(String message) {
        this(message, null);
    }

    /** A refused policy: {@code setting} is the one to change. */
    public TokenRuleException(String message, PolicySetting setting) {
        super(message);
        this.setting = setting;
    }

    /** For a refused policy, the setting the message is about; {@code null} for other refusals. */
    public PolicySetting setting() {
        return setting;
    }
}
