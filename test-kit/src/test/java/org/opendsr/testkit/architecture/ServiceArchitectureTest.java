package org.opendsr.testkit.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rules catch what they are for: each fixture under {@code fixtures} breaks exactly one rule and fails on it
 * alone; the compliant fixtures, cut by layer and by feature then layer, pass them all.
 */
class ServiceArchitectureTest {

    private static JavaClasses fixture(String name) {
        return new ClassFileImporter().importPackages("org.opendsr.testkit.architecture.fixtures." + name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"good", "byfeature"})
    void aCompliantServicePasses(String name) {
        JavaClasses service = fixture(name);
        assertThat(service).isNotEmpty();
        assertThat(ServiceArchitecture.isLayered(service)).isTrue();
        assertThatCode(() -> ServiceArchitecture.check(service)).doesNotThrowAnyException();
    }

    static Stream<Arguments> violations() {
        return Stream.of(
                Arguments.of("domainframework", ServiceArchitecture.DOMAIN_IS_PLAIN_JAVA),
                Arguments.of("domainsql", ServiceArchitecture.DOMAIN_IS_PLAIN_JAVA),
                Arguments.of("applicationrows", ServiceArchitecture.APPLICATION_DEPENDS_INWARDS),
                Arguments.of("applicationhttp", ServiceArchitecture.APPLICATION_DEPENDS_INWARDS),
                Arguments.of("featureapplicationrows", ServiceArchitecture.APPLICATION_DEPENDS_INWARDS),
                Arguments.of("adapterscross", ServiceArchitecture.ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER),
                Arguments.of("featureadapterscross", ServiceArchitecture.ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER),
                Arguments.of("httpinward", ServiceArchitecture.HTTP_REFUSALS_ONLY_IN_WEB_ADAPTERS),
                Arguments.of("webrefusal", ServiceArchitecture.REFUSALS_ARE_RULE_BROKEN),
                Arguments.of("besidethelayers", ServiceArchitecture.EVERY_CLASS_IN_A_LAYER),
                Arguments.of("edgewithdata", ServiceArchitecture.AN_EDGE_OWNS_NO_DATA));
    }

    @ParameterizedTest
    @MethodSource("violations")
    void eachFixtureBreaksItsRuleAndOnlyThatOne(String name, ArchRule broken) {
        JavaClasses service = fixture(name);
        assertThat(service).isNotEmpty();
        List<ArchRule> rules = ServiceArchitecture.rulesFor(service);
        assertThat(rules).contains(broken);
        for (ArchRule rule : rules) {
            assertThat(rule.evaluate(service).hasViolation()).as(rule.getDescription()).isEqualTo(rule == broken);
        }
        assertThatThrownBy(() -> ServiceArchitecture.check(service)).isInstanceOf(AssertionError.class)
                .satisfies(failure -> assertThat(failure.getSuppressed()).hasSize(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"good", "byfeature"})
    void aCompliantServiceBreaksNoRuleOfTheOtherKindEither(String name) {
        // The edge rule would refuse the persistence adapter: a layered service is not held to it.
        assertThat(ServiceArchitecture.rulesFor(fixture(name))).doesNotContain(ServiceArchitecture.AN_EDGE_OWNS_NO_DATA);
    }
}
