package org.opendsr.referral.register.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.opendsr.referral.person.domain.AgeAtDate;

/**
 * Consent given for a child must be renewed at 18, so referral-service announces the 18th birthday of people it knows
 * (consent-service never holds a date of birth). Only for birthdays while known to the DSR, and late rather than never.
 */
class EighteenthBirthdayTest {

    private static final LocalDate BORN = LocalDate.of(2008, 6, 15);
    private static final LocalDate BIRTHDAY = LocalDate.of(2026, 6, 15);

    @Test
    void theEighteenthBirthdayIsEighteenYearsAfterBirth() {
        assertThat(EighteenthBirthday.of(BORN)).isEqualTo(BIRTHDAY);
    }

    @Test
    void someoneBornOn29FebruaryTurnsEighteenOn1MarchInACommonYearAsAgeAtDateCountsIt() {
        LocalDate leapling = LocalDate.of(2008, 2, 29);

        assertThat(EighteenthBirthday.of(leapling)).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(AgeAtDate.of(leapling, EighteenthBirthday.of(leapling)).years()).isEqualTo(18);
        assertThat(AgeAtDate.of(leapling, EighteenthBirthday.of(leapling).minusDays(1)).years()).isEqualTo(17);
        // In a leap year the birthday is 29 February itself.
        assertThat(EighteenthBirthday.of(LocalDate.of(2010, 2, 28))).isEqualTo(LocalDate.of(2028, 2, 28));
        assertThat(EighteenthBirthday.of(LocalDate.of(2006, 2, 28))).isEqualTo(LocalDate.of(2024, 2, 28));
    }

    @Test
    void announcedOnTheBirthdayForSomeoneKnownAsAChild() {
        LocalDate recorded = LocalDate.of(2025, 1, 10);

        assertThat(EighteenthBirthday.reachedWhileKnown(BORN, recorded, BIRTHDAY.minusDays(1))).isFalse();
        assertThat(EighteenthBirthday.reachedWhileKnown(BORN, recorded, BIRTHDAY)).isTrue();
    }

    @Test
    void aMissedDayIsCaughtUpLater() {
        assertThat(EighteenthBirthday.reachedWhileKnown(BORN, LocalDate.of(2025, 1, 10), BIRTHDAY.plusDays(3))).isTrue();
    }

    @Test
    void notForSomeoneReferredOnOrAfterTheirEighteenthBirthday() {
        // They gave consent as an adult: nothing to renew.
        assertThat(EighteenthBirthday.reachedWhileKnown(BORN, BIRTHDAY, BIRTHDAY)).isFalse();
        assertThat(EighteenthBirthday.reachedWhileKnown(BORN, BIRTHDAY.plusYears(2), BIRTHDAY.plusYears(2))).isFalse();
    }

    @Test
    void recordedTheDayBeforeTheirBirthdayTheyAreAnnouncedTheNextDay() {
        assertThat(EighteenthBirthday.reachedWhileKnown(BORN, BIRTHDAY.minusDays(1), BIRTHDAY)).isTrue();
    }
}
