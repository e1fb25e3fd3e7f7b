package org.opendsr.consent.application;

import java.time.LocalDate;
import java.util.UUID;

import org.opendsr.consent.domain.BestInterestsDecision;
import org.opendsr.consent.domain.ConsentGiver;
import org.opendsr.consent.domain.ExplanationFormat;
import org.opendsr.contracts.consent.ConsentBasis;

/** What a professional records: a consent for a person, or a renewal when {@code renewalOf} is given. */
public record ConsentToRecord(
        UUID personId,
        ConsentBasis basis,
        ConsentGiver givenBy,
        LocalDate givenOn,
        BestInterestsDecision bestInterests,
        ExplanationFormat explainedWith,
        String explainedWithDetail,
        String formKeptAt,
        UUID renewalOf) {

    @Override
    public String toString() {
        return "ConsentToRecord[personId=" + personId + ", basis=" + basis + ", renewalOf=" + renewalOf
                + ", free text redacted]";
    }
}
