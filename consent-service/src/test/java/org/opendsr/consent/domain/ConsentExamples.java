package org.opendsr.consent.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.opendsr.contracts.common.AgeBand;
import org.opendsr.contracts.common.LifeStage;
import org.opendsr.contracts.consent.ConsentBasis;

/** People and consents for the policy tests: sensible by default, changed one fact at a time. */
final class ConsentExamples {

    static final LocalDate TODAY = LocalDate.parse("2026-11-25");
    static final ConsentRenewalPolicy POLICY = ConsentRenewalPolicy.dsrDefault();
    static final ConsentRecording RECORDING = new ConsentRecording(POLICY);

    private ConsentExamples() {
    }

    static KnownPerson anAdult() {
        return KnownPerson.referred(UUID.randomUUID(), UUID.randomUUID(), LifeStage.ADULT, AgeBand.AGE_25_TO_34, TODAY.minusMonths(1));
    }

    static KnownPerson aChild(AgeBand band) {
        return KnownPerson.referred(UUID.randomUUID(), UUID.randomUUID(), LifeStage.CHILD, band, TODAY.minusMonths(1));
    }

    /** Referred a month ago at 16 or 17: the referral said they were not under 16. */
    static KnownPerson aChildOf16Or17() {
        return aChildReferred(AgeBand.AGE_14_TO_17, false, TODAY.minusMonths(1));
    }

    /** A child referred on a day; {@code under16} null when the referral did not say (older referrals). */
    static KnownPerson aChildReferred(AgeBand band, Boolean under16, LocalDate on) {
        return KnownPerson.referred(UUID.randomUUID(), UUID.randomUUID(), LifeStage.CHILD, band, under16, on);
    }

    static Given informedConsent() {
        return new Given();
    }

    static Given parentalResponsibility() {
        return new Given().basis(ConsentBasis.PARENTAL_RESPONSIBILITY, ConsentGiver.PARENT);
    }

    static Given bestInterestsDecision() {
        return new Given().basis(ConsentBasis.BEST_INTERESTS_DECISION, ConsentGiver.BEST_INTERESTS_DECISION_MAKER)
                .bestInterests(new BestInterestsDecision(TODAY.minusDays(3), "Consultant psychiatrist"));
    }

    /** Records a consent for a person with no open consent, today. */
    static Consent recorded(KnownPerson person, Given given) {
        return recordedOn(TODAY, person, given);
    }

    static Consent recordedOn(LocalDate today, KnownPerson person, Given given) {
        return RECORDING.record(UUID.randomUUID(), person, given.build(), Optional.empty(), Optional.empty(), today)
                .consent();
    }

    /** A ConsentGiven builder. */
    static final class Given {
        private ConsentBasis basis = ConsentBasis.INFORMED_CONSENT;
        private ConsentGiver givenBy = ConsentGiver.THE_PERSON;
        private LocalDate givenOn = TODAY;
        private BestInterestsDecision bestInterests;
        private ExplanationFormat explainedWith = ExplanationFormat.EASY_READ;
        private String explainedWithDetail;
        private String formKeptAt = "Scanned to the community learning disability team record";
        private UUID renewalOf;

        Given basis(ConsentBasis basis, ConsentGiver givenBy) {
            this.basis = basis;
            this.givenBy = givenBy;
            return this;
        }

        Given givenBy(ConsentGiver givenBy) {
            this.givenBy = givenBy;
            return this;
        }

        Given givenOn(LocalDate givenOn) {
            this.givenOn = givenOn;
            return this;
        }

        Given bestInterests(BestInterestsDecision bestInterests) {
            this.bestInterests = bestInterests;
            return this;
        }

        Given explainedWith(ExplanationFormat format, String detail) {
            this.explainedWith = format;
            this.explainedWithDetail = detail;
            return this;
        }

        Given formKeptAt(String formKeptAt) {
            this.formKeptAt = formKeptAt;
            return this;
        }

        Given renewalOf(UUID renewalOf) {
            this.renewalOf = renewalOf;
            return this;
        }

        ConsentGiven build() {
            return new ConsentGiven(basis, givenBy, givenOn, bestInterests, explainedWith, explainedWithDetail,
                    formKeptAt, "professional-1", Instant.parse("2026-11-25T10:00:00Z"), renewalOf);
        }
    }
}
