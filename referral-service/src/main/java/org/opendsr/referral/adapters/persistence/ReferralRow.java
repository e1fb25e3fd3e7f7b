package org.opendsr.referral.adapters.persistence;

import java.time.Instant;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row of {@code referral}. */
@MappedEntity("referral")
public record ReferralRow(
        @Id UUID id,
        UUID personId,
        String route,
        String status,
        String reasonForReferral,
        String currentIssues,
        @Nullable String whatHasBeenTried,
        @Nullable String whatCouldReduceRisk,
        @Nullable String indicativeRag,
        String referredBy,
        @Nullable String referrerOrganisation,
        Instant receivedAt) {
}
