package io.jenkins.plugins.apitokens.engine;

/**
 * A decoy as it is kept: its description and the SHA-256 of its value (hex), never the value.
 *
 * @param sha256 the value's hash, as {@link StoredToken} keeps a token's; {@code null} while the decoy
 *     {@linkplain DecoyInfo#awaitingValue() awaits its value}
 */
public record StoredDecoy(DecoyInfo info, String sha256) {}
