package io.jenkins.plugins.apitokens.engine;

/** What a token's owner is told about. */
public enum NoticeType {
    /** The token expires within one of the policy's warning periods. */
    EXPIRING,
    /** The token has expired. */
    EXPIRED,
    /** The policy will revoke the token for disuse within a week. */
    UNUSED,
    /** The token was used from an address it had not been used from (the owner asked to be told). */
    NEW_PLACE,
    /** The old value of a token rotated with a grace period is still used, and stops working within the hour. */
    RETIRING_IN_USE,
    /** The token was revoked because its value was reported leaked; the place is the reporter's address. */
    LEAK_REVOKED,
    /**
     * The token breaks the policy in force and is refused from the enforcement date (the notice's time); the place
     * says which rules it breaks and what to do.
     */
    BREAKS_POLICY
}
