package org.opendsr.referral.register.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.opendsr.referral.person.domain.AgeAtDate;

/**
 * Consent given for a child must be renewed at 18, so referral-service announces that people it knows turn 18
 * (consent-service never holds a date of birth). Only the month is told, on its first day, never the birthday: a
 * day would give the date of birth away. Only for people known to the DSR as children, and late rather than never.
 */
class EighteenthBirthdayTest {

    private static final LocalDate BORN = LocalDate.of(2008, 6, 15);
    private static final LocalDate BIRTHDAY = LocalDate.of(2026, 6, 15);
    private static final LocalDate FIRST_OF_JUNE = LocalDate.of(2026, 6, 1);
    private static final LocalDate RECORDED_AS_A_CHILD = LocalDate.of(2025, 1, 10);

    @Test
    void theEighteenthBirthdayIsEighteenYearsAfterBirth() {
        assertThat(EighteenthBirthday.of(BORN)).isEqualTo(BIRTHDAY);
    }

    @Test
    void someoneBornOn29FebruaryTurnsEighteenOn1MarchInACommonYearAsAgeAtDateCountsIt() {
        LocalDate leapling = LocalDate.of(2008, 2, 29);

        assertThat(EighteenthBirthday.of(leapling)).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(EighteenthBirthday.monthOf(leapling)).isEqualTo(YearMonth.of(2026, 3));
        assertThat(AgeAtDate.of(leapling, EighteenthBirthday.of(leapling)).years()).isEqualTo(18);
        assertThat(AgeAtDate.of(leapling, EighteenthBirthday.of(leapling).minusDays(1)).years()).isEqualTo(17);
        // In a leap year the birthday is 29 February itself.
        assertThat(EighteenthBirthday.of(LocalDate.of(2010, 2, 28))).isEqualTo(LocalDate.of(2028, 2, 28));
        assertThat(EighteenthBirthday.of(LocalDate.of(2006, 2, 28))).isEqualTo(LocalDate.of(2024, 2, 28));
    }

    @Test
    void onlyTheMonthIsToldAndItIsAnnouncedOnItsFirstDayNotOnTheBirthday() {
        assertThat(EighteenthBirthday.monthOf(BORN)).isEqualTo(YearMonth.of(2026, 6));
        assertThat(EighteenthBirthday.announcedOn(BORN)).isEqualTo(FIRST_OF_JUNE);
        assertThat(EighteenthBirthday.announcedOn(LocalDate.of(2008, 6, 30))).isEqualTo(FIRST_OF_JUNE);
    }

    @Test
    void announcedFromTheFirstOfTheMonthForSomeoneKnownAsAChild() {
        assertThat(EighteenthBirthday.dueToBeAnnounced(BORN, RECORDED_AS_A_CHILD, FIRST_OF_JUNE.minusDays(1))).isFalse();
        assertThat(EighteenthBirthday.dueToBeAnnounced(BORN, RECORDED_AS_A_CHILD, FIRST_OF_JUNE)).isTrue();
    }

    @Test
    void aMissedFirstOfTheMonthIsCaughtUpLater() {
        assertThat(EighteenthBirthday.dueToBeAnnounced(BORN, RECORDED_AS_A_CHILD, FIRST_OF_JUNE.plusDays(3))).isTrue();
        assertThat(EighteenthBirthday.dueToBeAnnounced(BORN, RECORDED_AS_A_CHILD, BIRTHDAY.plusDays(20))).isTrue();
    }

    @Test
    void someoneFirstRecordedDuringTheMonthBeforeTheirBirthdayIsAnnouncedOnTheNextRun() {
        assertThat(EighteenthBirthday.dueToBeAnnounced(BORN, FIRST_OF_JUNE.plusDays(4), FIRST_OF_JUNE.plusDays(5)))
                .isTrue();
        assertThat(EighteenthBirthday.dueToBeAnnounced(BORN, BIRTHDAY.minusDays(1), BIRTHDAY)).isTrue();
    }

    @Test
    void notForSomeoneReferredOnOrAfterTheirEighteenthBirthday() {
        // They gave consent as an adult: nothing to renew.
        assertThat(EighteenthBirthday.dueToBeAnnounced(BORN, BIRTHDAY, BIRTHDAY)).isFalse();
        assertThat(EighteenthBirthday.dueToBeAnnounced(BORN, BIRTHDAY.plusYears(2), BIRTHDAY.plusYears(2))).isFalse();
    }

    @Test
    void theJobLooksAtEveryoneWhoseEighteenthBirthdayFallsInTheMonthSoFar() {
        LocalDate latest = EighteenthBirthday.latestDateOfBirthTurning18By(FIRST_OF_JUNE);

        assertThat(latest).isEqualTo(LocalDate.of(2008, 6, 30));
        assertThat(EighteenthBirthday.monthOf(latest)).isEqualTo(YearMonth.of(2026, 6));
        assertThat(EighteenthBirthday.monthOf(latest.plusDays(1))).isEqualTo(YearMonth.of(2026, 7));
        // A leapling born on 29 February 2008 turns 18 in March 2026: not looked at in February.
        assertThat(EighteenthBirthday.latestDateOfBirthTurning18By(LocalDate.of(2026, 2, 1)))
                .isBefore(LocalDate.of(2008, 2, 29));
    }
}
