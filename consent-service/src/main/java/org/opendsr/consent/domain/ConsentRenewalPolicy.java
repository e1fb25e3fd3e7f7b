package org.opendsr.consent.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.opendsr.contracts.consent.ReminderSubject;

/**
 * When consent to be on the DSR must be renewed, and what follows if it is not (NHS England DSR policy 2023 and
 * local DSR pages: renewal every year and when a young person turns 18; removal if not renewed within 4 weeks
 * of becoming overdue; reminders during that time).
 *
 * <pre>
 *   given ........ window opens ........ due ........ grace ends
 *   ACTIVE         RENEWAL_DUE           OVERDUE      LAPSED
 *                  (default 30 days)     (default 28 days)
 * </pre>
 *
 * <ul>
 *   <li><b>Due date.</b> 12 months after the consent was given. A consent given on 29 February is due on
 *       28 February in a year without one: consent never runs longer than the 12 months the policy allows, and
 *       the DSR team renews a day early rather than hold consent a day too long. A consent given for a child
 *       (by parental responsibility, or by the child) is due on the last day of the month in which they turn 18,
 *       if that comes first: the DSR is told the month, never the birthday, so that no service but referral-service
 *       learns a date of birth.</li>
 *   <li><b>Renewal due.</b> From {@code renewalWindowDays} before the due date: still active consent.</li>
 *   <li><b>Overdue.</b> From the due date itself: the consent covered the 12 months before it.</li>
 *   <li><b>Lapsed.</b> On the day the grace period ends, {@code gracePeriodDays} after the due date: the day the
 *       person is removed from the register if the consent was not renewed.</li>
 *   <li><b>Reminders.</b> On the day renewal becomes due and every {@code reminderIntervalDays} after while it is
 *       due; on the day it becomes overdue and every {@code reminderIntervalDays} after until it lapses. Never two
 *       closer together than the interval: a "due soon" reminder that would fall less than one interval before
 *       the due date is not sent, since the "overdue" one follows within days (with the defaults, none at due-2
 *       with another at due).</li>
 * </ul>
 */
public final class ConsentRenewalPolicy {

    public static final int DEFAULT_RENEWAL_WINDOW_DAYS = 30;
    public static final int DEFAULT_GRACE_PERIOD_DAYS = 28;
    public static final int DEFAULT_REMINDER_INTERVAL_DAYS = 7;

    private final int renewalWindowDays;
    private final int gracePeriodDays;
    private final int reminderIntervalDays;

    public ConsentRenewalPolicy(int renewalWindowDays, int gracePeriodDays, int reminderIntervalDays) {
        if (renewalWindowDays < 0 || renewalWindowDays > 180) {
            throw new IllegalArgumentException("the renewal window must be 0 to 180 days");
        }
        if (gracePeriodDays < 1 || gracePeriodDays > 180) {
            throw new IllegalArgumentException("the grace period must be 1 to 180 days");
        }
        if (reminderIntervalDays < 1) {
            throw new IllegalArgumentException("reminders must be at least a day apart");
        }
        this.renewalWindowDays = renewalWindowDays;
        this.gracePeriodDays = gracePeriodDays;
        this.reminderIntervalDays = reminderIntervalDays;
    }

    /** 30 days' renewal window, 4 weeks' grace, weekly reminders. */
    public static ConsentRenewalPolicy dsrDefault() {
        return new ConsentRenewalPolicy(DEFAULT_RENEWAL_WINDOW_DAYS, DEFAULT_GRACE_PERIOD_DAYS,
                DEFAULT_REMINDER_INTERVAL_DAYS);
    }

    /** 12 months after it was given; the anniversary of 29 February is 28 February in a year without one. */
    public LocalDate yearlyRenewalDate(LocalDate givenOn) {
        return givenOn.plusYears(1);
    }

    /**
     * The due date of a consent.
     *
     * @param givenForChild true when it was given while the person was a child
     * @param turns18In     the month in which the person turns 18, once announced, or null
     */
    public RenewalDue renewalDue(LocalDate givenOn, boolean givenForChild, YearMonth turns18In) {
        LocalDate yearly = yearlyRenewalDate(givenOn);
        if (givenForChild && turns18In != null && turns18In.atEndOfMonth().isBefore(yearly)) {
            return new RenewalDue(turns18In.atEndOfMonth(), RenewalReason.TURNED_18);
        }
        return new RenewalDue(yearly, RenewalReason.ANNUAL_RENEWAL);
    }

    public LocalDate renewalWindowOpensOn(RenewalDue due) {
        return due.on().minusDays(renewalWindowDays);
    }

    /** The day the person is removed from the register if the consent has not been renewed. */
    public LocalDate graceEndsOn(RenewalDue due) {
        return due.on().plusDays(gracePeriodDays);
    }

    /** The state the dates give on a day. */
    public ConsentState stateOn(RenewalDue due, LocalDate day) {
        if (day.isBefore(renewalWindowOpensOn(due))) {
            return ConsentState.ACTIVE;
        }
        if (day.isBefore(due.on())) {
            return ConsentState.RENEWAL_DUE;
        }
        if (day.isBefore(graceEndsOn(due))) {
            return ConsentState.OVERDUE;
        }
        return ConsentState.LAPSED;
    }

    /** Days from {@code today} to the end of the grace period; 0 once it has ended. */
    public static long daysLeftBeforeRemoval(LocalDate graceEndsOn, LocalDate today) {
        return Math.max(0, ChronoUnit.DAYS.between(today, graceEndsOn));
    }

    /** Every reminder of one renewal, in order, for a grace period that ends on {@code graceEndsOn}. */
    public List<ScheduledReminder> reminderSchedule(RenewalDue due, LocalDate graceEndsOn) {
        List<ScheduledReminder> schedule = new ArrayList<>();
        // The last day a "due soon" reminder keeps a whole interval before the first "overdue" one, on the due date.
        LocalDate lastDueSoon = due.on().minusDays(reminderIntervalDays);
        for (LocalDate day = renewalWindowOpensOn(due); !day.isAfter(lastDueSoon); day = day.plusDays(reminderIntervalDays)) {
            schedule.add(new ScheduledReminder(day, ReminderSubject.RENEWAL_DUE_SOON));
        }
        for (LocalDate day = due.on(); day.isBefore(graceEndsOn); day = day.plusDays(reminderIntervalDays)) {
            schedule.add(new ScheduledReminder(day, ReminderSubject.RENEWAL_OVERDUE));
        }
        return schedule;
    }

    /** Every reminder of one renewal with the grace period this policy gives. */
    public List<ScheduledReminder> reminderSchedule(RenewalDue due) {
        return reminderSchedule(due, graceEndsOn(due));
    }

    /**
     * The latest reminder the schedule calls for on or before {@code today}. A run that was missed sends only this
     * one: the person hears once that renewal is due, not once for every missed week.
     */
    public Optional<ScheduledReminder> latestReminderBy(RenewalDue due, LocalDate graceEndsOn, LocalDate today) {
        if (!today.isBefore(graceEndsOn)) {
            return Optional.empty();
        }
        ScheduledReminder latest = null;
        for (ScheduledReminder reminder : reminderSchedule(due, graceEndsOn)) {
            if (reminder.on().isAfter(today)) {
                break;
            }
            latest = reminder;
        }
        return Optional.ofNullable(latest);
    }

    public int renewalWindowDays() {
        return renewalWindowDays;
    }

    public int gracePeriodDays() {
        return gracePeriodDays;
    }

    public int reminderIntervalDays() {
        return reminderIntervalDays;
    }
}
