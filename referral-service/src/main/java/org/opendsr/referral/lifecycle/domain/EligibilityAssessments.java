package org.opendsr.referral.lifecycle.domain;

import java.util.Optional;
import java.util.UUID;

/** Criteria checklists, one per decided referral. */
public interface EligibilityAssessments {

    Optional<EligibilityAssessment> of(UUID referralId);

    void add(EligibilityAssessment assessment);
}
