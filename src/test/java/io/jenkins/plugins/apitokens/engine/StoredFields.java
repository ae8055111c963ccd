package io.jenkins.plugins.apitokens.engine;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/** The text of every persisted (non-transient) field of the stored objects, as XStream would see them. */
final class StoredFields {

    private StoredFields() {}

    static List<String> textOf(UserTokens tokens) {
        List<String> texts = new ArrayList<>();
        synchronized (tokens) {
            for (StoredToken token : tokens.all()) {
                for (Field field : StoredToken.class.getDeclaredFields()) {
                    if (Modifier.isTransient(field.getModifiers()) || Modifier.isStatic(field.getModifiers())) {
                        continue;
                    }
                    try {
                        field.setAccessible(true);
                        texts.add(String.valueOf(field.get(token)));
                    } catch (IllegalAccessException e) {
                        throw new AssertionError(e);
                    }
                }
            }
        }
        return texts;
    }
}
