package io.jenkins.plugins.apitokens.engine;

/**
 * Where notices go (an e-mail, a chat): the Jenkins layer's. The sweep delivers each notice once; a notice the
 * channel cannot deliver now is offered again at the next sweep.
 */
@FunctionalInterface
public interface NoticeChannel {

    /** Nowhere: every notice counts as delivered. */
    NoticeChannel NONE = notice -> true;

    /** @return whether the notice went out (or had nowhere to go); {@code false} to be offered again later */
    boolean deliver(TokenNotice notice);
}
