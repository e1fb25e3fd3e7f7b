package org.opendsr.contracts.referral;

import java.time.Instant;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.opendsr.contracts.common.AgeBand;
import org.opendsr.contracts.common.Diagnosis;
import org.opendsr.contracts.common.LifeStage;
import org.opendsr.contracts.common.RagRating;

/**
 * {@code dsr.referral.received.v1}: a referral reached the DSR. Carries no personal identifiers: the person is
 * known only by personId, their age only by band and life stage, where they live only by locality.
 *
 * @param referralId    the referral
 * @param personId      the person referred (also the CloudEvents subject and the Kafka key)
 * @param route         how the referral arrived
 * @param locality      the configured ICB place / local authority code the person lives in
 * @param ageBand       age band at referral
 * @param lifeStage     CHILD or ADULT at referral
 * @param indicativeRag the referrer's indicative rating, when they gave one
 * @param receivedAt    when the DSR received it
 * @param diagnosis     learning disability, autism, both, or on an assessment pathway, when known
 * @param under16       whether they were under 16 at referral: the Mental Capacity Act 2005 applies from 16, and
 *                      {@link AgeBand#AGE_14_TO_17} straddles it. Added to v1 as an optional field (issue 15); absent
 *                      on older events, when a consumer must take someone in a band that straddles 16 as possibly
 *                      under 16. Fixed at referral: {@link PersonTurned16} tells when it stops being true.
 */
@Serdeable
public record ReferralReceived(
        UUID referralId,
        UUID personId,
        ReferralRoute route,
        String locality,
        AgeBand ageBand,
        LifeStage lifeStage,
        @Nullable RagRating indicativeRag,
        Instant receivedAt,
        @Nullable Diagnosis diagnosis,
        @Nullable Boolean under16) {
}
