package org.opendsr.risk.updates.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.opendsr.contracts.common.RagRating;

/**
 * When a person's next update is due (DOMAIN.md "Risk rating", updates box: the responsible professional posts a
 * brief update at least every 14 days for RED and AMBER, every month for GREEN; overdue updates are flagged).
 *
 * <ul>
 *   <li><b>Next due on</b> is a cadence after the last update, or after the day the current rating started when
 *       none has been posted since the person came onto the register. It is a date in England.</li>
 *   <li><b>Overdue</b> from the day after the due date: an update posted on the due date is on time.</li>
 *   <li><b>A rating change never puts off an update that is due</b> ("support never reduces"): the next due date
 *       becomes the earlier of the date already set and a cadence of the new rating after the last update (after
 *       the new rating's start when none was posted). Raising GREEN (due on day 30) to RED on day 25 keeps day 30;
 *       a shorter cadence may bring it forward; lowering RED to GREEN keeps the RED date. An update already overdue
 *       under the old cadence stays overdue, on the date that was missed, until one is posted; the new cadence
 *       applies from the next update posted.</li>
 *   <li><b>Leaving the register</b> stops the schedule: nothing is due and the person is on no worklist. Coming
 *       back (a new referral, a new rating) starts it afresh from that rating.</li>
 * </ul>
 *
 * Immutable: every change returns the schedule as it is after it.
 *
 * @param rating        the current rating
 * @param cadence       how often updates are due under it (UpdateCadence, for the person's area)
 * @param ratingSinceOn the day (in England) the current rating started
 * @param lastUpdateAt  the last update posted since the schedule started, or null
 * @param lastUpdateOn  its day in England, or null
 * @param nextDueOn     the day the next update is due; null when stopped
 * @param overdueSince  the first day the update was overdue (the day after the missed due date), or null
 * @param overdueAnnounced whether {@code dsr.risk.update-overdue.v1} was published for that missed date
 * @param stoppedOn     the day the person left the register, or null while the schedule runs
 */
public record UpdateSchedule(UUID personId, RagRating rating, Period cadence, LocalDate ratingSinceOn,
                             Instant lastUpdateAt, LocalDate lastUpdateOn, LocalDate nextDueOn,
                             LocalDate overdueSince, boolean overdueAnnounced, LocalDate stoppedOn) {

    public UpdateSchedule {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(rating, "rating");
        Objects.requireNonNull(cadence, "cadence");
        Objects.requireNonNull(ratingSinceOn, "ratingSinceOn");
        if ((lastUpdateAt == null) != (lastUpdateOn == null)) {
            throw new IllegalArgumentException("the last update needs both its instant and its day");
        }
        if (stoppedOn == null && nextDueOn == null) {
            throw new IllegalArgumentException("a running schedule has a next due date");
        }
    }

    /** The schedule of a person rated for the first time (or again, after leaving the register). */
    public static UpdateSchedule startedBy(UUID personId, RagRating rating, Period cadence, LocalDate ratedOn) {
        return new UpdateSchedule(personId, rating, cadence, ratedOn, null, null,
                UpdateCadence.dueAfter(ratedOn, cadence), null, false, null);
    }

    public boolean isRunning() {
        return stoppedOn == null;
    }

    public boolean isOverdue() {
        return overdueSince != null;
    }

    /**
     * The person's rating changed (or their facts did, with the same rating: the cadence may still differ, e.g. a
     * BLUE child who is now an adult).
     *
     * @param on the day in England the change was made
     */
    public UpdateSchedule ratingChanged(RagRating newRating, Period newCadence, LocalDate on) {
        if (!isRunning()) {
            return startedBy(personId, newRating, newCadence, on);
        }
        LocalDate since = newRating == rating ? ratingSinceOn : on;
        LocalDate from = lastUpdateOn != null ? lastUpdateOn : since;
        LocalDate underNewCadence = UpdateCadence.dueAfter(from, newCadence);
        // Never later than the date already set: a change of rating (or of cadence) must not put off an update
        // that is due, whichever way the rating moved. A shorter cadence may bring it forward (even to a date
        // already past, which the sweep flags the day after). An update already missed (overdue, or past its date
        // and not yet swept) keeps the date that was missed and its announcement, until one is posted.
        if (isOverdue() || on.isAfter(nextDueOn) || !underNewCadence.isBefore(nextDueOn)) {
            return new UpdateSchedule(personId, newRating, newCadence, since, lastUpdateAt, lastUpdateOn,
                    nextDueOn, overdueSince, overdueAnnounced, null);
        }
        return new UpdateSchedule(personId, newRating, newCadence, since, lastUpdateAt, lastUpdateOn,
                underNewCadence, null, false, null);
    }

    /**
     * An update was posted: the next one is due a cadence after it, and any overdue is cleared.
     *
     * @param cadence the cadence now (the person's area may have changed since the rating)
     */
    public UpdateSchedule updatePosted(Instant at, LocalDate on, Period cadence) {
        if (!isRunning()) {
            throw new IllegalStateException("no updates are due for someone who has left the register");
        }
        return new UpdateSchedule(personId, rating, cadence, ratingSinceOn, at, on,
                UpdateCadence.dueAfter(on, cadence), null, false, null);
    }

    /**
     * The sweep on {@code today}: an update not posted by its due date becomes overdue, and is announced once
     * for that date.
     *
     * @return the overdue update to announce, or empty when nothing became overdue today (not yet due, already
     *         announced, or stopped)
     */
    public Optional<BecameOverdue> sweep(LocalDate today) {
        if (!isRunning() || isOverdue() || !today.isAfter(nextDueOn)) {
            return Optional.empty();
        }
        UpdateSchedule overdue = new UpdateSchedule(personId, rating, cadence, ratingSinceOn, lastUpdateAt,
                lastUpdateOn, nextDueOn, nextDueOn.plusDays(1), true, null);
        return Optional.of(new BecameOverdue(overdue, nextDueOn, rating));
    }

    /** The person left the register: nothing more is due. */
    public UpdateSchedule stopped(LocalDate on) {
        return new UpdateSchedule(personId, rating, cadence, ratingSinceOn, lastUpdateAt, lastUpdateOn, null,
                null, false, on);
    }

    /** Whole days since the missed due date (1 on the first overdue day); 0 when not overdue on that day. */
    public long daysOverdueOn(LocalDate today) {
        if (!isRunning() || !today.isAfter(nextDueOn)) {
            return 0;
        }
        return ChronoUnit.DAYS.between(nextDueOn, today);
    }

    /**
     * An update became overdue.
     *
     * @param schedule the schedule after it (overdue, announced)
     * @param dueOn    the date that was missed
     * @param rating   the rating it was due under
     */
    public record BecameOverdue(UpdateSchedule schedule, LocalDate dueOn, RagRating rating) {
    }
}
