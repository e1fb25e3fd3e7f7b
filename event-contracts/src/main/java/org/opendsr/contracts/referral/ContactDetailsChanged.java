package org.opendsr.contracts.referral;

import java.time.Instant;
import java.util.UUID;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A person's contact details changed (the details themselves stay in referral-service).
 *
 * <p>{@code dsr.person.contact-details-changed.v1} on {@code dsr.referral.events}.
 */
@Serdeable
public record ContactDetailsChanged(
        UUID personId,
        Instant changedAt) {
}
