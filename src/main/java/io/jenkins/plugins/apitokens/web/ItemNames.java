package io.jenkins.plugins.apitokens.web;

import hudson.model.AutoCompletionCandidates;
import hudson.model.Item;
import io.jenkins.plugins.apitokens.engine.Reach;
import io.jenkins.plugins.apitokens.engine.TokenRuleException;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** The folders and jobs a token may be limited to, as the current user sees them. */
@Restricted(NoExternalUse.class)
public final class ItemNames {

    private ItemNames() {}

    /**
     * The reach with each item's full name as Jenkins spells it. A name of an item that does not exist, or that the
     * current user cannot see, is refused: such a token would work nowhere, which is never what was meant.
     *
     * @throws TokenRuleException naming the first such item
     */
    public static Reach visible(Reach reach) {
        if (reach.isEverywhere()) {
            return reach;
        }
        List<String> names = new ArrayList<>();
        for (String name : reach.items()) {
            Item item = Jenkins.get().getItemByFullName(name);
            if (item == null) {
                throw new TokenRuleException(Messages.ItemNames_Unknown(name));
            }
            names.add(item.getFullName());
        }
        return Reach.of(names);
    }

    /** Full names of the items the current user can see that complete the last name of a comma-separated list. */
    public static AutoCompletionCandidates complete(String value) {
        String text = value == null ? "" : value;
        String last = text.substring(text.lastIndexOf(',') + 1).strip();
        return AutoCompletionCandidates.ofJobNames(Item.class, last, Jenkins.get());
    }
}
