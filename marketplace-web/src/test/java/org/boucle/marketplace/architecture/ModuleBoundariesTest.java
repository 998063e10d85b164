package org.boucle.marketplace.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine and the indexer are libraries the application uses through their published API:
 * they never reach back into it, and the engine's domain stays free of web and persistence frameworks.
 */
class ModuleBoundariesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.boucle");
    }

    @Test
    void theAllocationEngineDoesNotDependOnTheMarketplace() {
        noClasses().that().resideInAPackage("org.boucle.engine..")
                .should().dependOnClassesThat().resideInAPackage("org.boucle.marketplace..")
                .check(classes);
    }

    @Test
    void theSearchIndexerDoesNotDependOnTheMarketplace() {
        noClasses().that().resideInAPackage("org.boucle.search..")
                .should().dependOnClassesThat().resideInAPackage("org.boucle.marketplace..")
                .check(classes);
    }

    @Test
    void theAllocationEngineIsFreeOfSpringWebAndJpa() {
        noClasses().that().resideInAPackage("org.boucle.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                        "org.hibernate..", "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void theSearchIndexerIsFreeOfJpa() {
        noClasses().that().resideInAPackage("org.boucle.search..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate..",
                        "org.springframework.data.jpa..")
                .check(classes);
    }
}
