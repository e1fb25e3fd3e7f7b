package org.opendsr.consent.adapters.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

/** A row of {@code known_person}: what referral events said about a person, and nothing that identifies them. */
@MappedEntity("known_person")
public record KnownPersonRow(
        @Id UUID personId,
        String lifeStage,
        String ageBand,
        LocalDate ageBandKnownOn,
        // Whether the referral said they were under 16 then; null when it did not (published before it was added).
        @Nullable @MappedProperty("under_16") Boolean under16,
        // The month (YYYY-MM) in which they turned 16, announced once it had ended: never a day.
        @Nullable @MappedProperty("turned_16_in") String turned16In,
        // The month (YYYY-MM) in which they turn 18: never a day, which would give their date of birth away.
        @Nullable @MappedProperty("turns_18_in") String turns18In,
        Instant firstKnownAt,
        Instant lastReferredAt,
        boolean onRegister,
        boolean followed,
        @Nullable LocalDate leftRegisterOn,
        @Nullable String leftRegisterReason) {
}
