package org.opendsr.contracts.consent;

import io.micronaut.serde.annotation.Serdeable;

/** What a consent reminder is about. */
@Serdeable
public enum ReminderSubject {
    RENEWAL_DUE_SOON,
    RENEWAL_OVERDUE
}
