package org.opendsr.risk.updates.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.UUID;

import jakarta.inject.Singleton;
import org.opendsr.kit.time.DsrClock;
import org.opendsr.risk.shared.application.RatingChange;
import org.opendsr.risk.shared.application.RatingFollower;
import org.opendsr.risk.updates.domain.UpdateCadence;
import org.opendsr.risk.updates.domain.UpdateSchedule;

/**
 * Keeps each person's update schedule in step with their rating, inside the transaction that changes it: a new
 * rating sets the cadence (for the person's life stage and area) and the next due date, without hiding an update
 * that is already overdue; leaving the register stops the schedule.
 */
@Singleton
public class UpdatesFollowingRatings implements RatingFollower {

    private final UpdateSchedules schedules;
    private final PersonAreas areas;
    private final UpdateCadence cadence;

    public UpdatesFollowingRatings(UpdateSchedules schedules, PersonAreas areas, UpdateCadence cadence) {
        this.schedules = schedules;
        this.areas = areas;
        this.cadence = cadence;
    }

    @Override
    public void ratingChanged(RatingChange change) {
        Period newCadence = cadence.of(change.rating(), change.person() == null ? null : change.person().lifeStage(),
                areas.areaOf(change.personId()).orElse(null));
        UpdateSchedule after = schedules.findForUpdate(change.personId())
                .map(schedule -> schedule.ratingChanged(change.rating(), newCadence, change.on()))
                .orElseGet(() -> UpdateSchedule.startedBy(change.personId(), change.rating(), newCadence,
                        change.on()));
        schedules.save(after);
    }

    @Override
    public void leftRegister(UUID personId, Instant at) {
        LocalDate on = LocalDate.ofInstant(at, DsrClock.ENGLAND);
        schedules.findForUpdate(personId)
                .filter(UpdateSchedule::isRunning)
                .ifPresent(schedule -> schedules.save(schedule.stopped(on)));
    }
}
