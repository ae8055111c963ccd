package io.jenkins.plugins.apitokens.engine;

import java.io.IOException;
import java.util.List;

/** Where decoys live: one file for the instance in the Jenkins layer, memory in tests. */
public interface DecoyStore {

    /** Every decoy kept; empty when there are none. */
    List<StoredDecoy> load() throws IOException;

    /** Replaces what is kept, atomically: a crash leaves the old list or the new one. */
    void save(List<StoredDecoy> decoys) throws IOException;
}
