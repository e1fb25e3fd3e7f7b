package org.opendsr.referral.lifecycle.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.opendsr.kit.calendar.domain.WorkingDayCalendar;

/**
 * The DSR team contacts a new referral within a number of working days of receiving it (5 by default). The day
 * of receipt does not count; the deadline is the last working day on which contact is in time.
 */
public record FirstContactDeadline(LocalDate receivedOn, LocalDate dueOn) {

    /** Dates in the DSR are dates in England. */
    public static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    public static FirstContactDeadline forReferralReceived(Instant receivedAt, int workingDays, WorkingDayCalendar calendar) {
        LocalDate receivedOn = LocalDate.ofInstant(receivedAt, ENGLAND);
        return new FirstContactDeadline(receivedOn, calendar.workingDaysAfter(receivedOn, workingDays));
    }

    public boolean isMetBy(Instant contactedAt) {
        return !LocalDate.ofInstant(contactedAt, ENGLAND).isAfter(dueOn);
    }

    /** Overdue once the due date has passed without contact. */
    public static boolean isOverdue(LocalDate dueOn, LocalDate today) {
        return today.isAfter(dueOn);
    }
}
