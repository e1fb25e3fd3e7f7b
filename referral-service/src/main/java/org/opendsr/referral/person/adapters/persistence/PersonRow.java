package org.opendsr.referral.person.adapters.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

/**
 * A row of {@code person}. The date of birth and locality are missing only while a self or family referral waits
 * to be completed by the DSR team.
 */
@MappedEntity("person")
public record PersonRow(
        @Id UUID id,
        String givenName,
        String familyName,
        @Nullable LocalDate dateOfBirth,
        @Nullable String nhsNumber,
        String postcode,
        @Nullable String locality,
        @Nullable @MappedProperty("address_line1") String addressLine1,
        @Nullable @MappedProperty("address_line2") String addressLine2,
        @Nullable String town,
        @Nullable String ethnicCategory,
        @Nullable String genderIdentity,
        @Nullable String diagnosis,
        Instant createdAt,
        Instant updatedAt) {

    /** Personal data stays out of logs and messages even if this row is printed by mistake. */
    @Override
    public String toString() {
        return "PersonRow[id=" + id + ", personal data redacted]";
    }
}
