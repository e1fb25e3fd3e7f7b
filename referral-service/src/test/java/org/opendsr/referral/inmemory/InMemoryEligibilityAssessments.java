package org.opendsr.referral.inmemory;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.opendsr.referral.lifecycle.domain.EligibilityAssessment;
import org.opendsr.referral.lifecycle.domain.EligibilityAssessments;

public class InMemoryEligibilityAssessments implements EligibilityAssessments {

    private final Map<UUID, EligibilityAssessment> saved = new HashMap<>();

    @Override
    public Optional<EligibilityAssessment> of(UUID referralId) {
        return Optional.ofNullable(saved.get(referralId));
    }

    @Override
    public void add(EligibilityAssessment assessment) {
        if (saved.putIfAbsent(assessment.referralId(), assessment) != null) {
            throw new IllegalStateException("primary key: a second assessment of one referral");
        }
    }
}
