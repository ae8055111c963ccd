package io.jenkins.plugins.apitokens.engine;

import java.util.List;

/**
 * Decides whether a request made with a token stays within the token's {@link Scope} and {@link Reach}. It only ever
 * narrows: a request it allows is then checked by Jenkins against what the token's user may do, as any other. It
 * fails closed: a limited token's request is allowed only when its route is known to lead inside an item in reach.
 */
public final class TokenAccess {

    /** The verdict on one request. */
    public enum Decision {
        ALLOWED,
        /** The request does more than the token's scope permits. */
        SCOPE_REFUSES,
        /** The request goes outside the items the token is limited to, or somewhere not known to be inside them. */
        OUTSIDE_REACH,
        /** The path cannot be read safely (path parameters, dot segments, encoded separators). */
        NOT_UNDERSTOOD
    }

    /** Where queue items belong, which only Jenkins knows. */
    @FunctionalInterface
    public interface QueueItems {
        /** The full name of the item that queue item {@code id} would build, a name per element; {@code null} if unknown. */
        List<String> ownerOf(long id);
    }

    private TokenAccess() {}

    /**
     * @param path the request's path below Jenkins' context path, still URL-encoded
     * @param idParameter the request's {@code id} parameter, read only for core's {@code /queue/cancelItem}
     */
    public static Decision decide(
            Scope scope, Reach reach, String method, String path, String idParameter, QueueItems queue) {
        if (reach.isEverywhere()) {
            if (scope == Scope.FULL) {
                return Decision.ALLOWED; // the common case costs nothing more than before
            }
            Operation operation = RequestRoute.of(path).operation(method);
            return scope.permits(operation) ? Decision.ALLOWED : Decision.SCOPE_REFUSES;
        }
        RequestRoute route = RequestRoute.of(path);
        if (route.kind() == RequestRoute.Kind.MALFORMED) {
            return Decision.NOT_UNDERSTOOD;
        }
        List<String> item =
                switch (route.kind()) {
                    case ITEM -> route.item();
                    case QUEUE_ITEM -> queue.ownerOf(route.queueId());
                    case QUEUE_ITEM_BY_PARAMETER -> ownerOfParameter(idParameter, queue);
                    case ELSEWHERE, MALFORMED -> null;
                };
        if (item == null || !reach.contains(item)) {
            return Decision.OUTSIDE_REACH;
        }
        return scope.permits(route.operation(method)) ? Decision.ALLOWED : Decision.SCOPE_REFUSES;
    }

    private static List<String> ownerOfParameter(String id, QueueItems queue) {
        try {
            return id == null ? null : queue.ownerOf(Long.parseLong(id.strip()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
