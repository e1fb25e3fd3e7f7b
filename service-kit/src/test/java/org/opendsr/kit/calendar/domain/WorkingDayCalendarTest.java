package org.opendsr.kit.calendar.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Working days of the DSR team: Monday to Friday, not England and Wales bank holidays; "n working days after" a day
 * does not count the day itself (referral-service: first contact within 5 working days of receipt). These dates are GOV.UK's published ones (2022 with its one-off days) and the
 * statutory pattern beyond 2027.
 */
class WorkingDayCalendarTest {

    private static final int FIVE = 5;

    private static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar(published());

    /** GOV.UK's 2022 and 2027 as published (2022: spring moved to 2 June, Jubilee 3 June, state funeral 19 September). */
    private static BankHolidays published() {
        List<LocalDate> days = new ArrayList<>();
        for (String day : new String[] {"2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02",
                "2022-06-03", "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27",
                "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27",
                "2027-12-28"}) {
            days.add(LocalDate.parse(day));
        }
        return BankHolidays.published(days);
    }

    @ParameterizedTest(name = "received {0}: contact due by {1}")
    @CsvSource({
            // An ordinary week: Monday to the following Monday; Friday to the following Friday.
            "2027-06-07, 2027-06-14",
            "2027-06-11, 2027-06-18",
            // Received at the weekend: the five working days start on Monday.
            "2027-06-12, 2027-06-18",
            "2027-06-13, 2027-06-18",
            // Easter 2027: Good Friday 26 March and Easter Monday 29 March are not working days.
            "2027-03-24, 2027-04-02",
            "2027-03-25, 2027-04-05",
            // Received on Good Friday itself: Tuesday 30 March is day one.
            "2027-03-26, 2027-04-05",
            // Christmas 2027 falls on a Saturday: substitute days Monday 27 and Tuesday 28 December.
            "2027-12-22, 2027-12-31",
            // ... and New Year's Day 2028 on a Saturday (not yet published: statutory) moves to Monday 3 January.
            "2027-12-23, 2028-01-04",
            "2027-12-24, 2028-01-05",
            // 2022's one-off days: Platinum Jubilee (2 and 3 June), the state funeral (19 September).
            "2022-05-31, 2022-06-09",
            "2022-09-15, 2022-09-23"})
    void contactIsDueFiveWorkingDaysAfterReceipt(LocalDate receivedOn, LocalDate dueOn) {
        assertThat(CALENDAR.workingDaysAfter(receivedOn, FIVE)).isEqualTo(dueOn);
    }

    @Test
    void weekendsAndBankHolidaysAreNotWorkingDays() {
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2027, 12, 24))).as("Friday 24 December").isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2027, 12, 25))).as("Christmas Day, a Saturday").isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2027, 12, 27))).as("substitute for Christmas Day").isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2027, 12, 28))).as("substitute for Boxing Day").isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2027, 12, 29))).isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2028, 1, 3))).as("substitute for New Year's Day").isFalse();
    }

    @Test
    void theNumberOfDaysIsConfigurable() {
        assertThat(CALENDAR.workingDaysAfter(LocalDate.of(2027, 6, 7), 1)).isEqualTo(LocalDate.of(2027, 6, 8));
        assertThat(CALENDAR.workingDaysAfter(LocalDate.of(2027, 6, 7), 10)).isEqualTo(LocalDate.of(2027, 6, 21));
        assertThatThrownBy(() -> CALENDAR.workingDaysAfter(LocalDate.of(2027, 6, 7), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
