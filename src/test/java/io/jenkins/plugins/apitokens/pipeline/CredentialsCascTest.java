package io.jenkins.plugins.apitokens.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import java.util.List;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.Test;

@WithJenkinsConfiguredWithCode
class CredentialsCascTest {

    @Test
    @ConfiguredWithCode("credentials.yaml")
    void credentialIsReadFromYaml(JenkinsConfiguredWithCodeRule r) {
        List<JenkinsApiTokenCredentials> found = CredentialsProvider.lookupCredentialsInItemGroup(
                JenkinsApiTokenCredentials.class, Jenkins.get(), null, List.of());
        assertEquals(1, found.size());
        JenkinsApiTokenCredentials credentials = found.get(0);
        assertEquals("other-jenkins", credentials.getId());
        assertEquals("deployer", credentials.getUsername());
        assertEquals("jnkapi_example", credentials.getPassword().getPlainText());
        assertEquals("https://other.example.com/", credentials.getJenkinsUrl());
    }
}
