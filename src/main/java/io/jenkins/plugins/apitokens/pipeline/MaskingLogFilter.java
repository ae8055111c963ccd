package io.jenkins.plugins.apitokens.pipeline;

import hudson.console.ConsoleLogFilter;
import hudson.model.Run;
import hudson.util.Secret;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.List;
import java.util.regex.Pattern;
import org.jenkinsci.plugins.credentialsbinding.masking.SecretPatterns;

/**
 * Masks a token in the build log, with the Credentials Binding plugin's patterns (which also catch the usual shell
 * quotings of it). The pattern is kept encrypted, as it contains the token.
 */
final class MaskingLogFilter extends ConsoleLogFilter implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Secret pattern;
    private final String charsetName;

    MaskingLogFilter(String secret, String charsetName) {
        this.pattern = Secret.fromString(
                SecretPatterns.getAggregateSecretPattern(List.of(secret)).pattern());
        this.charsetName = charsetName;
    }

    @Override
    public OutputStream decorateLogger(Run build, OutputStream logger) {
        return new SecretPatterns.MaskingOutputStream(
                logger, () -> Pattern.compile(pattern.getPlainText()), charsetName);
    }
}
