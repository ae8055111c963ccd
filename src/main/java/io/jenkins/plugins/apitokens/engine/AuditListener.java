package io.jenkins.plugins.apitokens.engine;

/** Receives every audit event; called after the change is saved, outside the engine's locks. */
@FunctionalInterface
public interface AuditListener {

    AuditListener NONE = event -> {};

    void onEvent(AuditEvent event);
}
