package org.opendsr.risk.obligations.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.kit.time.DsrClock;
import org.opendsr.risk.obligations.domain.Obligation;
import org.opendsr.risk.obligations.domain.ObligationChange;
import org.opendsr.kit.sweep.DueDateSweep;

/**
 * Due or booked obligations whose due date has passed become OVERDUE and are announced
 * ({@code dsr.risk.obligation-overdue.v1}) exactly once per obligation: the flag that says so is stored with the
 * status and the event in one transaction, and a second sweep, or one running beside it, finds nothing left to
 * announce. One already announced but stored BOOKED (booked before bookings kept OVERDUE) is made OVERDUE again,
 * silently. Readers do not wait for this: they see a past-due obligation as OVERDUE at once.
 */
@Singleton
public class SweepingObligations implements DueDateSweep {

    /** Locked and announced in batches of this many, all in the sweep's one transaction. */
    static final int BATCH = 500;

    private final Obligations obligations;
    private final ObligationRecords records;

    SweepingObligations(Obligations obligations, ObligationRecords records) {
        this.obligations = obligations;
        this.records = records;
    }

    @Override
    public String name() {
        return "overdue-obligations";
    }

    @Override
    @Transactional
    public int sweep(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, DsrClock.ENGLAND);
        int overdue = 0;
        List<Obligation> batch;
        List<ObligationChange> changes;
        do {
            batch = obligations.pastDueForUpdate(today, BATCH);
            changes = new ArrayList<>();
            for (Obligation obligation : batch) {
                obligation.overdueOn(today).ifPresent(changes::add);
            }
            records.recordBySystem(changes);
            overdue += changes.size();
        } while (batch.size() == BATCH && !changes.isEmpty());
        return overdue;
    }
}
