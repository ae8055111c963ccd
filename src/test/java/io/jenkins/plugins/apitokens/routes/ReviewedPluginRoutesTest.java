package io.jenkins.plugins.apitokens.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jenkins.plugins.apitokens.engine.PluginRoutes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A plugin's routes apply from the version whose source was read on, as Jenkins orders plugin versions. */
class ReviewedPluginRoutesTest {

    @ParameterizedTest
    @CsvSource({
        "540.v14b_100d754dd, 540.v14b_100d754dd, true",
        "551.vdff487c5998c, 540.v14b_100d754dd, true",
        "2.12, 540.v14b_100d754dd, false",
        "539.vaaaaaaaaaaaa, 540.v14b_100d754dd, false",
        "2.41, 2.38, true",
        "2.37, 2.38, false",
        "2.38-SNAPSHOT, 2.38, false",
        "6.1100.ve9eed61d16c4, 6.1053.vd62fb_b_f7367b_, true",
        "6.1052.v0000, 6.1053.vd62fb_b_f7367b_, false",
        "4331.4333.v50a_b_076c5199, 4238.va_6fb_65c1f699, true",
        "2.2291.v2934911987b_6, 2.2277.v00573e73ddf1, true"
    })
    void appliesFromTheVersionRead(String installed, String reviewed, boolean applies) {
        assertEquals(applies, ReviewedPluginRoutes.isAtLeast(installed, reviewed));
    }

    @ParameterizedTest
    @CsvSource({
        "PIPELINE_INPUT, pipeline-input-step",
        "STAGE_VIEW, pipeline-rest-api",
        "PIPELINE_LOGS, workflow-job",
        "BRANCH_INDEXING, branch-api"
    })
    void theOwnerIsReadFirstAndNamesTheRoutes(PluginRoutes plugin, String owner) {
        assertEquals(owner, plugin.reviewed().get(0).plugin());
        assertEquals(owner, plugin.routes().get(0).origin());
    }
}
