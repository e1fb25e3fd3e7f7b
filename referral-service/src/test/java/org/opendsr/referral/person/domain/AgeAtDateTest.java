package org.opendsr.referral.person.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opendsr.contracts.common.AgeBand;
import org.opendsr.contracts.common.LifeStage;

/**
 * What leaves referral-service instead of a date of birth: the age band and whether the person is a child or an
 * adult. A person becomes an adult on their 18th birthday (C(E)TR for children, CTR for adults; consent renewal at
 * 18) and leaves the keyworker service's range on their 25th.
 */
class AgeAtDateTest {

    private static final LocalDate BORN = LocalDate.of(2008, 6, 15);

    @Test
    void theDayBeforeTheirEighteenthBirthdayTheyAreAChild() {
        AgeAtDate age = AgeAtDate.of(BORN, LocalDate.of(2026, 6, 14));

        assertThat(age.years()).isEqualTo(17);
        assertThat(age.lifeStage()).isEqualTo(LifeStage.CHILD);
        assertThat(age.band()).isEqualTo(AgeBand.AGE_14_TO_17);
    }

    @Test
    void onTheirEighteenthBirthdayTheyAreAnAdult() {
        AgeAtDate age = AgeAtDate.of(BORN, LocalDate.of(2026, 6, 15));

        assertThat(age.years()).isEqualTo(18);
        assertThat(age.lifeStage()).isEqualTo(LifeStage.ADULT);
        assertThat(age.band()).isEqualTo(AgeBand.AGE_18_TO_24);
    }

    @Test
    void someoneBornOn29FebruaryTurnsEighteenOn1MarchInACommonYear() {
        // England and Wales: in a year without 29 February the anniversary is taken to be 1 March.
        LocalDate leapling = LocalDate.of(2008, 2, 29);

        assertThat(AgeAtDate.of(leapling, LocalDate.of(2026, 2, 28)).lifeStage()).isEqualTo(LifeStage.CHILD);
        assertThat(AgeAtDate.of(leapling, LocalDate.of(2026, 3, 1)).lifeStage()).isEqualTo(LifeStage.ADULT);
    }

    @Test
    void someoneBornOn29FebruaryHasABirthdayOn29FebruaryInALeapYear() {
        LocalDate leapling = LocalDate.of(2004, 2, 29);

        assertThat(AgeAtDate.of(leapling, LocalDate.of(2024, 2, 28)).years()).isEqualTo(19);
        assertThat(AgeAtDate.of(leapling, LocalDate.of(2024, 2, 29)).years()).isEqualTo(20);
    }

    @Test
    void someoneBornOn29FebruaryTurnsTwentyFiveOn1MarchInACommonYear() {
        LocalDate leapling = LocalDate.of(2000, 2, 29);

        assertThat(AgeAtDate.of(leapling, LocalDate.of(2025, 2, 28)).band()).isEqualTo(AgeBand.AGE_18_TO_24);
        assertThat(AgeAtDate.of(leapling, LocalDate.of(2025, 3, 1)).band()).isEqualTo(AgeBand.AGE_25_TO_34);
    }

    @ParameterizedTest(name = "born {0}, on {1}: {2} years, {3}, {4}")
    @CsvSource({
            "2008-06-15, 2026-06-14, 17, AGE_14_TO_17, CHILD",
            "2008-06-15, 2026-06-15, 18, AGE_18_TO_24, ADULT",
            "2001-06-15, 2026-06-14, 24, AGE_18_TO_24, ADULT",
            "2001-06-15, 2026-06-15, 25, AGE_25_TO_34, ADULT",
            "2026-06-15, 2026-06-15,  0, AGE_0_TO_9,   CHILD",
            "2016-06-15, 2026-06-14,  9, AGE_0_TO_9,   CHILD",
            "2016-06-15, 2026-06-15, 10, AGE_10_TO_13, CHILD",
            "2012-06-15, 2026-06-15, 14, AGE_14_TO_17, CHILD",
            "1961-06-15, 2026-06-15, 65, AGE_65_AND_OVER, ADULT"})
    void bandsSplitAtEighteenAndTwentyFive(LocalDate born, LocalDate on, int years, AgeBand band, LifeStage stage) {
        AgeAtDate age = AgeAtDate.of(born, on);

        assertThat(age.years()).isEqualTo(years);
        assertThat(age.band()).isEqualTo(band);
        assertThat(age.lifeStage()).isEqualTo(stage);
    }

    @ParameterizedTest(name = "born {0}, on {1}: under 16 {2}")
    @CsvSource({
            "2010-06-15, 2026-06-14, true",
            "2010-06-15, 2026-06-15, false",
            "2012-06-15, 2026-06-15, true",
            "2008-06-15, 2026-06-14, false"})
    void theMentalCapacityActAppliesFromTheSixteenthBirthdayWhichTheBand14To17Straddles(LocalDate born, LocalDate on,
                                                                                         boolean under16) {
        AgeAtDate age = AgeAtDate.of(born, on);

        assertThat(age.isUnder16()).isEqualTo(under16);
        assertThat(age.band()).isEqualTo(AgeBand.AGE_14_TO_17);
        assertThat(age.band().straddles16()).isTrue();
    }

    @Test
    void underTwentyFiveIsWhatTheBandsCanTell() {
        // The keyworker service (0-25) is suggested from the band alone: it must not straddle the 25th birthday.
        assertThat(AgeAtDate.of(LocalDate.of(2001, 6, 15), LocalDate.of(2026, 6, 14)).band().isUnder25()).isTrue();
        assertThat(AgeAtDate.of(LocalDate.of(2001, 6, 15), LocalDate.of(2026, 6, 15)).band().isUnder25()).isFalse();
    }

    @Test
    void someoneCannotBeBornAfterTheDate() {
        assertThatThrownBy(() -> AgeAtDate.of(LocalDate.of(2026, 6, 16), LocalDate.of(2026, 6, 15)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
