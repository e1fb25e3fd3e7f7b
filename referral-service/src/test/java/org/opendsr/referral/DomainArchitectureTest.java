package org.opendsr.referral;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The DSR rules are plain Java: no framework, no database, no web, and nothing from the service's outer layers. */
class DomainArchitectureTest {

    private static final JavaClasses REFERRAL_SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.opendsr.referral");

    @Test
    void theDomainKnowsNoFrameworkAndNoAdapter() {
        noClasses().that().resideInAPackage("org.opendsr.referral..domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.micronaut..", "jakarta..", "java.sql..", "javax.sql..", "org.apache.kafka..",
                        "com.fasterxml..", "org.slf4j..", "org.opendsr.kit..",
                        "org.opendsr.referral..application..", "org.opendsr.referral..adapters..")
                .check(REFERRAL_SERVICE);
    }

    @Test
    void theApplicationDoesNotReachIntoTheWebOrMessagingAdapters() {
        noClasses().that().resideInAPackage("org.opendsr.referral..application..")
                .should().dependOnClassesThat().resideInAnyPackage("org.opendsr.referral..adapters.web..",
                        "org.opendsr.referral..adapters.messaging..", "org.opendsr.referral..adapters.scheduling..")
                .check(REFERRAL_SERVICE);
    }
}
