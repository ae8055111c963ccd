package io.jenkins.plugins.apitokens.engine;

/**
 * A rule of the policy in force that an existing token breaks. Tokens made before the policy was tightened, and
 * core's own tokens (which cannot be made to fit it), may break it: they are marked, their owners told, and from
 * the administrator's enforcement date their requests are refused. Never revoked: relaxing the policy makes them
 * work again.
 */
public enum PolicyBreach {
    /** It expires later after its creation than the maximum lifetime allows. */
    LIFETIME_BEYOND_MAXIMUM,
    /** It never expires, and the policy requires an expiry. */
    NO_EXPIRY,
    /** Its scope is no longer one users may choose. */
    SCOPE_NOT_ALLOWED,
    /** It works everywhere, and the policy requires tokens limited to folders and jobs. */
    NOT_LIMITED,
    /** Its user holds more tokens than the per-user maximum, and it was made after the first that many. */
    BEYOND_MAXIMUM_COUNT;

    /** What the owner reads: the rule it breaks and what to do about it. */
    public EngineMessage describe(TokenPolicy policy) {
        return switch (this) {
            case LIFETIME_BEYOND_MAXIMUM ->
                EngineMessage.of("Breach.LIFETIME_BEYOND_MAXIMUM", TokenPolicy.describe(policy.getMaxLifetime()));
            case NO_EXPIRY -> EngineMessage.of("Breach.NO_EXPIRY");
            case SCOPE_NOT_ALLOWED ->
                EngineMessage.of("Breach.SCOPE_NOT_ALLOWED", TokenPolicy.scopeList(policy.getAllowedScopes()));
            case NOT_LIMITED -> EngineMessage.of("Breach.NOT_LIMITED");
            case BEYOND_MAXIMUM_COUNT -> EngineMessage.of("Breach.BEYOND_MAXIMUM_COUNT", policy.getMaxTokensPerUser());
        };
    }

    /** A short name for lists, JSON and the CLI, such as {@code no-expiry}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
