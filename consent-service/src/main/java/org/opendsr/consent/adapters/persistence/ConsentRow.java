package org.opendsr.consent.adapters.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row of {@code consent}. Only {@link Consents} turns it into a {@code Consent}. */
@MappedEntity("consent")
public record ConsentRow(
        @Id UUID id,
        UUID personId,
        String basis,
        String givenBy,
        LocalDate givenOn,
        boolean givenForChild,
        @Nullable LocalDate capacityAssessedOn,
        @Nullable String decisionMakerRole,
        String explainedWith,
        @Nullable String explainedWithDetail,
        String formKeptAt,
        String recordedBy,
        Instant recordedAt,
        @Nullable UUID renewalOf,
        LocalDate renewalDueOn,
        String renewalReason,
        String state,
        @Nullable LocalDate renewalDueSince,
        @Nullable LocalDate overdueSince,
        @Nullable LocalDate graceEndsOn,
        @Nullable LocalDate lapsedOn,
        @Nullable LocalDate withdrawnOn,
        @Nullable String withdrawalReason,
        @Nullable String withdrawalNote,
        @Nullable String withdrawalRecordedBy,
        @Nullable UUID renewedBy,
        @Nullable LocalDate renewedOn,
        int remindersSent,
        @Nullable LocalDate lastReminderFor,
        Instant updatedAt) {

    /** Free text stays out of logs even if this row is printed by mistake. */
    @Override
    public String toString() {
        return "ConsentRow[id=" + id + ", personId=" + personId + ", state=" + state + ", free text redacted]";
    }
}
