package io.jenkins.plugins.apitokens.engine;

/** The user has no token with the given id (never existed, or revoked). */
public class TokenNotFoundException extends TokenRuleException {

    private static final long serialVersionUID = 1L;

    public TokenNotFoundException(String tokenId) {
        super(EngineMessage.of("TokenNotFound", tokenId));
    }
}
