package org.opendsr.referral.lifecycle.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opendsr.kit.calendar.domain.BankHolidays;
import org.opendsr.kit.calendar.domain.WorkingDayCalendar;

/**
 * The DSR team contacts a new referral within 5 working days of receipt, the day of receipt being the day in England
 * (the working days themselves are the kit's calendar, tested there). Working days are 09:00-17:00 in England: a
 * referral that arrives after 17:00, or on a weekend or bank holiday, counts as received on the next working day.
 */
class FirstContactDeadlineTest {

    private static final int FIVE = 5;

    private static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar(published());

    /** GOV.UK's 2027 as published. */
    private static BankHolidays published() {
        List<LocalDate> days = new ArrayList<>();
        for (String day : new String[] {"2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31",
                "2027-08-30", "2027-12-27", "2027-12-28"}) {
            days.add(LocalDate.parse(day));
        }
        return BankHolidays.published(days);
    }

    @Test
    void theDayOfReceiptIsTheDayInEngland() {
        // 23:30 UTC on Sunday 13 June 2027 is 00:30 BST on Monday 14 June: received on Monday, due Monday 21.
        FirstContactDeadline deadline = FirstContactDeadline.forReferralReceived(
                Instant.parse("2027-06-13T23:30:00Z"), FIVE, CALENDAR);

        assertThat(deadline.receivedOn()).isEqualTo(LocalDate.of(2027, 6, 14));
        assertThat(deadline.dueOn()).isEqualTo(LocalDate.of(2027, 6, 21));
    }

    /** Arrival times are instants (UTC); the working day is 09:00-17:00 in England, BST in June, GMT in January. */
    @ParameterizedTest(name = "{1}: received {2}, due {3}")
    @CsvSource(delimiter = '|', textBlock = """
            2027-06-07T07:30:00Z | Monday 08:30, before the working day starts   | 2027-06-07 | 2027-06-14
            2027-06-07T08:00:00Z | Monday 09:00, as it starts                    | 2027-06-07 | 2027-06-14
            2027-06-07T15:59:00Z | Monday 16:59, a minute before it ends        | 2027-06-07 | 2027-06-14
            2027-06-07T16:00:00Z | Monday 17:00, as it ends                      | 2027-06-08 | 2027-06-15
            2027-06-07T16:30:00Z | Monday 17:30, after it ended                  | 2027-06-08 | 2027-06-15
            2027-01-11T17:30:00Z | Monday 17:30 in winter (GMT)                  | 2027-01-12 | 2027-01-19
            2027-01-11T16:30:00Z | Monday 16:30 in winter (GMT)                  | 2027-01-11 | 2027-01-18
            2027-06-11T16:30:00Z | Friday 17:30                                  | 2027-06-14 | 2027-06-21
            2027-06-12T09:00:00Z | Saturday 10:00                                | 2027-06-14 | 2027-06-21
            2027-06-13T22:30:00Z | Sunday 23:30                                  | 2027-06-14 | 2027-06-21
            2027-03-25T15:59:00Z | Thursday 15:59 before Easter                  | 2027-03-25 | 2027-04-05
            2027-03-25T17:30:00Z | Thursday 17:30 before Easter (bank holiday eve)| 2027-03-30 | 2027-04-06
            2027-05-31T09:00:00Z | Spring bank holiday, 10:00                    | 2027-06-01 | 2027-06-08
            """)
    void aReferralCountsFromTheWorkingDayItArrivesInWorkingHours(String arrives, String when, String receivedOn,
                                                                  String dueOn) {
        FirstContactDeadline deadline = FirstContactDeadline.forReferralReceived(Instant.parse(arrives), FIVE, CALENDAR);

        assertThat(deadline.receivedOn()).as(when).isEqualTo(LocalDate.parse(receivedOn));
        assertThat(deadline.dueOn()).as(when).isEqualTo(LocalDate.parse(dueOn));
    }

    @Test
    void contactOnTheDueDateIsInTimeAndTheDayAfterIsNot() {
        FirstContactDeadline deadline = FirstContactDeadline.forReferralReceived(
                Instant.parse("2027-06-07T10:00:00Z"), FIVE, CALENDAR);

        assertThat(deadline.isMetBy(Instant.parse("2027-06-14T16:59:00Z"))).isTrue();
        // 23:30 UTC on 14 June is already 15 June in England.
        assertThat(deadline.isMetBy(Instant.parse("2027-06-14T23:30:00Z"))).isFalse();
        assertThat(FirstContactDeadline.isOverdue(deadline.dueOn(), LocalDate.of(2027, 6, 14))).isFalse();
        assertThat(FirstContactDeadline.isOverdue(deadline.dueOn(), LocalDate.of(2027, 6, 15))).isTrue();
    }
}
