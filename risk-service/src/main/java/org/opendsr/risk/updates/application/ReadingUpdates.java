package org.opendsr.risk.updates.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.access.PersonScope;
import org.opendsr.kit.paging.WorklistPage;
import org.opendsr.kit.time.DsrClock;
import org.opendsr.risk.shared.application.RiskAccess;

/**
 * Reads a person's updates box (for those who may read the person: audited by RiskAccess) and the overdue-updates
 * worklist (only the people the caller may see, filtered in the database).
 */
@Singleton
public class ReadingUpdates {

    private final RiskAccess access;
    private final UpdateSchedules schedules;
    private final PostedUpdates updates;
    private final Clock clock;

    public ReadingUpdates(RiskAccess access, UpdateSchedules schedules, PostedUpdates updates, Clock clock) {
        this.access = access;
        this.schedules = schedules;
        this.updates = updates;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), DsrClock.ENGLAND);
    }

    /** The person's schedule and a page of their updates, newest first. */
    @Transactional
    public PersonUpdatesPage updatesOf(UUID personId, @Nullable String after, @Nullable Integer limit,
                                       Caller caller) {
        int pageSize = WorklistPage.limit(limit);
        PersonUpdatesPage.After from = PersonUpdatesPage.After.of(after);
        access.read(personId, caller, PostingUpdates.WHAT);
        return PersonUpdatesPage.of(personId, schedules.find(personId).orElse(null),
                updates.newestOf(personId, from, pageSize + 1), pageSize);
    }

    /** A page of the overdue-updates worklist, and the day in England it was read on. */
    public record OverdueUpdates(LocalDate today, WorklistPage<OverdueUpdate> page) {
    }

    /**
     * People whose update is overdue, oldest due first, of those the caller may see. The read of the list is
     * audited (who looked, which filters), as the RED and BLUE lists are.
     */
    @Transactional
    public OverdueUpdates overdue(@Nullable String area, @Nullable String responsibleProfessional,
                                  @Nullable String after, @Nullable Integer limit, Caller caller) {
        int pageSize = WorklistPage.limit(limit);
        WorklistPage.After from = WorklistPage.After.of(after);
        PersonScope scope = access.scopeOf(caller);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, DsrClock.ENGLAND);
        String chosenArea = blankToNull(area);
        String chosenProfessional = blankToNull(responsibleProfessional);
        access.listRead(caller, "overdue-updates worklist" + (chosenArea == null ? "" : " area=" + chosenArea)
                + (chosenProfessional == null ? "" : " responsibleProfessional=" + chosenProfessional));
        List<OverdueUpdate> fetched = schedules.overdue(today, now, scope, chosenArea, chosenProfessional, from,
                pageSize + 1);
        return new OverdueUpdates(today, WorklistPage.of(fetched, pageSize, OverdueUpdate::dueOn,
                OverdueUpdate::personId));
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
