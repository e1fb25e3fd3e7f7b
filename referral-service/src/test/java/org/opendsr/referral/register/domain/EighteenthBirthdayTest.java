package org.opendsr.referral.register.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.opendsr.referral.person.domain.AgeAtDate;

/**
 * Consent given for a child must be renewed at 18, so referral-service announces that people it knows turn 18
 * (consent-service never holds a date of birth). Only the month is told, on the first day of the month two months
 * before it, never the birthday: a day would give the date of birth away, and the notice lets consent-service remind
 * as it does for yearly renewal. Only for people known to the DSR as children, and late rather than never.
 */
class EighteenthBirthdayTest {

    private static final LocalDate BORN = LocalDate.of(2008, 6, 15);
    private static final LocalDate BIRTHDAY = LocalDate.of(2026, 6, 15);
    private static final LocalDate FIRST_OF_JUNE = LocalDate.of(2026, 6, 1);
    private static final LocalDate FIRST_OF_APRIL = LocalDate.of(2026, 4, 1);
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
    void onlyTheMonthIsToldAndItIsAnnouncedOnTheFirstOfTheMonthTwoMonthsBeforeNeverOnTheBirthday() {
        assertThat(EighteenthBirthday.monthOf(BORN)).isEqualTo(YearMonth.of(2026, 6));
        assertThat(EighteenthBirthday.announcedOn(BORN)).isEqualTo(FIRST_OF_APRIL);
        assertThat(EighteenthBirthday.announcedOn(LocalDate.of(2008, 6, 30))).isEqualTo(FIRST_OF_APRIL);
        assertThat(EighteenthBirthday.announcedOn(LocalDate.of(2008, 6, 1))).isEqualTo(FIRST_OF_APRIL);
    }

    @Test
    void announcedBeforeConsentRenewalAt18IsDueSoonSoItHasTheNoticeOfYearlyRenewal() {
        // Due by the end of the month they turn 18; "due soon" 30 days before, as for yearly renewal (consent-service).
        for (int month = 1; month <= 12; month++) {
            for (LocalDate born : new LocalDate[] {LocalDate.of(2008, month, 1),
                    YearMonth.of(2008, month).atEndOfMonth()}) {
                LocalDate renewalDue = EighteenthBirthday.monthOf(born).atEndOfMonth();
                assertThat(EighteenthBirthday.announcedOn(born)).as("born %s", born)
                        .isBefore(renewalDue.minusDays(30))
                        .isBeforeOrEqualTo(renewalDue.minusDays(88));
            }
        }
        // 29 February turns 18 on 1 March in a common year: announced on 1 January.
        assertThat(EighteenthBirthday.announcedOn(LocalDate.of(2008, 2, 29))).isEqualTo(LocalDate.of(2026, 1, 1));
    }

    @Test
    void announcedFromTheFirstOfThatMonthForSomeoneKnownAsAChild() {
        assertThat(EighteenthBirthday.dueToBeAnnounced(BORN, RECORDED_AS_A_CHILD, FIRST_OF_APRIL.minusDays(1)))
                .isFalse();
        assertThat(EighteenthBirthday.dueToBeAnnounced(BORN, RECORDED_AS_A_CHILD, FIRST_OF_APRIL)).isTrue();
    }

    @Test
    void aMissedFirstOfTheMonthIsCaughtUpLater() {
        assertThat(EighteenthBirthday.dueToBeAnnounced(BORN, RECORDED_AS_A_CHILD, FIRST_OF_APRIL.plusDays(3))).isTrue();
        assertThat(EighteenthBirthday.dueToBeAnnounced(BORN, RECORDED_AS_A_CHILD, FIRST_OF_JUNE.plusDays(3))).isTrue();
        assertThat(EighteenthBirthday.dueToBeAnnounced(BORN, RECORDED_AS_A_CHILD, BIRTHDAY.plusDays(20))).isTrue();
    }

    @Test
    void someoneFirstRecordedShortlyBeforeTheirBirthdayIsAnnouncedOnTheNextRun() {
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
    void theJobLooksAtEveryoneWhoseEighteenthBirthdayFallsByTheEndOfTheMonthTwoMonthsOn() {
        LocalDate latest = EighteenthBirthday.latestDateOfBirthTurning18By(FIRST_OF_APRIL);

        assertThat(latest).isEqualTo(LocalDate.of(2008, 6, 30));
        assertThat(EighteenthBirthday.monthOf(latest)).isEqualTo(YearMonth.of(2026, 6));
        assertThat(EighteenthBirthday.monthOf(latest.plusDays(1))).isEqualTo(YearMonth.of(2026, 7));
        // A leapling born on 29 February 2008 turns 18 in March 2026: not looked at in December, but in January.
        assertThat(EighteenthBirthday.latestDateOfBirthTurning18By(LocalDate.of(2025, 12, 1)))
                .isBefore(LocalDate.of(2008, 2, 29));
        assertThat(EighteenthBirthday.latestDateOfBirthTurning18By(LocalDate.of(2026, 1, 1)))
                .isAfter(LocalDate.of(2008, 2, 29));
    }
}
