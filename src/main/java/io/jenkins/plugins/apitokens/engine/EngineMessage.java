package io.jenkins.plugins.apitokens.engine;

import java.io.Serializable;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Supplier;

/**
 * A sentence the engine says to a person (a refusal, a label), in the reader's language: kept as a key of
 * {@code EngineMessages.properties} beside this class and its arguments, and worded only when read. Refusals reach
 * the form, REST and the CLI, so the Jenkins layer tells the engine whose language to use, as Jenkins' own messages
 * do; by default, and for any language without a translation, the words are English.
 */
public final class EngineMessage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String BUNDLE = "io.jenkins.plugins.apitokens.engine.EngineMessages";
    /** Without it, a language with no translation would fall back to the JVM's language rather than English. */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private static volatile Supplier<Locale> readerLocale = () -> Locale.ENGLISH;

    private final String key;
    private final Serializable[] args;

    private EngineMessage(String key, Serializable... args) {
        this.key = key;
        this.args = args.clone();
    }

    static EngineMessage of(String key, Serializable... args) {
        return new EngineMessage(key, args);
    }

    /** Whose language {@link #toString()} speaks from now on: the Jenkins layer passes the current request's. */
    public static void readIn(Supplier<Locale> locale) {
        readerLocale = locale;
    }

    /** The sentence in {@code locale}, or in English where it has no translation. */
    public String in(Locale locale) {
        ResourceBundle bundle =
                ResourceBundle.getBundle(BUNDLE, locale, EngineMessage.class.getClassLoader(), NO_FALLBACK);
        // A translation's bundle has the English one as its parent: a sentence it lacks is read from there.
        String pattern = bundle.getString(key);
        Object[] worded = Arrays.stream(args)
                .map(arg -> arg instanceof EngineMessage message ? message.in(locale) : arg)
                .toArray();
        return new MessageFormat(pattern, locale).format(worded);
    }

    /** The sentence in the reader's language. */
    @Override
    public String toString() {
        Locale locale = readerLocale.get();
        return in(locale == null ? Locale.ENGLISH : locale);
    }
}
