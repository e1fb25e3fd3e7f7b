package org.opendsr.consent.adapters.messaging;

import java.util.List;

import jakarta.inject.Singleton;
import org.opendsr.consent.application.ConsentEvents;
import org.opendsr.consent.domain.ConsentChange;
import org.opendsr.consent.domain.ConsentState;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.consent.ConsentLapsed;
import org.opendsr.contracts.consent.ConsentOverdue;
import org.opendsr.contracts.consent.ConsentRecorded;
import org.opendsr.contracts.consent.ConsentReminderDue;
import org.opendsr.contracts.consent.ConsentRenewalDue;
import org.opendsr.contracts.consent.ConsentStatus;
import org.opendsr.contracts.consent.ConsentWithdrawn;
import org.opendsr.contracts.consent.OverdueReason;
import org.opendsr.kit.ports.EventOutbox;

/**
 * Publishes consent changes on {@code dsr.consent.events} through the outbox, in the caller's transaction, keyed by
 * the person. Each domain change becomes exactly one event of the published contract.
 */
@Singleton
public class ConsentEventPublisher implements ConsentEvents {

    static final String AGGREGATE_TYPE = "consent";

    private final EventOutbox outbox;

    public ConsentEventPublisher(EventOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void publish(List<? extends ConsentChange> changes) {
        changes.forEach(this::publish);
    }

    @Override
    public void publish(ConsentChange change) {
        if (change instanceof ConsentChange.Recorded recorded) {
            append(recorded, EventTypes.CONSENT_RECORDED_V1, new ConsentRecorded(recorded.consentId(),
                    recorded.personId(), recorded.basis(), recorded.givenOn(), recorded.renewalDue().on(),
                    statusOf(recorded.state()), recorded.graceEndsOn(), recorded.renewalOf(), recorded.recordedAt()));
        } else if (change instanceof ConsentChange.RenewalBecameDue due) {
            append(due, EventTypes.CONSENT_RENEWAL_DUE_V1,
                    new ConsentRenewalDue(due.consentId(), due.personId(), due.renewalDueOn()));
        } else if (change instanceof ConsentChange.BecameOverdue overdue) {
            append(overdue, EventTypes.CONSENT_OVERDUE_V1, new ConsentOverdue(overdue.consentId(), overdue.personId(),
                    overdue.overdueSince(), overdue.graceEndsOn(), OverdueReason.valueOf(overdue.reason().name())));
        } else if (change instanceof ConsentChange.Lapsed lapsed) {
            append(lapsed, EventTypes.CONSENT_LAPSED_V1,
                    new ConsentLapsed(lapsed.consentId(), lapsed.personId(), lapsed.lapsedOn()));
        } else if (change instanceof ConsentChange.Withdrawn withdrawn) {
            append(withdrawn, EventTypes.CONSENT_WITHDRAWN_V1, new ConsentWithdrawn(withdrawn.consentId(),
                    withdrawn.personId(), withdrawn.withdrawnOn(), withdrawn.reason()));
        } else if (change instanceof ConsentChange.ReminderDue reminder) {
            append(reminder, EventTypes.CONSENT_REMINDER_DUE_V1, new ConsentReminderDue(reminder.consentId(),
                    reminder.personId(), reminder.subject(), reminder.renewalDueOn(), reminder.graceEndsOn(),
                    reminder.reminderNumber()));
        } else {
            throw new IllegalArgumentException("no event for " + change.getClass().getSimpleName());
        }
    }

    /** The published status of a consent as recorded: a new consent is never renewed, lapsed or withdrawn. */
    static ConsentStatus statusOf(ConsentState state) {
        if (!state.isOpen()) {
            throw new IllegalArgumentException("a consent is recorded open, not " + state);
        }
        return ConsentStatus.valueOf(state.name());
    }

    private void append(ConsentChange change, String type, Object payload) {
        outbox.append(AGGREGATE_TYPE, change.personId(), type, payload);
    }
}
