package org.opendsr.referral.lifecycle.domain;

import java.time.Instant;
import java.util.UUID;

import org.opendsr.contracts.consent.ConsentStatus;

/** A person's consent as consent-service last reported it: all referral-service knows of consent. */
public record ConsentStanding(UUID personId, UUID consentId, ConsentStatus status, Instant changedAt) {

    /** News about any other consent than the one held is stale, unless it is a newly recorded consent. */
    public boolean isAbout(UUID otherConsentId) {
        return consentId.equals(otherConsentId);
    }
}
