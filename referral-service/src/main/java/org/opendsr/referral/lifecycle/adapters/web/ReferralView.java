package org.opendsr.referral.lifecycle.adapters.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import org.opendsr.referral.lifecycle.domain.EligibilityAssessment;
import org.opendsr.referral.lifecycle.domain.EligibilityChecklist;
import org.opendsr.referral.person.domain.Person;
import org.opendsr.referral.lifecycle.domain.MinimumDataSet;
import org.opendsr.referral.lifecycle.domain.Referral;
import org.opendsr.referral.person.application.ReadingRecords;

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
        @Schema(description = "For the DSR team and leads only: details this referral gave that differ from the"
                + " record of the person already known (by field name), kept for review rather than written over"
                + " the record; nhsNumber when the number is held for someone born on another day")
        Map<String, String> detailsToReview) {

    /** Only the personId for a referrer whose referral no longer gives them a need to know the person. */
    @Serdeable
    public record PersonView(UUID personId, @Nullable String givenName, @Nullable String familyName,
                             @Nullable LocalDate dateOfBirth, @Nullable String nhsNumber, @Nullable String postcode,
                             @Nullable String locality, boolean processingRestricted) {

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
        Referral referral = record.referral();
        Person person = record.person();
        Outcome outcome = referral.closedAt() == null ? null : new Outcome(referral.closedAt(), referral.closedBy(),
                name(referral.declineReason()), name(referral.withdrawalReason()),
                record.freeTextShown() ? referral.outcomeNotes() : null,
                record.assessment().map(ReferralView::criteria).orElse(null));
        AgencyReferrer agency = referral.agencyReferrer() == null ? null : new AgencyReferrer(
                referral.agencyReferrer().reference(), referral.agencyReferrer().name(),
                referral.agencyReferrer().role(), referral.agencyReferrer().email(), referral.agencyReferrer().phone());
        MinimumDataSet data = record.freeTextShown() ? referral.minimumDataSet() : null;
        return new ReferralView(referral.id(), referral.route().name(), referral.status().name(), referral.receivedAt(),
                referral.referredBy(), referral.referrerOrganisation(),
                record.personShown() ? new PersonView(person.id(), person.givenName(), person.familyName(),
                        person.dateOfBirth(), person.nhsNumber(), person.postcode(), person.locality(),
                        record.processingRestricted())
                        // Not shown the person, not told of their restriction either (it would tell a known person).
                        : new PersonView(person.id(), null, null, null, null, null, null, false),
                data == null ? null : data.reasonForReferral(), data == null ? null : data.currentIssues(),
                data == null ? null : data.whatHasBeenTried(), data == null ? null : data.whatCouldReduceRisk(),
                data == null ? null : name(data.indicativeRag()), referral.isComplete(),
                referral.firstContactDueOn(), referral.contactedAt(), outcome, agency, record.detailsToReview());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static Criteria criteria(EligibilityAssessment assessment) {
        EligibilityChecklist checklist = assessment.checklist();
        return new Criteria(checklist.learningDisabilityOrAutism(), checklist.atRiskOfAdmissionOrPlacementBreakdown(),
                checklist.livesInIcbArea());
    }
}
