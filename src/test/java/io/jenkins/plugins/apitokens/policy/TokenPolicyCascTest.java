package io.jenkins.plugins.apitokens.policy;

import static io.jenkins.plugins.casc.misc.Util.getSecurityRoot;
import static io.jenkins.plugins.casc.misc.Util.toStringFromYamlFile;
import static io.jenkins.plugins.casc.misc.Util.toYamlString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import io.jenkins.plugins.casc.model.CNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@WithJenkinsConfiguredWithCode
class TokenPolicyCascTest {

    @Test
    @ConfiguredWithCode("policy.yaml")
    void policyIsImportedFromYaml(JenkinsConfiguredWithCodeRule r) {
        TokenPolicyConfiguration config = TokenPolicyConfiguration.get();
        assertTrue(config.isExpiryRequired());
        assertEquals(90, config.getMaxLifetimeDays());
        assertEquals(30, config.getDefaultLifetimeDays());
        assertFalse(config.isFullScopeAllowed());
        assertFalse(config.isBuildTokenFullAccessAllowed());
        assertTrue(config.isItemLimitRequired());
        assertEquals(
                java.util.Set.of(
                        io.jenkins.plugins.apitokens.engine.Scope.RUN_BUILDS,
                        io.jenkins.plugins.apitokens.engine.Scope.READ_ONLY),
                TokenEngine.get().service().policy().getAllowedScopes());
        assertTrue(TokenEngine.get().service().policy().isItemLimitRequired());
        assertEquals(Duration.ofDays(90), TokenEngine.get().service().policy().getMaxLifetime());
        assertEquals(
                java.util.List.of(14, 2), TokenEngine.get().service().policy().getExpiryWarningDays());
    }

    @Test
    @ConfiguredWithCode("policy.yaml")
    void exportRoundTrips(JenkinsConfiguredWithCodeRule r) throws Exception {
        ConfiguratorRegistry registry = ConfiguratorRegistry.get();
        ConfigurationContext context = new ConfigurationContext(registry);
        CNode security = getSecurityRoot(context).get("apiTokenManager");
        String exported = toYamlString(security);
        String expected = toStringFromYamlFile(this, "policy-expected.yaml");
        assertEquals(expected, exported);
    }
}
