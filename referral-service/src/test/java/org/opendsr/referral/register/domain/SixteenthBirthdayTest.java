package org.opendsr.referral.register.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

/**
 * The Mental Capacity Act 2005 applies from 16. Only the month of the 16th birthday leaves referral-service, and only
 * once it has ended: knowing the month alone, nobody can be sure the person is 16 before the first of the next.
 */
class SixteenthBirthdayTest {

    @Test
    void announcedOnTheFirstOfTheMonthAfterTheBirthdaysMonth() {
        LocalDate born = LocalDate.of(2010, 3, 20);

        assertThat(SixteenthBirthday.of(born)).isEqualTo(LocalDate.of(2026, 3, 20));
        assertThat(SixteenthBirthday.monthOf(born)).isEqualTo(YearMonth.of(2026, 3));
        assertThat(SixteenthBirthday.announcedOn(born)).isEqualTo(LocalDate.of(2026, 4, 1));
    }

    @Test
    void aBirthdayOnTheFirstIsStillAnnouncedOnlyAfterItsMonth() {
        assertThat(SixteenthBirthday.announcedOn(LocalDate.of(2010, 3, 1))).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(SixteenthBirthday.announcedOn(LocalDate.of(2010, 12, 31))).isEqualTo(LocalDate.of(2027, 1, 1));
    }

    @Test
    void sixteenYearsAfterA29FebruaryIsA29February() {
        assertThat(SixteenthBirthday.of(LocalDate.of(2012, 2, 29))).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(SixteenthBirthday.announcedOn(LocalDate.of(2012, 2, 29))).isEqualTo(LocalDate.of(2028, 3, 1));
    }

    @Test
    void theJobLooksAtEveryoneWhoTurned16BeforeThisMonthAndIsNot18Yet() {
        LocalDate today = LocalDate.of(2026, 3, 2);

        // Born on or before 28 February 2010: 16 by the end of February 2026.
        assertThat(SixteenthBirthday.latestDateOfBirthTurned16Before(today)).isEqualTo(LocalDate.of(2010, 2, 28));
        // Born after 2 March 2008: not 18 yet.
        assertThat(SixteenthBirthday.earliestDateOfBirthStillAChild(today)).isEqualTo(LocalDate.of(2008, 3, 2));
    }
}
