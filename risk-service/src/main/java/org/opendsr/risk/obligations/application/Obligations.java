package org.opendsr.risk.obligations.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import org.opendsr.kit.access.PersonScope;
import org.opendsr.kit.paging.WorklistPage;
import org.opendsr.risk.obligations.domain.Obligation;

/** Every obligation risk-service has opened, open or closed. Closed ones are history and are never deleted. */
public interface Obligations {

    /** The obligation as last committed, without a lock (which person it is for never changes). */
    Optional<Obligation> find(UUID obligationId);

    /** The obligation, locked until the caller's transaction ends. */
    Optional<Obligation> findForUpdate(UUID obligationId);

    /** Every obligation of the person, oldest first, locked until the caller's transaction ends. */
    List<Obligation> ofPersonForUpdate(UUID personId);

    /** The person's obligations: open ones first (soonest due first), then closed ones (latest closed first). */
    List<Obligation> ofPerson(UUID personId);

    /**
     * DUE or BOOKED obligations whose due date is before {@code today} (announced or not: one booked after it was
     * announced is made OVERDUE again, silently), locked (others running the same sweep skip them), at most
     * {@code limit}.
     */
    List<Obligation> pastDueForUpdate(LocalDate today, int limit);

    /** Stores a new or changed obligation. */
    void save(Obligation obligation);

    /**
     * Open obligations of the people in scope, soonest due first, keyset paged by due date and id. A status is as on
     * {@code today} (England): a DUE or BOOKED one past its due date counts as OVERDUE, sweep or not.
     */
    List<Obligation> worklist(ObligationWorklistFilter filter, LocalDate today, PersonScope scope,
                              @Nullable WorklistPage.After after, int limit);
}
