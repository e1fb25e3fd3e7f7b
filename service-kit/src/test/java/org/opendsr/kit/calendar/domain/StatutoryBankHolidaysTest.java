package org.opendsr.kit.calendar.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * England and Wales bank holidays by the statutory pattern, for years GOV.UK has not published: New Year's Day,
 * Good Friday, Easter Monday, early May, spring and summer bank holidays, Christmas Day and Boxing Day, with a
 * substitute weekday when one falls at a weekend.
 */
class StatutoryBankHolidaysTest {

    @ParameterizedTest(name = "Easter Sunday {0} is {1}")
    @CsvSource({"2019, 2019-04-21", "2024, 2024-03-31", "2025, 2025-04-20", "2026, 2026-04-05", "2027, 2027-03-28",
            "2030, 2030-04-21", "2038, 2038-04-25", "2285, 2285-03-22"})
    void easterSundayFollowsTheGregorianComputus(int year, LocalDate easter) {
        assertThat(StatutoryBankHolidays.easterSunday(year)).isEqualTo(easter);
    }

    @Test
    void aYearHasEightBankHolidaysInTheirUsualPlaces() {
        // 2030: Easter 21 April; Christmas on a Wednesday, New Year's Day on a Tuesday.
        assertThat(StatutoryBankHolidays.inYear(2030)).containsExactly(
                LocalDate.of(2030, 1, 1),   // New Year's Day
                LocalDate.of(2030, 4, 19),  // Good Friday
                LocalDate.of(2030, 4, 22),  // Easter Monday
                LocalDate.of(2030, 5, 6),   // Early May: first Monday in May
                LocalDate.of(2030, 5, 27),  // Spring: last Monday in May
                LocalDate.of(2030, 8, 26),  // Summer: last Monday in August
                LocalDate.of(2030, 12, 25), // Christmas Day
                LocalDate.of(2030, 12, 26)); // Boxing Day
    }

    @Test
    void christmasOnASaturdayMovesChristmasToMondayAndBoxingDayToTuesday() {
        // 2032: Christmas Day Saturday 25, Boxing Day Sunday 26.
        assertThat(StatutoryBankHolidays.inYear(2032))
                .contains(LocalDate.of(2032, 12, 27), LocalDate.of(2032, 12, 28))
                .doesNotContain(LocalDate.of(2032, 12, 25), LocalDate.of(2032, 12, 26));
    }

    @Test
    void christmasOnASundayKeepsBoxingDayOnMondayAndMovesChristmasToTuesday() {
        // 2033: Christmas Day Sunday 25, Boxing Day Monday 26.
        assertThat(StatutoryBankHolidays.inYear(2033))
                .contains(LocalDate.of(2033, 12, 26), LocalDate.of(2033, 12, 27))
                .doesNotContain(LocalDate.of(2033, 12, 25));
    }

    @Test
    void boxingDayOnASaturdayMovesToMonday() {
        // 2031: Christmas Day Thursday 25, Boxing Day Friday 26: no substitute.
        assertThat(StatutoryBankHolidays.inYear(2031)).contains(LocalDate.of(2031, 12, 25), LocalDate.of(2031, 12, 26));
        // 2037: Christmas Day Friday 25, Boxing Day Saturday 26: substitute Monday 28.
        assertThat(StatutoryBankHolidays.inYear(2037))
                .contains(LocalDate.of(2037, 12, 25), LocalDate.of(2037, 12, 28))
                .doesNotContain(LocalDate.of(2037, 12, 26));
    }

    @Test
    void newYearsDayAtAWeekendMovesToMonday() {
        assertThat(StatutoryBankHolidays.inYear(2028)).contains(LocalDate.of(2028, 1, 3))   // Saturday 1st
                .doesNotContain(LocalDate.of(2028, 1, 1));
        assertThat(StatutoryBankHolidays.inYear(2034)).contains(LocalDate.of(2034, 1, 2))   // Sunday 1st
                .doesNotContain(LocalDate.of(2034, 1, 1));
    }

    @Test
    void everyYearHasExactlyEightAndNoneAtAWeekend() {
        for (int year = 2019; year <= 2100; year++) {
            assertThat(StatutoryBankHolidays.inYear(year)).as("%d", year).hasSize(8)
                    .allSatisfy(day -> assertThat(StatutoryBankHolidays.isWeekend(day)).as(day.toString()).isFalse());
        }
    }
}
