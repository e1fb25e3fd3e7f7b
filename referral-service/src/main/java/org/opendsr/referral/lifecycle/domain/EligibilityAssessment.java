package org.opendsr.referral.lifecycle.domain;

import java.time.Instant;
import java.util.UUID;

/** The criteria checklist recorded with a referral's decision, by whom and when. */
public record EligibilityAssessment(UUID referralId, EligibilityChecklist checklist, String assessedBy,
                                    Instant assessedAt) {
}
