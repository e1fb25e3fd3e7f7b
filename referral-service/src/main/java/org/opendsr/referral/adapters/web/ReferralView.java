package org.opendsr.referral.adapters.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.opendsr.referral.adapters.persistence.PersonRow;
import org.opendsr.referral.adapters.persistence.ReferralRow;

/** A referral as the DSR team and its referrer see it. */
@Serdeable
public record ReferralView(
        UUID referralId,
        String route,
        String status,
        Instant receivedAt,
        String referredBy,
        @Nullable String referrerOrganisation,
        PersonView person,
        String reasonForReferral,
        String currentIssues,
        @Nullable String whatHasBeenTried,
        @Nullable String whatCouldReduceRisk,
        @Nullable String indicativeRag) {

    @Serdeable
    public record PersonView(UUID personId, String givenName, String familyName, LocalDate dateOfBirth,
                             @Nullable String nhsNumber, String postcode, String locality) {

        @Override
        public String toString() {
            return "PersonView[personId=" + personId + ", personal data redacted]";
        }
    }

    /** Personal data stays out of logs and messages even if this view is printed by mistake. */
    @Override
    public String toString() {
        return "ReferralView[referralId=" + referralId + ", personal data redacted]";
    }

    static ReferralView of(ReferralRow referral, PersonRow person) {
        return new ReferralView(referral.id(), referral.route(), referral.status(), referral.receivedAt(),
                referral.referredBy(), referral.referrerOrganisation(),
                new PersonView(person.id(), person.givenName(), person.familyName(), person.dateOfBirth(),
                        person.nhsNumber(), person.postcode(), person.locality()),
                referral.reasonForReferral(), referral.currentIssues(), referral.whatHasBeenTried(),
                referral.whatCouldReduceRisk(), referral.indicativeRag());
    }
}
