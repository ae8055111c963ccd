package io.jenkins.plugins.apitokens;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * The packages of the plugin form no cycle, the root package (the engine's wiring) included: a package can then be
 * read, tested and moved knowing only the packages below it.
 */
class PackageArchitectureTest {

    private static final String ROOT = "io.jenkins.plugins.apitokens";

    private static final JavaClasses PLUGIN = new ClassFileImporter()
            .withImportOption(location -> !location.contains("/test-classes/"))
            .importPackages(ROOT);

    /** One slice per first-level package, and one for the classes in the root package itself. */
    private static final SliceAssignment FIRST_LEVEL_PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            if (name.equals(ROOT)) {
                return SliceIdentifier.of("(root)");
            }
            if (!name.startsWith(ROOT + ".")) {
                return SliceIdentifier.ignore();
            }
            String rest = name.substring(ROOT.length() + 1);
            int dot = rest.indexOf('.');
            return SliceIdentifier.of(dot < 0 ? rest : rest.substring(0, dot));
        }

        @Override
        public String getDescription() {
            return "first-level packages of " + ROOT;
        }
    };

    @Test
    void packagesFormNoCycle() {
        slices().assignedFrom(FIRST_LEVEL_PACKAGES).should().beFreeOfCycles().check(PLUGIN);
    }
}
