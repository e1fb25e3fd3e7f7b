package org.opendsr.risk.obligations.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.risk.ObligationKind;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.access.PersonScope;
import org.opendsr.kit.paging.WorklistPage;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.kit.time.DsrClock;
import org.opendsr.risk.obligations.domain.Obligation;
import org.opendsr.risk.obligations.domain.ObligationStatus;
import org.opendsr.risk.shared.application.RiskAccess;

/** A person's obligations, and the obligations worklist: need to know, audited. */
@Singleton
public class ReadingObligations {

    private final Obligations obligations;
    private final RiskAccess access;

    private final Clock clock;

    ReadingObligations(Obligations obligations, RiskAccess access, Clock clock) {
        this.obligations = obligations;
        this.access = access;
        this.clock = clock;
    }

    /** Today in England: what a reader sees is as on this day (a past-due obligation is OVERDUE, swept or not). */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(DsrClock.ENGLAND));
    }

    /** Open ones first (soonest due first), then closed ones: the person's care team, DSR team, a lead. */
    @Transactional(readOnly = true)
    public List<Obligation> ofPerson(UUID personId, Caller caller) {
        access.read(personId, caller, "obligations");
        return obligations.ofPerson(personId);
    }

    /**
     * Open obligations of the people the caller may see, soonest due first: a professional their care-team people,
     * the DSR team its areas, a lead everyone.
     *
     * @param statuses DUE, BOOKED and/or OVERDUE as on today (a DUE or BOOKED one past its due date is OVERDUE even
     *                 before the sweep has marked it so) (closed ones are the person's history, not work); all when empty
     */
    @Transactional(readOnly = true)
    public WorklistPage<Obligation> worklist(@Nullable Set<ObligationStatus> statuses, @Nullable ObligationKind kind,
                                             @Nullable String area, @Nullable Integer limit, @Nullable String after,
                                             Caller caller) {
        int pageSize = WorklistPage.limit(limit);
        WorklistPage.After from = WorklistPage.After.of(after);
        Set<ObligationStatus> asked = statuses == null || statuses.isEmpty()
                ? EnumSet.of(ObligationStatus.DUE, ObligationStatus.BOOKED, ObligationStatus.OVERDUE)
                : EnumSet.copyOf(statuses);
        if (asked.stream().anyMatch(status -> !status.isOpen())) {
            throw RuleBroken.invalid("status", "must be DUE, BOOKED or OVERDUE: a worklist shows open obligations");
        }
        String tidyArea = area == null || area.isBlank() ? null : area.strip();
        PersonScope scope = access.scopeOf(caller);
        access.listRead(caller, "obligations worklist" + (tidyArea == null ? "" : " of " + tidyArea));
        List<Obligation> fetched = obligations.worklist(new ObligationWorklistFilter(asked, kind, tidyArea), today(),
                scope, from, pageSize + 1);
        return WorklistPage.of(fetched, pageSize, Obligation::dueOn, Obligation::id);
    }
}
