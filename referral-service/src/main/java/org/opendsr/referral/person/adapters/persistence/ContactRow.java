package org.opendsr.referral.person.adapters.persistence;

import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row of {@code person_contact}: the person, a parent or carer, or a paid carer. */
@MappedEntity("person_contact")
public record ContactRow(
        @Id UUID id,
        UUID personId,
        int position,
        String relationship,
        @Nullable String name,
        @Nullable String phone,
        @Nullable String email,
        boolean hasParentalResponsibility) {

    @Override
    public String toString() {
        return "ContactRow[id=" + id + ", personal data redacted]";
    }
}
