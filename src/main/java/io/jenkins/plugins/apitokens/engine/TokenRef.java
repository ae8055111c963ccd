package io.jenkins.plugins.apitokens.engine;

/** Names one token of one user, for bulk actions. */
public record TokenRef(String userId, String tokenId) {}
