package org.opendsr.risk.obligations.application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;
import org.opendsr.kit.access.Caller;
import org.opendsr.risk.obligations.domain.Obligation;
import org.opendsr.risk.obligations.domain.ObligationChange;
import org.opendsr.risk.shared.application.RiskAccess;

/**
 * Stores each obligation a change touched, publishes the change and audits it, in the caller's transaction: the one
 * place an obligation change is written, so none is stored without its event and its audit line.
 */
@Singleton
class ObligationRecords {

    /** Who the audit names when risk-service itself opened or closed an obligation (a rating change, the sweep). */
    static final String SYSTEM_ACTOR = "risk-service";

    private final Obligations obligations;
    private final ObligationEvents events;
    private final RiskAccess access;

    ObligationRecords(Obligations obligations, ObligationEvents events, RiskAccess access) {
        this.obligations = obligations;
        this.events = events;
        this.access = access;
    }

    /** Changes the system made (following a rating, the sweep). */
    void recordBySystem(List<ObligationChange> changes) {
        recordBySystem(SYSTEM_ACTOR, changes);
    }

    /** Changes another service's events made (meeting-service's bookings), the audit naming that service. */
    void recordBySystem(String actor, List<ObligationChange> changes) {
        for (ObligationChange change : changes) {
            obligations.save(change.obligation());
            events.publish(change);
            access.auditedBySystem(actor, change.obligation().personId(), "CHANGED", what(change),
                    before(change), after(change.obligation()));
        }
    }

    /** Changes a caller made (booking, completing, not needed) and what followed from them. */
    void recordBy(Caller caller, List<ObligationChange> changes) {
        for (ObligationChange change : changes) {
            obligations.save(change.obligation());
            events.publish(change);
            access.audited(caller, change.obligation().personId(), "CHANGED", what(change), before(change),
                    after(change.obligation()));
        }
    }

    private static String what(ObligationChange change) {
        return "obligation " + change.obligation().kind();
    }

    private static Map<String, Object> before(ObligationChange change) {
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("obligationId", change.obligation().id().toString());
        if (change instanceof ObligationChange.Opened) {
            return null;
        } else if (change instanceof ObligationChange.Rescheduled rescheduled) {
            before.put("dueOn", rescheduled.previouslyDueOn().toString());
        } else if (change instanceof ObligationChange.Booked booked) {
            before.put("status", booked.previousStatus().name());
            if (booked.previouslyBookedFor() != null) {
                before.put("bookedFor", booked.previouslyBookedFor().toString());
            }
        } else if (change instanceof ObligationChange.BookingWithdrawn withdrawn) {
            before.put("status", withdrawn.previousStatus().name());
            before.put("bookedFor", withdrawn.previouslyBookedFor().toString());
        } else if (change instanceof ObligationChange.BecameOverdue overdue) {
            before.put("status", overdue.previousStatus().name());
        } else if (change instanceof ObligationChange.OverdueAgain again) {
            before.put("status", again.previousStatus().name());
        } else if (change instanceof ObligationChange.Closed closed) {
            before.put("status", closed.previousStatus().name());
        }
        return before;
    }

    private static Map<String, Object> after(Obligation obligation) {
        Obligation.Snapshot s = obligation.snapshot();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("obligationId", s.id().toString());
        after.put("kind", s.kind().name());
        after.put("status", s.status().name());
        after.put("dueOn", s.dueOn().toString());
        after.put("openedBy", s.openedBy().name());
        if (s.bookedFor() != null) {
            after.put("bookedFor", s.bookedFor().toString());
        }
        if (s.completedOn() != null) {
            after.put("completedOn", s.completedOn().toString());
        }
        if (s.reviewType() != null) {
            after.put("reviewType", s.reviewType().name());
        }
        if (s.meetingId() != null) {
            after.put("meetingId", s.meetingId().toString());
        }
        if (!s.partners().isEmpty()) {
            after.put("partners", s.partners());
        }
        if (s.notNeededReason() != null) {
            after.put("notNeededReason", s.notNeededReason());
        }
        return after;
    }
}
