package org.opendsr.meeting.agenda.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import org.opendsr.contracts.risk.ObligationKind;

/** A review a rating obliges (risk-service's obligation) that is still open: due or overdue. */
public record OpenReview(UUID personId, ObligationKind kind, LocalDate dueOn) {

    public OpenReview {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(dueOn, "dueOn");
    }

    /** In plain words, e.g. "Community C(E)TR". */
    String named() {
        return switch (kind) {
            case COMMUNITY_CTR -> "Community C(E)TR";
            case MULTI_AGENCY_REVIEW -> "Multi-agency review";
            case CTR_PARTNERS -> "C(E)TR partners to record";
            case POST_ADMISSION_CTR -> "Post-admission C(E)TR";
            case INPATIENT_CTR -> "Inpatient C(E)TR";
            case COMMISSIONER_OVERSIGHT_VISIT -> "Commissioner oversight visit";
            case KEYWORKER_REFERRAL -> "Keyworker referral";
        };
    }
}
