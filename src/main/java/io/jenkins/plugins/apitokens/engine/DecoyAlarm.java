package io.jenkins.plugins.apitokens.engine;

/** Where alerts of tried decoys go (the administrators' mail, a chat, a ticket): the Jenkins layer's. */
@FunctionalInterface
public interface DecoyAlarm {

    DecoyAlarm NONE = alert -> {};

    /** Called once per use, never on the thread of the request that tried the decoy. */
    void sound(DecoyAlert alert);
}
