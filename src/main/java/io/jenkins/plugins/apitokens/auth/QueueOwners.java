package io.jenkins.plugins.apitokens.auth;

import hudson.model.Item;
import hudson.model.Queue;
import io.jenkins.plugins.apitokens.engine.TokenAccess;
import java.util.List;
import jenkins.model.Jenkins;

/**
 * Finds the item a queue item would build, so that a token limited to that item may follow (and cancel) what it
 * started. This only narrows: Jenkins then checks, as for any request, that the user may see or cancel the queue
 * item. Core keeps a left queue item for a few minutes, time enough for a script to read which build it became.
 */
final class QueueOwners implements TokenAccess.QueueItems {

    static final QueueOwners INSTANCE = new QueueOwners();

    private QueueOwners() {}

    @Override
    public List<String> ownerOf(long id) {
        Queue.Item item = Jenkins.get().getQueue().getItem(id);
        if (item == null) {
            return null;
        }
        Queue.Task owner = item.task.getOwnerTask();
        return owner instanceof Item job ? List.of(job.getFullName().split("/")) : null;
    }
}
