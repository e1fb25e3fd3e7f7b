package org.opendsr.referral.adapters.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import org.opendsr.referral.adapters.persistence.EligibilityAssessmentRow;
import org.opendsr.referral.adapters.persistence.PersonRow;
import org.opendsr.referral.adapters.persistence.ReferralRow;
import org.opendsr.referral.application.ReadingRecords;

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
        @Nullable String reasonForReferral,
        @Nullable String currentIssues,
        @Nullable String whatHasBeenTried,
        @Nullable String whatCouldReduceRisk,
        @Nullable String indicativeRag,
        boolean complete,
        LocalDate firstContactDueOn,
        @Nullable Instant contactedAt,
        @Nullable Outcome outcome,
        @Nullable AgencyReferrer agencyReferrer,
        @Schema(description = "For a person already known: details this referral gave that differ from their record"
                + " (by field name), kept for the DSR team to review rather than written over the record")
        Map<String, String> detailsToReview) {

    /** Only the personId for a referrer whose referral no longer gives them a need to know the person. */
    @Serdeable
    public record PersonView(UUID personId, @Nullable String givenName, @Nullable String familyName,
                             @Nullable LocalDate dateOfBirth, @Nullable String nhsNumber, @Nullable String postcode,
                             @Nullable String locality) {

        @Override
        public String toString() {
            return "PersonView[personId=" + personId + ", personal data redacted]";
        }
    }

    /** The decision or withdrawal, with the criteria checklist when it was assessed. */
    @Serdeable
    public record Outcome(Instant at, String by, @Nullable String declineReason, @Nullable String withdrawalReason,
                          @Nullable String notes, @Nullable Criteria criteria) {
        @Override
        public String toString() {
            return "Outcome[at=" + at + ", notes redacted]";
        }
    }

    @Serdeable
    public record Criteria(boolean learningDisabilityOrAutism, boolean atRiskOfAdmissionOrPlacementBreakdown,
                           boolean livesInIcbArea) {
    }

    /** The professional an agency system's referral comes from. */
    @Serdeable
    public record AgencyReferrer(String agencyReference, String name, String role, @Nullable String email,
                                 @Nullable String phone) {
        @Override
        public String toString() {
            return "AgencyReferrer[details redacted]";
        }
    }

    /** Personal data stays out of logs and messages even if this view is printed by mistake. */
    @Override
    public String toString() {
        return "ReferralView[referralId=" + referralId + ", personal data redacted]";
    }

    static ReferralView of(ReadingRecords.ReferralRecord record) {
        ReferralRow referral = record.referral();
        PersonRow person = record.person();
        Outcome outcome = referral.closedAt() == null ? null : new Outcome(referral.closedAt(), referral.closedBy(),
                referral.declineReason(), referral.withdrawalReason(), referral.outcomeNotes(),
                record.assessment().map(ReferralView::criteria).orElse(null));
        AgencyReferrer agency = referral.agencyReference() == null ? null : new AgencyReferrer(
                referral.agencyReference(), referral.referrerName(), referral.referrerRole(), referral.referrerEmail(),
                referral.referrerPhone());
        return new ReferralView(referral.id(), referral.route(), referral.status(), referral.receivedAt(),
                referral.referredBy(), referral.referrerOrganisation(),
                record.personShown() ? new PersonView(person.id(), person.givenName(), person.familyName(),
                        person.dateOfBirth(), person.nhsNumber(), person.postcode(), person.locality())
                        : new PersonView(person.id(), null, null, null, null, null, null),
                referral.reasonForReferral(), referral.currentIssues(), referral.whatHasBeenTried(),
                referral.whatCouldReduceRisk(), referral.indicativeRag(), referral.complete(),
                referral.firstContactDueOn(), referral.contactedAt(), outcome, agency, record.detailsToReview());
    }

    private static Criteria criteria(EligibilityAssessmentRow row) {
        return new Criteria(row.learningDisabilityOrAutism(), row.atRiskOfAdmissionOrPlacementBreakdown(),
                row.livesInIcbArea());
    }
}
