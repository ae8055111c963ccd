package io.jenkins.plugins.apitokens.engine;

/** A decoy with its value: returned once, when it is made, for the administrator to plant. */
public record NewDecoy(DecoyInfo decoy, String value) {

    /** Never the value: a record printed into a log or an exception must not leak it. */
    @Override
    public String toString() {
        return "NewDecoy[" + decoy + ", value=****]";
    }
}
