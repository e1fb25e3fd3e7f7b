package org.opendsr.risk.obligations.domain;

import java.util.List;

import org.opendsr.contracts.risk.ObligationKind;
import org.opendsr.contracts.risk.ReviewType;
import org.opendsr.kit.rules.RuleBroken;

/**
 * Which reviews meet which obligation, the first being the usual one (taken when none is named). RED asks for a
 * community C(E)TR, or a Local Area Emergency Protocol meeting when it is too urgent for one; AMBER for a
 * multi-agency meeting and/or a C(E)TR (NHSE DSR and C(E)TR policy 2023). Recording partners and a keyworker
 * referral are not reviews: they take none. The mapping itself is {@link ObligationKind#reviews()}, in the contracts,
 * so that meeting-service books exactly the reviews this accepts.
 */
public final class ObligationReviews {

    private ObligationReviews() {
    }

    /** The reviews that meet this kind, the usual one first; empty when it is not met by a review. */
    public static List<ReviewType> meeting(ObligationKind kind) {
        return kind.reviews();
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
