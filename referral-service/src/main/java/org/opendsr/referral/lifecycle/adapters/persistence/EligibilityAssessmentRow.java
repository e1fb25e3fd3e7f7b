package org.opendsr.referral.lifecycle.adapters.persistence;

import java.time.Instant;
import java.util.UUID;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row of {@code eligibility_assessment}: the criteria checklist recorded with a referral's decision. */
@MappedEntity("eligibility_assessment")
public record EligibilityAssessmentRow(
        @Id UUID referralId,
        boolean learningDisabilityOrAutism,
        boolean atRiskOfAdmissionOrPlacementBreakdown,
        boolean livesInIcbArea,
        String assessedBy,
        Instant assessedAt) {
}
