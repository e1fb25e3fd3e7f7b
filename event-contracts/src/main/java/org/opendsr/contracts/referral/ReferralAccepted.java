package org.opendsr.contracts.referral;

import java.time.Instant;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.opendsr.contracts.common.AgeBand;
import org.opendsr.contracts.common.Diagnosis;
import org.opendsr.contracts.common.LifeStage;

/**
 * A referral was accepted: the person is on the register from now.
 *
 * <p>{@code dsr.referral.accepted.v1} on {@code dsr.referral.events}.
 */
@Serdeable
public record ReferralAccepted(
        UUID referralId,
        UUID personId,
        UUID registerEntryId,
        Instant acceptedAt,
        String locality,
        AgeBand ageBand,
        LifeStage lifeStage,
        @Nullable Diagnosis diagnosis,
        boolean responsibleProfessionalAllocated) {
}
