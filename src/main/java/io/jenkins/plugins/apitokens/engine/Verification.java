package io.jenkins.plugins.apitokens.engine;

/** The outcome of checking a presented value: the token it belongs to, or why it was refused. */
public final class Verification {

    private final TokenInfo token;
    private final Rejection rejection;

    private Verification(TokenInfo token, Rejection rejection) {
        this.token = token;
        this.rejection = rejection;
    }

    static Verification accepted(TokenInfo token) {
        return new Verification(token, null);
    }

    static Verification rejected(Rejection rejection) {
        return new Verification(null, rejection);
    }

    public boolean isAccepted() {
        return token != null;
    }

    /** The accepted token; {@code null} when rejected. */
    public TokenInfo token() {
        return token;
    }

    /** Why it was rejected; {@code null} when accepted. */
    public Rejection rejection() {
        return rejection;
    }

    @Override
    public String toString() {
        return isAccepted() ? "accepted " + token.userId() + "/" + token.id() : "rejected: " + rejection;
    }
}
