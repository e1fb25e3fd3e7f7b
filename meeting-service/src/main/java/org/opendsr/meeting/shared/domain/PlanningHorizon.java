package org.opendsr.meeting.shared.domain;

import java.time.Instant;
import java.time.LocalDate;

import org.opendsr.kit.rules.RuleBroken;

/**
 * How far ahead anything in meeting-service may be planned: a meeting, a booked review, an action's due date. Two years
 * is far beyond any DSR cadence (the longest, a secure inpatient's C(E)TR, is 12 months); a date past it is a typing
 * error, and refusing it here keeps every stored date inside what PostgreSQL and the events' RFC 3339 dates can hold.
 */
public final class PlanningHorizon {

    public static final int YEARS_AHEAD = 2;

    private PlanningHorizon() {
    }

    /** Refused (400 naming {@code field}) when the day is more than two years after today. */
    public static void requireWithin(String field, LocalDate day, LocalDate today) {
        if (day != null && day.isAfter(today.plusYears(YEARS_AHEAD))) {
            throw RuleBroken.invalid(field, "must be within " + YEARS_AHEAD + " years of today (" + today + ")");
        }
    }

    /** As {@link #requireWithin(String, LocalDate, LocalDate)}, for a moment (its day in England). */
    public static void requireWithin(String field, Instant at, Instant now) {
        if (at != null) {
            requireWithin(field, LocalDate.ofInstant(at, WorkingHours.ENGLAND), LocalDate.ofInstant(now,
                    WorkingHours.ENGLAND));
        }
    }
}
