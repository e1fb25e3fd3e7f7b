package org.opendsr.contracts.referral;

import java.time.Instant;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.opendsr.contracts.common.AgeBand;
import org.opendsr.contracts.common.Diagnosis;
import org.opendsr.contracts.common.EthnicCategory;
import org.opendsr.contracts.common.LifeStage;

/**
 * A referral was accepted: the person is on the register from now. The ethnic category is the person's record's at
 * acceptance (null when not recorded), for reporting by ethnicity; added to v1 as an optional field (issue 14).
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
        boolean responsibleProfessionalAllocated,
        @Nullable EthnicCategory ethnicCategory) {
}
