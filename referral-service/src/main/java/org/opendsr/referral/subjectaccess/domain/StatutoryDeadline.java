package org.opendsr.referral.subjectaccess.domain;

import java.time.LocalDate;

import org.opendsr.kit.rules.RuleBroken;

/**
 * When a subject access request must be answered (UK GDPR Art. 12(3)): within one month of receipt, extendable by up
 * to two further months where requests are complex or numerous, with the reason told to the requester within the
 * first month. The ICO counts a month from the day of receipt (whether a working day or not) to the corresponding
 * calendar date in the next month, or to the last day of that month when it has no such date (received 31 January:
 * due 28 February, or 29 in a leap year). An extension adds whole calendar months the same way.
 */
public final class StatutoryDeadline {

    /** ICO: "extend the time to respond by a further two months". */
    public static final int MOST_EXTENSION_MONTHS = 2;

    private StatutoryDeadline() {
    }

    /** The day the answer is due, one calendar month from receipt. */
    public static LocalDate dueOn(LocalDate receivedOn) {
        return dueOn(receivedOn, 0);
    }

    /**
     * The day the answer is due with {@code extensionMonths} further months (0 to 2). Counted from receipt, not from
     * the first due date, so that 31 January extended by two months is due on 30 April, the corresponding date three
     * months on, not on 28 April.
     */
    public static LocalDate dueOn(LocalDate receivedOn, int extensionMonths) {
        if (extensionMonths < 0 || extensionMonths > MOST_EXTENSION_MONTHS) {
            throw RuleBroken.invalid("months", "an extension is of 1 or 2 further months");
        }
        // java.time's plusMonths is the ICO's rule exactly: the same day of the month, or the month's last day.
        return receivedOn.plusMonths(1L + extensionMonths);
    }

    /** Overdue from the day after the due day, until the answer is given. */
    public static boolean overdue(LocalDate dueOn, LocalDate today) {
        return today.isAfter(dueOn);
    }
}
