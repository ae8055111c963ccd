package io.jenkins.plugins.apitokens.engine;

/**
 * The outcome of checking a presented value: the token it belongs to, or why it was refused.
 *
 * <p>An accepted check keeps the token itself and builds the {@link TokenInfo} only when asked: a request needs
 * no more than the {@link #scope()}, and every object a check allocates is paid for again by the garbage collector.
 */
public final class Verification {

    private final String userId;
    private final StoredToken token;
    private final Rejection rejection;

    private Verification(String userId, StoredToken token, Rejection rejection) {
        this.userId = userId;
        this.token = token;
        this.rejection = rejection;
    }

    static Verification accepted(String userId, StoredToken token) {
        return new Verification(userId, token, null);
    }

    static Verification rejected(Rejection rejection) {
        return new Verification(null, null, rejection);
    }

    public boolean isAccepted() {
        return token != null;
    }

    /** What the accepted token allows; {@code null} when rejected. */
    public Scope scope() {
        return token == null ? null : token.scope();
    }

    /** The accepted token as it is now, this use included; {@code null} when rejected. */
    public TokenInfo token() {
        return token == null ? null : token.info(userId);
    }

    /** Why it was rejected; {@code null} when accepted. */
    public Rejection rejection() {
        return rejection;
    }

    @Override
    public String toString() {
        return isAccepted() ? "accepted " + userId + "/" + token.id() : "rejected: " + rejection;
    }
}
