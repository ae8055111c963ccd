package io.jenkins.plugins.apitokens.engine;

import java.util.Locale;

/**
 * A request that breaks a token rule or the policy. Its message is written for the person who made the request, in
 * their language, and never contains a token value.
 */
public class TokenRuleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final EngineMessage sentence;
    private final PolicySetting setting;

    /** A refusal the Jenkins layer words itself, with its own messages. */
    public TokenRuleException(String message) {
        super(message);
        this.sentence = null;
        this.setting = null;
    }

    TokenRuleException(EngineMessage sentence) {
        this(sentence, null);
    }

    /** A refused policy: {@code setting} is the one to change. */
    TokenRuleException(EngineMessage sentence, PolicySetting setting) {
        super(sentence.in(Locale.ENGLISH));
        this.sentence = sentence;
        this.setting = setting;
    }

    /** In the language of whoever reads it (see {@link EngineMessage#readIn}). */
    @Override
    public String getMessage() {
        return sentence == null ? super.getMessage() : sentence.toString();
    }

    /** For a refused policy, the setting the message is about; {@code null} for other refusals. */
    public PolicySetting setting() {
        return setting;
    }
}
