package org.opendsr.risk.updates.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opendsr.contracts.common.LifeStage.ADULT;
import static org.opendsr.contracts.common.LifeStage.CHILD;
import static org.opendsr.contracts.common.RagRating.AMBER;
import static org.opendsr.contracts.common.RagRating.BLUE;
import static org.opendsr.contracts.common.RagRating.GREEN;
import static org.opendsr.contracts.common.RagRating.RED;

import java.time.LocalDate;
import java.time.Period;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * DOMAIN.md "Risk rating", updates box, after the Staffordshire DSR guidance: updates "a minimum of fortnightly for
 * people rated as Red and Amber and monthly for people rated Green on the register"; BLUE in step with the
 * commissioner oversight visits (6-weekly for a child, 8-weekly for an adult).
 */
class UpdateCadenceTest {

    private final UpdateCadence cadence = UpdateCadence.dsrDefault();

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    @Nested
    @DisplayName("The DSR defaults")
    class Defaults {

        @Test
        void redAndAmberAreFortnightly() {
            assertThat(cadence.of(RED, ADULT, null)).isEqualTo(Period.ofDays(14));
            assertThat(cadence.of(AMBER, CHILD, null)).isEqualTo(Period.ofDays(14));
        }

        @Test
        void greenIsMonthly() {
            assertThat(cadence.of(GREEN, ADULT, null)).isEqualTo(Period.ofMonths(1));
        }

        @Test
        void blueFollowsTheOversightVisitsSixWeeklyForAChildEightWeeklyForAnAdult() {
            assertThat(cadence.of(BLUE, CHILD, null)).isEqualTo(Period.ofDays(42));
            assertThat(cadence.of(BLUE, ADULT, null)).isEqualTo(Period.ofDays(56));
        }

        @Test
        void aBluePersonWhoseLifeStageIsNotKnownHasTheMoreFrequentChildCadence() {
            assertThat(cadence.of(BLUE, null, null)).isEqualTo(Period.ofWeeks(6));
        }

        @Test
        void redAndAmberDoNotDependOnLifeStage() {
            assertThat(cadence.of(RED, CHILD, null)).isEqualTo(cadence.of(RED, ADULT, null));
        }
    }

    @Nested
    @DisplayName("An update is due a cadence after the last one")
    class DueDates {

        @Test
        void aRedUpdateIsDue14DaysAfterTheLastOne() {
            assertThat(UpdateCadence.dueAfter(day("2026-12-03"), cadence.of(RED, ADULT, null)))
                    .isEqualTo(day("2026-12-17"));
        }

        @Test
        void aGreenUpdateFrom31JanuaryIsDueOnTheLastDayOfFebruaryNotInMarch() {
            assertThat(UpdateCadence.dueAfter(day("2027-01-31"), cadence.of(GREEN, ADULT, null)))
                    .isEqualTo(day("2027-02-28"));
            assertThat(UpdateCadence.dueAfter(day("2028-01-31"), cadence.of(GREEN, ADULT, null)))
                    .isEqualTo(day("2028-02-29"));
        }

        @Test
        void aGreenUpdateFrom31MarchIsDueOn30April() {
            assertThat(UpdateCadence.dueAfter(day("2027-03-31"), Period.ofMonths(1))).isEqualTo(day("2027-04-30"));
        }

        @Test
        void aGreenUpdateFrom15DecemberIsDueOn15JanuaryOfTheNextYear() {
            assertThat(UpdateCadence.dueAfter(day("2026-12-15"), Period.ofMonths(1))).isEqualTo(day("2027-01-15"));
        }
    }

    @Nested
    @DisplayName("An area may set its own cadence")
    class PerArea {

        private final UpdateCadence weeklyRedInNorth = new UpdateCadence(UpdateCadence.defaultPeriods(),
                Map.of("NORTH", Map.of(CadenceRating.RED, Period.ofDays(7))));

        @Test
        void theAreasOverrideApplies() {
            assertThat(weeklyRedInNorth.of(RED, ADULT, "NORTH")).isEqualTo(Period.ofDays(7));
        }

        @Test
        void theAreaIsMatchedWhateverItsCase() {
            assertThat(weeklyRedInNorth.of(RED, ADULT, "north")).isEqualTo(Period.ofDays(7));
        }

        @Test
        void ratingsTheAreaDoesNotOverrideKeepTheDefault() {
            assertThat(weeklyRedInNorth.of(AMBER, ADULT, "NORTH")).isEqualTo(Period.ofDays(14));
        }

        @Test
        void otherAreasAndPeopleWithNoKnownAreaKeepTheDefault() {
            assertThat(weeklyRedInNorth.of(RED, ADULT, "SOUTH")).isEqualTo(Period.ofDays(14));
            assertThat(weeklyRedInNorth.of(RED, ADULT, null)).isEqualTo(Period.ofDays(14));
        }
    }

    @Nested
    @DisplayName("Only positive cadences are accepted (checked at start-up)")
    class Validation {

        @Test
        void aZeroCadenceIsRefused() {
            Map<CadenceRating, Period> periods = new java.util.EnumMap<>(UpdateCadence.defaultPeriods());
            periods.put(CadenceRating.GREEN, Period.ZERO);

            assertThatThrownBy(() -> new UpdateCadence(periods, Map.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("dsr.risk.updates.cadence.green");
        }

        @Test
        void aNegativeAreaCadenceIsRefused() {
            assertThatThrownBy(() -> new UpdateCadence(UpdateCadence.defaultPeriods(),
                    Map.of("NORTH", Map.of(CadenceRating.BLUE_ADULT, Period.parse("P1M-40D")))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("dsr.risk.updates.areas.NORTH.blue-adult");
        }

        @Test
        void aMissingDefaultIsRefused() {
            Map<CadenceRating, Period> periods = new java.util.EnumMap<>(UpdateCadence.defaultPeriods());
            periods.remove(CadenceRating.BLUE_CHILD);

            assertThatThrownBy(() -> new UpdateCadence(periods, Map.of()))
                    .hasMessageContaining("blue-child");
        }

        @Test
        void configurationKeysNameTheRatings() {
            assertThat(CadenceRating.ofKey("blue-adult")).isEqualTo(CadenceRating.BLUE_ADULT);
            assertThat(CadenceRating.ofKey("RED")).isEqualTo(CadenceRating.RED);
            assertThat(CadenceRating.ofKey("blue_child")).isEqualTo(CadenceRating.BLUE_CHILD);
            assertThatThrownBy(() -> CadenceRating.ofKey("purple")).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
