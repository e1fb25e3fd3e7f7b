package org.opendsr.risk.updates.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.access.PersonScope;
import org.opendsr.kit.rules.RuleBroken;
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
    @Transactional(noRollbackFor = RuleBroken.class)
    public PersonUpdatesPage updatesOf(UUID personId, @Nullable String after, @Nullable Integer limit,
                                       Caller caller) {
        int pageSize = Paging.limitOf(limit);
        PersonUpdatesPage.After from = PersonUpdatesPage.After.of(after);
        access.read(personId, caller, PostingUpdates.WHAT);
        return PersonUpdatesPage.of(personId, schedules.find(personId).orElse(null),
                updates.newestOf(personId, from, pageSize + 1), pageSize);
    }

    /** People whose update is overdue, oldest due first, of those the caller may see. */
    @Transactional(readOnly = true)
    public OverdueUpdatesPage overdue(@Nullable String area, @Nullable String responsibleProfessional,
                                      @Nullable String after, @Nullable Integer limit, Caller caller) {
        int pageSize = Paging.limitOf(limit);
        OverdueUpdatesPage.After from = OverdueUpdatesPage.After.of(after);
        PersonScope scope = access.scopeOf(caller);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, DsrClock.ENGLAND);
        return OverdueUpdatesPage.of(today, schedules.overdue(today, now, scope, blankToNull(area),
                blankToNull(responsibleProfessional), from, pageSize + 1), pageSize);
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
