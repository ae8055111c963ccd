package io.jenkins.plugins.apitokens.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The engine stays plain Java: the build fails the day it reaches for Jenkins, Stapler, Jelly or a library. */
class EngineArchitectureTest {

    /** Production classes only, whichever build (plugin or engine-only) compiled them. */
    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(location -> !location.contains("/test-classes/"))
            .importPackages("io.jenkins.plugins.apitokens.engine");

    @Test
    void engineDependsOnlyOnTheJdk() {
        classes()
                .that()
                .resideInAPackage("io.jenkins.plugins.apitokens.engine..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("io.jenkins.plugins.apitokens.engine..", "java..")
                .because("the engine must build and test without Jenkins")
                .check(ENGINE);
    }
}
