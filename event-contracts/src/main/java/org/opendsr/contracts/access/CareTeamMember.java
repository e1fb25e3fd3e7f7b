package org.opendsr.contracts.access;

import java.time.Instant;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One current membership of a person's care team: who (the token subject, never an e-mail), in which role, from
 * when, and until when if it is time-limited (a break-glass read). No names: a subject is a staff identity.
 */
@Serdeable
public record CareTeamMember(
        UUID membershipId,
        String subject,
        CareTeamRole role,
        Instant from,
        @Nullable Instant to) {
}
