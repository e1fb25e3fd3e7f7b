package org.opendsr.testkit.architecture;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * The {@link ServiceArchitecture} rules, run in every module that tests with the test kit: surefire scans the test
 * kit for this class ({@code dependenciesToScan} in the root pom), so no service has a file of its own for it. It
 * checks the module's own main classes ({@code dsr.architecture.classes}, set by the root pom to the module's
 * output directory). Only services are checked (a module with an {@code application.yml}); one without main classes
 * (a service still to be written) skips. There is no per-service exception to the rules.
 */
class ServiceArchitectureContractTest {

    @Test
    void theServiceFollowsTheOneArchitecture() {
        Path output = Paths.get(System.getProperty("dsr.architecture.classes", "target/classes"));
        assumeTrue(Files.isDirectory(output), "no main classes in this module");
        // A service is configured by its application.yml; the kit, the test kit and the journeys are not services.
        assumeTrue(Files.exists(output.resolve("application.yml")), "not a service (no application.yml)");
        // Micronaut's generated bean definitions ($Foo$Definition) repeat the source's dependencies plus the
        // framework's own: the rules are about the code people write.
        JavaClasses service = new ClassFileImporter()
                .withImportOption(location -> !location.contains("/$"))
                .importPath(output);
        assumeTrue(!service.isEmpty(), "no main classes in this module");
        ServiceArchitecture.check(service);
    }
}
