package org.opendsr.meeting.exceptions.domain;

import java.time.Instant;

import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.meeting.shared.domain.PlanningHorizon;
import org.opendsr.meeting.shared.domain.WorkingHours;

/**
 * A Meeting by Exception is always within working hours ({@link WorkingHours}): the person and their family attend.
 * A refusal names the field at fault and the time, in UK time: {@code startsAt} when the day or the start is outside,
 * {@code endsAt} when only the end is.
 */
public final class ExceptionTimes {

    private ExceptionTimes() {
    }

    public static void requireWithinWorkingHours(WorkingHours hours, Instant startsAt, Instant endsAt) {
        if (startsAt == null) {
            throw RuleBroken.invalid("startsAt", "is required");
        }
        if (endsAt == null) {
            throw RuleBroken.invalid("endsAt", "is required");
        }
        hours.problemWith(startsAt, endsAt).ifPresent(problem -> {
            throw RuleBroken.invalid(fieldAtFault(hours, startsAt), "a Meeting by Exception on "
                    + startsAt.atZone(WorkingHours.ENGLAND).toLocalDate() + ": " + problem);
        });
    }

    /**
     * When it is scheduled or moved: still to come (a meeting in the past would send the family an invitation to
     * something over), within the {@link PlanningHorizon}, and within working hours.
     */
    public static void requireSchedulable(WorkingHours hours, Instant startsAt, Instant endsAt, Instant now) {
        if (startsAt != null && !startsAt.isAfter(now)) {
            throw RuleBroken.invalid("startsAt", "must be in the future");
        }
        PlanningHorizon.requireWithin("startsAt", startsAt, now);
        PlanningHorizon.requireWithin("endsAt", endsAt, now);
        requireWithinWorkingHours(hours, startsAt, endsAt);
    }

    /**
     * {@code startsAt} when the start itself is outside (its day, or its time: a minute from it already is), else
     * {@code endsAt} (it ends too late, before it starts, or on another day).
     */
    static String fieldAtFault(WorkingHours hours, Instant startsAt) {
        return hours.problemWith(startsAt, startsAt.plusSeconds(60)).isPresent() ? "startsAt" : "endsAt";
    }
}
