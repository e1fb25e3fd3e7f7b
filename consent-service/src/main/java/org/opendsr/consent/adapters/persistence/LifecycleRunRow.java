package org.opendsr.consent.adapters.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row of {@code consent_lifecycle_run}. */
@MappedEntity("consent_lifecycle_run")
public record LifecycleRunRow(
        @Id UUID id,
        LocalDate ranOn,
        String runBy,
        Instant startedAt,
        Instant finishedAt,
        int renewalsDue,
        int overdue,
        int lapsed,
        int reminders) {
}
