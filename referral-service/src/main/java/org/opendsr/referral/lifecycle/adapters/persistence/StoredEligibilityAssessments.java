package org.opendsr.referral.lifecycle.adapters.persistence;

import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Singleton;
import org.opendsr.referral.lifecycle.domain.EligibilityAssessment;
import org.opendsr.referral.lifecycle.domain.EligibilityAssessments;
import org.opendsr.referral.lifecycle.domain.EligibilityChecklist;

/** Criteria checklists in PostgreSQL, one row per decided referral. */
@Singleton
class StoredEligibilityAssessments implements EligibilityAssessments {

    private final EligibilityAssessmentRows rows;

    StoredEligibilityAssessments(EligibilityAssessmentRows rows) {
        this.rows = rows;
    }

    @Override
    public Optional<EligibilityAssessment> of(UUID referralId) {
        return rows.findById(referralId).map(row -> new EligibilityAssessment(row.referralId(),
                new EligibilityChecklist(row.learningDisabilityOrAutism(), row.atRiskOfAdmissionOrPlacementBreakdown(),
                        row.livesInIcbArea()), row.assessedBy(), row.assessedAt()));
    }

    @Override
    public void add(EligibilityAssessment assessment) {
        EligibilityChecklist checklist = assessment.checklist();
        rows.save(new EligibilityAssessmentRow(assessment.referralId(), checklist.learningDisabilityOrAutism(),
                checklist.atRiskOfAdmissionOrPlacementBreakdown(), checklist.livesInIcbArea(),
                assessment.assessedBy(), assessment.assessedAt()));
    }
}
