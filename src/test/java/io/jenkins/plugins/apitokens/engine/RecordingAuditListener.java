package io.jenkins.plugins.apitokens.engine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every audit event for assertions. */
final class RecordingAuditListener implements AuditListener {

    final List<AuditEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(AuditEvent event) {
        events.add(event);
    }

    List<AuditEventType> types() {
        return events.stream().map(AuditEvent::type).toList();
    }
}
