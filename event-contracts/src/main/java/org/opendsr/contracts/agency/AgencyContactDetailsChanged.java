package org.opendsr.contracts.agency;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An agency system reports a person's new phone or email. Matched by NHS number.
 *
 * <p>{@code dsr.agency.contact-details-changed.v1} on {@code dsr.agency.inbound.<agency-id>}; superseded by v2, which adds the date of birth.
 */
@Serdeable
public record AgencyContactDetailsChanged(
        String nhsNumber,
        @Nullable String phone,
        @Nullable String email) {

    /** Carries personal data: never printed, even by mistake. */
    @Override
    public String toString() {
        return "AgencyContactDetailsChanged[personal data redacted]";
    }
}
