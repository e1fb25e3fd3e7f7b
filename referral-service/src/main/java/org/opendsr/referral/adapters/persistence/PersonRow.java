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

    /** Personal data stays out of logs and messages even if this row is printed by mistake. */
    @Override
    public String toString() {
        return "PersonRow[id=" + id + ", personal data redacted]";
    }
}
