package io.jenkins.plugins.apitokens.engine;

/** A change could not be saved, so it was undone: the user's tokens are as they were before the request. */
public class TokenStorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TokenStorageException(String userId, Throwable cause) {
        super("Could not save the API tokens of user '" + userId + "'; nothing was changed.", cause);
    }
}
