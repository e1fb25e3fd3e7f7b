package org.opendsr.referral.lifecycle.adapters.persistence;

import java.time.Instant;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row of {@code consent_standing}: the person's consent as consent-service last reported it. */
@MappedEntity("consent_standing")
public record ConsentStandingRow(@Id UUID personId, UUID consentId, String status, Instant changedAt,
                                 @Nullable String basis) {
}
