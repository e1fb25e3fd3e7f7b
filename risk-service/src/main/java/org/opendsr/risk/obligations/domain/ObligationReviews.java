package org.opendsr.risk.obligations.domain;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.opendsr.contracts.risk.ObligationKind;
import org.opendsr.contracts.risk.ReviewType;
import org.opendsr.kit.rules.RuleBroken;

/**
 * Which reviews meet which obligation, the first being the usual one (taken when none is named). RED asks for a
 * community C(E)TR, or a Local Area Emergency Protocol meeting when it is too urgent for one; AMBER for a
 * multi-agency meeting and/or a C(E)TR (NHSE DSR and C(E)TR policy 2023). Recording partners and a keyworker
 * referral are not reviews: they take none.
 */
public final class ObligationReviews {

    private static final Map<ObligationKind, List<ReviewType>> MET_BY = new EnumMap<>(Map.of(
            ObligationKind.COMMUNITY_CTR, List.of(ReviewType.COMMUNITY_CTR, ReviewType.LAEP),
            ObligationKind.MULTI_AGENCY_REVIEW, List.of(ReviewType.MULTI_AGENCY_MEETING, ReviewType.COMMUNITY_CTR),
            ObligationKind.CTR_PARTNERS, List.of(),
            ObligationKind.POST_ADMISSION_CTR, List.of(ReviewType.POST_ADMISSION_CTR),
            ObligationKind.INPATIENT_CTR, List.of(ReviewType.INPATIENT_CTR),
            ObligationKind.COMMISSIONER_OVERSIGHT_VISIT, List.of(ReviewType.OVERSIGHT_VISIT),
            ObligationKind.KEYWORKER_REFERRAL, List.of()));

    private ObligationReviews() {
    }

    /** The reviews that meet this kind, the usual one first; empty when it is not met by a review. */
    public static List<ReviewType> meeting(ObligationKind kind) {
        return MET_BY.get(kind);
    }

    /** The review that met it: the one named if this kind allows it, else the usual one. */
    static ReviewType resolve(ObligationKind kind, ReviewType named) {
        List<ReviewType> allowed = meeting(kind);
        if (named == null) {
            return allowed.isEmpty() ? null : allowed.get(0);
        }
        if (!allowed.contains(named)) {
            throw RuleBroken.invalid("reviewType", allowed.isEmpty()
                    ? "a " + kind + " obligation is not met by a review: leave reviewType out"
                    : "a " + kind + " obligation is met by " + String.join(" or ",
                            allowed.stream().map(Enum::name).toList()) + ", not " + named);
        }
        return named;
    }
}
