package org.opendsr.risk.updates.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opendsr.contracts.common.LifeStage.ADULT;
import static org.opendsr.contracts.common.LifeStage.CHILD;
import static org.opendsr.contracts.common.RagRating.AMBER;
import static org.opendsr.contracts.common.RagRating.BLUE;
import static org.opendsr.contracts.common.RagRating.GREEN;
import static org.opendsr.contracts.common.RagRating.RED;

import java.time.Period;
import java.util.Map;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import org.junit.jupiter.api.Test;
import org.opendsr.risk.updates.domain.UpdateCadence;

/** {@code dsr.risk.updates.*} as an ICB sets it: defaults, per-area overrides, and refusal at start-up. */
class UpdateCadenceSettingsTest {

    private static UpdateCadence configured(Map<String, Object> properties) {
        // Only the environment (no beans): the settings read it as the service does at start-up.
        try (ApplicationContext context = ApplicationContext.builder().environments("updates-settings")
                .propertySources(PropertySource.of("test", properties)).build()) {
            Environment environment = context.getEnvironment().start();
            return new UpdateCadenceSettings().updateCadence(environment);
        }
    }

    @Test
    void withNothingSetTheDsrDefaultsApply() {
        UpdateCadence cadence = configured(Map.of());

        assertThat(cadence.of(RED, ADULT, null)).isEqualTo(Period.ofDays(14));
        assertThat(cadence.of(AMBER, ADULT, null)).isEqualTo(Period.ofDays(14));
        assertThat(cadence.of(GREEN, ADULT, null)).isEqualTo(Period.ofMonths(1));
        assertThat(cadence.of(BLUE, CHILD, null)).isEqualTo(Period.ofWeeks(6));
        assertThat(cadence.of(BLUE, ADULT, null)).isEqualTo(Period.ofWeeks(8));
    }

    @Test
    void aDefaultAndAnAreasOwnCadenceCanBeSet() {
        UpdateCadence cadence = configured(Map.of(
                "dsr.risk.updates.cadence.green", "P21D",
                "dsr.risk.updates.areas.SWINDON.green", "P14D",
                "dsr.risk.updates.areas.SWINDON.blue-adult", "P6W"));

        assertThat(cadence.of(GREEN, ADULT, "WILTSHIRE")).isEqualTo(Period.ofDays(21));
        assertThat(cadence.of(GREEN, ADULT, "SWINDON")).isEqualTo(Period.ofDays(14));
        assertThat(cadence.of(BLUE, ADULT, "SWINDON")).isEqualTo(Period.ofDays(42));
        assertThat(cadence.of(RED, ADULT, "SWINDON")).isEqualTo(Period.ofDays(14));
    }

    @Test
    void anEnvironmentVariablesSpellingsNameTheSameAreaAndRating() {
        // DSR_RISK_UPDATES_AREAS_NORTH_EAST_BLUE_ADULT=P4W reaches the service in spellings like these.
        UpdateCadence cadence = configured(Map.of(
                "dsr.risk.updates.areas.north.east.blue.adult", "P4W",
                "dsr.risk.updates.areas.north-east.blue-adult", "P4W",
                "dsr.risk.updates.areas.north-east-green", "P10D"));

        assertThat(cadence.of(BLUE, ADULT, "NORTH-EAST")).isEqualTo(Period.ofDays(28));
        assertThat(cadence.of(BLUE, ADULT, "North East")).isEqualTo(Period.ofDays(28));
        assertThat(cadence.of(GREEN, ADULT, "NORTH_EAST")).isEqualTo(Period.ofDays(10));
        assertThat(cadence.of(BLUE, CHILD, "NORTH-EAST")).isEqualTo(Period.ofWeeks(6));
    }

    @Test
    void aCadenceThatIsNotAPositivePeriodIsRefused() {
        assertThatThrownBy(() -> configured(Map.of("dsr.risk.updates.cadence.red", "fortnightly")))
                .hasMessageContaining("dsr.risk.updates.cadence.red");
        assertThatThrownBy(() -> configured(Map.of("dsr.risk.updates.cadence.amber", "P0D")))
                .hasMessageContaining("dsr.risk.updates.cadence.amber");
        assertThatThrownBy(() -> configured(Map.of("dsr.risk.updates.areas.SWINDON.green", "-P1M")))
                .hasMessageContaining("SWINDON");
        assertThatThrownBy(() -> configured(Map.of("dsr.risk.updates.areas.SWINDON.purple", "P1M")))
                .hasMessageContaining("purple");
    }
}
