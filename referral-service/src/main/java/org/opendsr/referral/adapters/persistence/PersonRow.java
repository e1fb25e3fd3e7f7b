package org.opendsr.referral.adapters.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row of {@code person}. */
@MappedEntity("person")
public record PersonRow(
        @Id UUID id,
        String givenName,
        String familyName,
        LocalDate dateOfBirth,
        @Nullable String nhsNumber,
        String postcode,
        String locality,
        Instant createdAt,
        Instant updatedAt) {
}
