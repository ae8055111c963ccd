package io.jenkins.plugins.apitokens.pipeline;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.util.Secret;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;

/** Adds variables to a block's environment, keeping them encrypted wherever the program is saved. */
final class SecretEnvironment extends EnvironmentExpander {

    private static final long serialVersionUID = 1L;

    private final Map<String, Secret> values = new LinkedHashMap<>();
    private final String sensitive;

    SecretEnvironment(Map<String, String> plain, String sensitive) {
        plain.forEach((name, value) -> values.put(name, Secret.fromString(value)));
        this.sensitive = sensitive;
    }

    @Override
    public void expand(@NonNull EnvVars env) {
        values.forEach((name, value) -> env.override(name, value.getPlainText()));
    }

    @NonNull
    @Override
    public Set<String> getSensitiveVariables() {
        return Set.of(sensitive);
    }
}
