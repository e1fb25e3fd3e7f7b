package org.opendsr.consent.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The consent rules are plain Java: no framework, database or web in the domain, so they read and test as policy. */
class DomainIsPlainJavaTest {

    private final JavaClasses consentService = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.opendsr.consent");

    @Test
    void theDomainDependsOnlyOnJavaAndThePublishedVocabulary() {
        classes().that().resideInAPackage("org.opendsr.consent.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java..", "org.opendsr.consent.domain..",
                        // The DSR's published words (bases, reasons, age bands), as enums; not the event records.
                        "org.opendsr.contracts.common..", "org.opendsr.contracts.consent..",
                        "org.opendsr.contracts.referral..")
                .check(consentService);
    }
}
