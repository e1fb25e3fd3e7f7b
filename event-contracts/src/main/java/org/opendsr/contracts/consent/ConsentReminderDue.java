package org.opendsr.contracts.consent;

import java.time.LocalDate;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Time to remind the person, family and responsible professional about renewal. Carries no contact details.
 *
 * <p>{@code dsr.consent.reminder-due.v1} on {@code dsr.consent.events}.
 */
@Serdeable
public record ConsentReminderDue(
        UUID consentId,
        UUID personId,
        ReminderSubject subject,
        LocalDate renewalDueOn,
        @Nullable LocalDate graceEndsOn,
        int reminderNumber) {
}
