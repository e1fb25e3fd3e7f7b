package org.opendsr.meeting.outcomes.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.kit.time.DsrClock;
import org.opendsr.meeting.outcomes.domain.AgreedAction;
import org.opendsr.kit.sweep.DueDateSweep;
import org.opendsr.meeting.shared.application.MeetingAccess;

/**
 * Actions not done by their due date are announced overdue ({@code dsr.meeting.action-overdue.v1}) exactly once per
 * action: the flag that says so is stored with the event in one transaction, and the rows are locked with SKIP LOCKED,
 * so a second sweep, or one running beside it on another replica, finds nothing left to announce. Readers do not wait
 * for this: the worklist and the agenda see a past-due action as overdue at once. Run by {@code POST /meetings/sweeps}
 * and the scheduled sweep (wired by the shared core).
 */
@Singleton
public class SweepingOverdueActions implements DueDateSweep {

    /** Who the audit names as having announced it. */
    static final String SYSTEM_ACTOR = "meeting-service";
    /** Locked and announced in batches of this many, all in the sweep's one transaction. */
    static final int BATCH = 500;

    private final MeetingOutcomes outcomes;
    private final OutcomeEvents events;
    private final MeetingAccess access;

    public SweepingOverdueActions(MeetingOutcomes outcomes, OutcomeEvents events, MeetingAccess access) {
        this.outcomes = outcomes;
        this.events = events;
        this.access = access;
    }

    @Override
    public String name() {
        return "overdue-actions";
    }

    /** @return how many actions were announced overdue */
    @Override
    @Transactional
    public int sweep(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, DsrClock.ENGLAND);
        int announced = 0;
        List<AgreedAction> batch;
        do {
            batch = outcomes.pastDueUnannouncedForUpdate(today, BATCH);
            for (AgreedAction action : batch) {
                if (action.becomesOverdueOn(today)) {
                    outcomes.saveAction(action);
                    events.actionOverdue(action);
                    access.auditedBySystem(SYSTEM_ACTOR, action.personId(), "CHANGED", CompletingActions.WHAT,
                            Map.of("actionId", action.id().toString(), "status", "OPEN"),
                            Map.of("actionId", action.id().toString(), "status", "OVERDUE",
                                    "dueOn", action.dueOn().toString()));
                    announced++;
                }
            }
        } while (batch.size() == BATCH);
        return announced;
    }
}
