package io.jenkins.plugins.apitokens.policy;

import hudson.Extension;
import io.jenkins.plugins.casc.Attribute;
import io.jenkins.plugins.casc.BaseConfigurator;
import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorException;
import io.jenkins.plugins.casc.model.CNode;
import io.jenkins.plugins.casc.model.Mapping;
import java.util.Map;
import java.util.regex.Pattern;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Configuration as Code for the token policy, as JCasC does it for any global configuration, with one more check:
 * JCasC turns a word where a number or a yes/no is expected into 0 or false before a setter sees it, so
 * {@code maxLifetimeDays: abc} would quietly mean "no limit" and {@code fullScopeAllowed: admin} "no". Here such a
 * value fails the apply, naming the attribute, before anything is set (in JCasC's dry run too). The policy's own
 * rules are checked when the block is committed ({@link TokenPolicyConfiguration#save()}).
 */
@Extension(optional = true)
@Restricted(NoExternalUse.class)
public class TokenPolicyCasc extends BaseConfigurator<TokenPolicyConfiguration> {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,9}");
    private static final Pattern YES_OR_NO = Pattern.compile("(?i)true|false");

    @Override
    public Class<TokenPolicyConfiguration> getTarget() {
        return TokenPolicyConfiguration.class;
    }

    @Override
    protected TokenPolicyConfiguration instance(Mapping mapping, ConfigurationContext context) {
        return TokenPolicyConfiguration.get();
    }

    @Override
    protected void configure(
            Mapping config, TokenPolicyConfiguration instance, boolean dryrun, ConfigurationContext context)
            throws ConfiguratorException {
        for (Attribute<TokenPolicyConfiguration, ?> attribute : describe()) {
            for (Map.Entry<String, CNode> entry : config.entrySet()) {
                if (entry.getKey().equalsIgnoreCase(attribute.getName())) {
                    checkScalar(attribute, entry.getValue());
                }
            }
        }
        super.configure(config, instance, dryrun, context);
    }

    private void checkScalar(Attribute<TokenPolicyConfiguration, ?> attribute, CNode node)
            throws ConfiguratorException {
        Class<?> type = attribute.getType();
        boolean number = type == int.class || type == Integer.class;
        boolean yesOrNo = type == boolean.class || type == Boolean.class;
        if (!number && !yesOrNo) {
            return;
        }
        String text = node.asScalar().getValue().strip();
        if (!(number ? WHOLE_NUMBER : YES_OR_NO).matcher(text).matches()) {
            throw new ConfiguratorException(
                    this,
                    attribute.getName() + ": '" + text + "' is not " + (number ? "a whole number" : "true or false")
                            + ".");
        }
    }
}
