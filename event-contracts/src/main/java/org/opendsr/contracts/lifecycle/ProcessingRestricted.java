package org.opendsr.contracts.lifecycle;

import java.time.Instant;
import java.util.UUID;

import io.micronaut.serde.annotation.Serdeable;

/**
 * Processing of a person's data was restricted (UK GDPR Article 18), or the restriction was lifted. While restricted,
 * the DSR keeps the record but sends no notifications and does no non-essential processing, and every service shows
 * the restriction wherever it shows the person. The reason stays in referral-service.
 *
 * <p>{@code dsr.person.processing-restricted.v1} on {@code dsr.referral.events}.
 */
@Serdeable
public record ProcessingRestricted(
        UUID personId,
        boolean restricted,
        Instant changedAt) {
}
