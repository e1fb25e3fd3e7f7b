package org.opendsr.referral.lifecycle.domain;

import java.time.Instant;
import java.util.UUID;

import org.opendsr.contracts.consent.ConsentBasis;
import org.opendsr.contracts.consent.ConsentStatus;

/**
 * A person's consent as consent-service last reported it: all referral-service knows of consent. The basis is null
 * when not known (a standing kept before the basis was, migration V19).
 */
public record ConsentStanding(UUID personId, UUID consentId, ConsentStatus status, Instant changedAt,
                              ConsentBasis basis) {

    /** A standing whose basis is not known (news of a consent before the basis was kept). */
    public ConsentStanding(UUID personId, UUID consentId, ConsentStatus status, Instant changedAt) {
        this(personId, consentId, status, changedAt, null);
    }

    /**
     * The consent was given for the person, not by them: a best-interests decision, parental responsibility, or a
     * welfare deputy or attorney. Its renewal is then a matter for whoever speaks for them.
     */
    public boolean givenForThem() {
        return basis != null && basis != ConsentBasis.INFORMED_CONSENT;
    }


    /** News about any other consent than the one held is stale, unless it is a newly recorded consent. */
    public boolean isAbout(UUID otherConsentId) {
        return consentId.equals(otherConsentId);
    }
}
