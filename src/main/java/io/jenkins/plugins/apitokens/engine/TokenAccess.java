package io.jenkins.plugins.apitokens.engine;

import java.util.List;
import java.util.function.Supplier;

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
        /**
         * A limited token would change a folder: a folder's configuration holds credentials and the permissions of
         * everything in it, which no token limited to items may manage.
         */
        FOLDER_CHANGE,
        /** The path cannot be read safely (path parameters, dot segments, encoded separators). */
        NOT_UNDERSTOOD
    }

    /** What only Jenkins knows about its items. */
    public interface Items {
        /** The full name of the item that queue item {@code id} would build, a name per element; {@code null} if unknown. */
        List<String> ownerOfQueueItem(long id);

        /** Whether the item is a folder (anything that holds items); {@code true} when in doubt. */
        boolean isFolder(List<String> item);
    }

    private TokenAccess() {}

    /**
     * @param path the request's path below Jenkins' context path, still URL-encoded
     * @param idParameter the request's {@code id} parameter, asked for only for core's {@code /queue/cancelItem}
     * @param routes the routes below items that limited tokens may take, asked for only when a route is read
     */
    public static Decision decide(
            Scope scope,
            Reach reach,
            String method,
            String path,
            Supplier<String> idParameter,
            Items items,
            Supplier<RouteTable> routes) {
        if (reach.isEverywhere() && scope == Scope.FULL) {
            return Decision.ALLOWED; // the common case costs nothing more than before
        }
        RequestRoute route = routes.get().route(path);
        if (route.kind() == RequestRoute.Kind.MALFORMED) {
            return Decision.NOT_UNDERSTOOD; // Stapler may still route it (it collapses "//"): do not guess
        }
        if (reach.isEverywhere()) {
            return scope.permits(route.operation(method)) ? Decision.ALLOWED : Decision.SCOPE_REFUSES;
        }
        List<String> item =
                switch (route.kind()) {
                    case ITEM -> route.item();
                    case QUEUE_ITEM -> items.ownerOfQueueItem(route.queueId());
                    case QUEUE_ITEM_BY_PARAMETER -> ownerOfParameter(idParameter.get(), items);
                    case ELSEWHERE, MALFORMED -> null;
                };
        if (item == null || !reach.contains(item)) {
            return Decision.OUTSIDE_REACH;
        }
        Operation operation = route.operation(method);
        if (!scope.permits(operation)) {
            return Decision.SCOPE_REFUSES;
        }
        if (operation == Operation.CHANGE && items.isFolder(item)) {
            return Decision.FOLDER_CHANGE;
        }
        return Decision.ALLOWED;
    }

    private static List<String> ownerOfParameter(String id, Items items) {
        try {
            return id == null ? null : items.ownerOfQueueItem(Long.parseLong(id.strip()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
