package org.opendsr.consent.domain;

import java.util.EnumSet;
import java.util.Set;

import org.opendsr.contracts.consent.ConsentBasis;

/**
 * Who gave the consent, by their relationship to the person: the DSR records the relationship, never the name.
 * Each basis admits only some givers.
 */
public enum ConsentGiver {
    /** The person themselves, with capacity to consent (a child who is competent to decide included). */
    THE_PERSON(ConsentBasis.INFORMED_CONSENT),
    /** The decision maker of a best-interests decision under the Mental Capacity Act 2005. */
    BEST_INTERESTS_DECISION_MAKER(ConsentBasis.BEST_INTERESTS_DECISION),
    /** A parent with parental responsibility. */
    PARENT(ConsentBasis.PARENTAL_RESPONSIBILITY),
    /** Anyone else with parental responsibility: a guardian, special guardian or person named in a court order. */
    OTHER_PERSON_WITH_PARENTAL_RESPONSIBILITY(ConsentBasis.PARENTAL_RESPONSIBILITY),
    /** The local authority sharing parental responsibility under a care order. */
    LOCAL_AUTHORITY(ConsentBasis.PARENTAL_RESPONSIBILITY),
    /** A welfare deputy appointed by the Court of Protection. */
    WELFARE_DEPUTY(ConsentBasis.WELFARE_DEPUTY_OR_ATTORNEY),
    /** An attorney under a lasting power of attorney for health and welfare (made only by an adult). */
    HEALTH_AND_WELFARE_ATTORNEY(ConsentBasis.WELFARE_DEPUTY_OR_ATTORNEY);

    private final ConsentBasis basis;

    ConsentGiver(ConsentBasis basis) {
        this.basis = basis;
    }

    public boolean mayGive(ConsentBasis consentBasis) {
        return basis == consentBasis;
    }

    /** The givers a basis admits. */
    public static Set<ConsentGiver> allowedFor(ConsentBasis consentBasis) {
        Set<ConsentGiver> allowed = EnumSet.noneOf(ConsentGiver.class);
        for (ConsentGiver giver : values()) {
            if (giver.mayGive(consentBasis)) {
                allowed.add(giver);
            }
        }
        return allowed;
    }
}
