package org.opendsr.consent.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.opendsr.contracts.consent.ConsentBasis;
import org.opendsr.contracts.consent.ConsentWithdrawalReason;
import org.opendsr.contracts.consent.ReminderSubject;

/** What happened to a consent: each change is published as one event, keyed by the person. */
public sealed interface ConsentChange {

    UUID consentId();

    UUID personId();

    /** A consent (or a renewal) was recorded, in the state its dates give on the day. */
    record Recorded(UUID consentId, UUID personId, ConsentBasis basis, LocalDate givenOn, RenewalDue renewalDue,
                    ConsentState state, LocalDate graceEndsOn, UUID renewalOf, Instant recordedAt)
            implements ConsentChange {
    }

    /** The renewal window opened. */
    record RenewalBecameDue(UUID consentId, UUID personId, LocalDate renewalDueOn) implements ConsentChange {
    }

    /** The due date came without a renewal: the grace period runs until {@code graceEndsOn}. */
    record BecameOverdue(UUID consentId, UUID personId, LocalDate overdueSince, LocalDate graceEndsOn,
                         RenewalReason reason) implements ConsentChange {
    }

    /** The grace period ended without a renewal: the person is to be removed from the register. */
    record Lapsed(UUID consentId, UUID personId, LocalDate lapsedOn) implements ConsentChange {
    }

    /** Consent was withdrawn: the person is to be removed from the register. */
    record Withdrawn(UUID consentId, UUID personId, LocalDate withdrawnOn, ConsentWithdrawalReason reason)
            implements ConsentChange {
    }

    /**
     * Time to remind the person, family and responsible professional. {@code reminderNumber} counts the reminders
     * of this consent's renewal from 1; {@code scheduledFor} is the day of the schedule it stands for.
     */
    record ReminderDue(UUID consentId, UUID personId, ReminderSubject subject, LocalDate scheduledFor,
                       LocalDate renewalDueOn, LocalDate graceEndsOn, int reminderNumber) implements ConsentChange {
    }
}
