package org.opendsr.referral.lifecycle.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opendsr.kit.calendar.domain.BankHolidays;
import org.opendsr.kit.calendar.domain.WorkingDayCalendar;

/**
 * The DSR team contacts a new referral within 5 working days of receipt, the day of receipt being the day in England
 * (the working days themselves are the kit's calendar, tested there).
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
