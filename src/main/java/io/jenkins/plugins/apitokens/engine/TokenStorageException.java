package io.jenkins.plugins.apitokens.engine;

import java.util.Locale;

/** A change could not be saved, so it was undone: the user's tokens are as they were before the request. */
public class TokenStorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final EngineMessage sentence;

    public TokenStorageException(String userId, Throwable cause) {
        this(EngineMessage.of("TokenStorage.Failed", userId), cause);
    }

    TokenStorageException(EngineMessage sentence, Throwable cause) {
        super(sentence.in(Locale.ENGLISH), cause);
        this.sentence = sentence;
    }

    /** In the language of whoever reads it (see {@link EngineMessage#readIn}). */
    @Override
    public String getMessage() {
        return sentence.toString();
    }
}
