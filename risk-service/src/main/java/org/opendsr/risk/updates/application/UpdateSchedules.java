package org.opendsr.risk.updates.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import org.opendsr.kit.access.PersonScope;
import org.opendsr.kit.paging.WorklistPage;
import org.opendsr.risk.updates.domain.UpdateSchedule;

/** Every person's update schedule, running or stopped (a port). */
public interface UpdateSchedules {

    Optional<UpdateSchedule> find(UUID personId);

    /** The person's schedule, locked until the caller's transaction ends. */
    Optional<UpdateSchedule> findForUpdate(UUID personId);

    /** Adds or replaces the person's schedule. */
    void save(UpdateSchedule schedule);

    /**
     * Running schedules not yet flagged overdue whose due date is before {@code today}, locked, in a fixed order:
     * what a sweep works through.
     */
    List<UpdateSchedule> missedBeforeForUpdate(LocalDate today);

    /**
     * The overdue-updates worklist: running schedules whose update is overdue on {@code today} (flagged by a sweep,
     * or past due and not yet swept), of the people in scope, oldest due first, keyset paged by (missed due date, personId).
     *
     * @param area                   only people of this area, or null
     * @param responsibleProfessional only people whose current responsible professional has this subject, or null
     * @param now                    when care-team memberships are read
     */
    List<OverdueUpdate> overdue(LocalDate today, Instant now, PersonScope scope, @Nullable String area,
                                @Nullable String responsibleProfessional, @Nullable WorklistPage.After after,
                                int limit);
}
