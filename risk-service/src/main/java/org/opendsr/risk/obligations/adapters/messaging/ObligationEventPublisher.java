package org.opendsr.risk.obligations.adapters.messaging;

import java.time.LocalDate;

import jakarta.inject.Singleton;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.contracts.risk.ObligationCompleted;
import org.opendsr.contracts.risk.ObligationDue;
import org.opendsr.contracts.risk.ObligationOverdue;
import org.opendsr.kit.ports.EventOutbox;
import org.opendsr.risk.obligations.application.ObligationEvents;
import org.opendsr.risk.obligations.domain.Obligation;
import org.opendsr.risk.obligations.domain.ObligationChange;

/**
 * Obligation events on {@code dsr.risk.events} through the outbox, in the caller's transaction, keyed by the person.
 * No free text: why an obligation was not needed, and who the C(E)TR partners are, stay in risk-service.
 */
@Singleton
class ObligationEventPublisher implements ObligationEvents {

    static final String AGGREGATE_TYPE = "obligation";

    private final EventOutbox outbox;

    ObligationEventPublisher(EventOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void publish(ObligationChange change) {
        Obligation obligation = change.obligation();
        if (change instanceof ObligationChange.Opened opened) {
            due(obligation, opened.dueOn(), opened.rating());
        } else if (change instanceof ObligationChange.Rescheduled rescheduled) {
            // The same obligation, due on another day: announced again so meeting-service plans by the new date.
            due(obligation, rescheduled.dueOn(), obligation.ratingAtOpening());
        } else if (change instanceof ObligationChange.BecameOverdue overdue) {
            outbox.append(AGGREGATE_TYPE, obligation.personId(), EventTypes.RISK_OBLIGATION_OVERDUE_V1,
                    new ObligationOverdue(obligation.id(), obligation.personId(), obligation.kind(), overdue.dueOn()));
        } else if (change instanceof ObligationChange.Closed closed) {
            outbox.append(AGGREGATE_TYPE, obligation.personId(), EventTypes.RISK_OBLIGATION_COMPLETED_V1,
                    new ObligationCompleted(obligation.id(), obligation.personId(), obligation.kind(),
                            closed.outcome(), closed.closedOn(), closed.reviewType()));
        }
        // A booking is not announced: meeting-service books through its own events. Nor is OverdueAgain: an
        // obligation is announced overdue once.
    }

    private void due(Obligation obligation, LocalDate dueOn, RagRating rating) {
        outbox.append(AGGREGATE_TYPE, obligation.personId(), EventTypes.RISK_OBLIGATION_DUE_V1,
                new ObligationDue(obligation.id(), obligation.personId(), obligation.kind(), dueOn, rating));
    }
}
