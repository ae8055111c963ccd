package io.jenkins.plugins.apitokens.auth;

import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.model.Queue;
import io.jenkins.plugins.apitokens.engine.TokenAccess;
import java.util.List;
import jenkins.model.Jenkins;

/**
 * What the token check asks Jenkins about items: the job a queue item would build, so that a token limited to that
 * job may follow (and cancel) what it started; and whether an item is a folder. This only narrows: Jenkins then
 * checks, as for any request, that the user may see or change the item. Core keeps a left queue item for a few
 * minutes, time enough for a script to read which build it became.
 */
final class JenkinsItems implements TokenAccess.Items {

    static final JenkinsItems INSTANCE = new JenkinsItems();

    private JenkinsItems() {}

    @Override
    public List<String> ownerOfQueueItem(long id) {
        Queue.Item item = Jenkins.get().getQueue().getItem(id);
        if (item == null) {
            return null;
        }
        Queue.Task owner = item.task.getOwnerTask();
        return owner instanceof Item job ? List.of(job.getFullName().split("/")) : null;
    }

    /** Looked up as the request's user; an item they cannot see counts as a folder, so a change to it is refused. */
    @Override
    public boolean isFolder(List<String> item) {
        Item found = Jenkins.get().getItemByFullName(String.join("/", item));
        return found == null || found instanceof ItemGroup;
    }
}
