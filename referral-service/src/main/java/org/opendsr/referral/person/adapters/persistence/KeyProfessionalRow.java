package org.opendsr.referral.person.adapters.persistence;

import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row of {@code key_professional}. */
@MappedEntity("key_professional")
public record KeyProfessionalRow(
        @Id UUID id,
        UUID personId,
        int position,
        String name,
        String role,
        String organisation,
        @Nullable String phone,
        @Nullable String email,
        @Nullable String userId) {

    @Override
    public String toString() {
        return "KeyProfessionalRow[id=" + id + ", details redacted]";
    }
}
