package io.jenkins.plugins.apitokens.admin;

import hudson.Extension;
import hudson.ExtensionList;
import io.jenkins.plugins.apitokens.engine.AuditEvent;
import io.jenkins.plugins.apitokens.engine.AuditListener;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The most recent token events, newest first, for the administrators' audit page. Bounded, so a busy instance
 * (build tokens come and go with every build) cannot grow it without limit; the Jenkins log keeps everything.
 */
@Extension
@Restricted(NoExternalUse.class)
public class AuditTrail implements AuditListener {

    static final int RETAINED = 1000;

    private final Deque<AuditEvent> events = new ArrayDeque<>();

    public static AuditTrail get() {
        return ExtensionList.lookupSingleton(AuditTrail.class);
    }

    @Override
    public synchronized void onEvent(AuditEvent event) {
        events.addFirst(event);
        while (events.size() > RETAINED) {
            events.removeLast();
        }
    }

    public synchronized List<AuditEvent> getEvents() {
        return new ArrayList<>(events);
    }
}
