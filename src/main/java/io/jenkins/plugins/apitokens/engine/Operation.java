package io.jenkins.plugins.apitokens.engine;

/**
 * What a request does, as far as a token's {@link Scope} cares: it reads, it runs builds (starts, stops, cancels
 * them), or it changes anything else.
 */
public enum Operation {
    /** A GET or HEAD request: Jenkins answers it without changing anything. */
    READ,
    /** Starting a build (with or without parameters), stopping one, cancelling a queue item. */
    RUN,
    /** Every other request that may change something. */
    CHANGE;

    /**
     * What a request made with {@code method} does where no route says more: reading for GET and HEAD (spelled as
     * Jenkins compares them, exactly), a change otherwise.
     */
    public static Operation ofMethod(String method) {
        return "GET".equals(method) || "HEAD".equals(method) ? READ : CHANGE;
    }
}
