package org.opendsr.reporting.store.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opendsr.contracts.common.AgeBand;
import org.opendsr.contracts.common.EthnicCategory;
import org.opendsr.contracts.common.Diagnosis;
import org.opendsr.contracts.common.LifeStage;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.contracts.consent.ConsentBasis;
import org.opendsr.contracts.consent.ConsentLapsed;
import org.opendsr.contracts.consent.ConsentOverdue;
import org.opendsr.contracts.consent.ConsentRecorded;
import org.opendsr.contracts.consent.ConsentStatus;
import org.opendsr.contracts.consent.ConsentWithdrawalReason;
import org.opendsr.contracts.consent.ConsentWithdrawn;
import org.opendsr.contracts.consent.OverdueReason;
import org.opendsr.contracts.meeting.RecommendationMade;
import org.opendsr.contracts.meeting.RecommendationMet;
import org.opendsr.contracts.meeting.RecommendationUnmet;
import org.opendsr.contracts.meeting.UnmetReason;
import org.opendsr.contracts.referral.AdmissionReported;
import org.opendsr.contracts.referral.AdmittedNotOnRegister;
import org.opendsr.contracts.referral.DeclineReason;
import org.opendsr.contracts.referral.DischargeReported;
import org.opendsr.contracts.referral.KeyworkerReferralSuggested;
import org.opendsr.contracts.referral.KeyworkerSuggestionReason;
import org.opendsr.contracts.referral.PersonMoved;
import org.opendsr.contracts.referral.PersonRemovedFromRegister;
import org.opendsr.contracts.referral.PersonTurned18;
import org.opendsr.contracts.referral.ReferralAccepted;
import org.opendsr.contracts.referral.ReferralContacted;
import org.opendsr.contracts.referral.ReferralDeclined;
import org.opendsr.contracts.referral.ReferralReceived;
import org.opendsr.contracts.referral.ReferralRoute;
import org.opendsr.contracts.referral.ReferralWithdrawn;
import org.opendsr.contracts.referral.RemovalReason;
import org.opendsr.contracts.referral.WithdrawalReason;
import org.opendsr.contracts.risk.ObligationCompleted;
import org.opendsr.contracts.risk.ObligationDue;
import org.opendsr.contracts.risk.ObligationKind;
import org.opendsr.contracts.risk.ObligationOutcome;
import org.opendsr.contracts.risk.RatingChanged;
import org.opendsr.contracts.risk.UpdatePosted;
import org.opendsr.kit.messaging.ReceivedEvent;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.reporting.store.domain.Fact;
import org.opendsr.reporting.store.domain.FactKind;
import org.opendsr.reporting.store.domain.PersonAttributes;
import org.opendsr.reporting.store.domain.Projection;
import org.opendsr.reporting.store.domain.Pseudonym;

/** Each event the store needs, and what it comes to: the table of issue 14's design, row by row. */
class StoreProjectionTest {

    private static final Pseudonyms PSEUDONYMS = new Pseudonyms("a-test-key-of-at-least-thirty-two-bytes!".getBytes(
            StandardCharsets.UTF_8));
    private static final StoreProjection PROJECTION = new StoreProjection(PSEUDONYMS);

    private final UUID person = UUID.randomUUID();
    private final Pseudonym pseudonym = PSEUDONYMS.person(person);
    private final UUID referral = UUID.randomUUID();
    /** Published on 12 November 2026 at noon. */
    private final Instant published = Instant.parse("2026-11-12T12:00:00Z");

    private Projection project(Object payload) {
        return project(payload, published);
    }

    private Projection project(Object payload, Instant time) {
        return PROJECTION.project(new ReceivedEvent<>(UUID.randomUUID().toString(), "any", "/dsr/test", person.toString(),
                time, null, payload, "dsr.test.events"));
    }

    private static Fact onlyFact(Projection projection) {
        assertThat(projection.facts()).hasSize(1);
        return projection.facts().get(0);
    }

    @Test
    void aReferralReceivedIsAFactOfItsRouteAndTheirAttributes() {
        Projection projection = project(new ReferralReceived(referral, person, ReferralRoute.SELF_OR_FAMILY, "SWINDON",
                AgeBand.AGE_14_TO_17, LifeStage.CHILD, RagRating.AMBER, Instant.parse("2026-10-31T23:30:00Z"),
                Diagnosis.AUTISM, true));

        Fact fact = onlyFact(projection);
        assertThat(fact.kind()).isEqualTo(FactKind.REFERRAL_RECEIVED);
        assertThat(fact.pseudonym()).isEqualTo(pseudonym);
        // 23:30 UTC on 31 October is 23:30 GMT: still October; published in November, so it arrived in November.
        assertThat(fact.occurredOn()).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(fact.arrivedMonth()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(fact.code()).isEqualTo("SELF_OR_FAMILY");
        assertThat(fact.recordKey()).isEqualTo(PSEUDONYMS.referral(referral));
        assertThat(projection.people()).containsExactly(new PersonAttributes(pseudonym, "AGE_14_TO_17", "CHILD",
                "SWINDON", "AUTISM", null, "SELF_OR_FAMILY"));
    }

    @Test
    void aReferralReceivedInBstNearMidnightIsOnTheNextDayInEngland() {
        Fact fact = onlyFact(project(new ReferralReceived(referral, person, ReferralRoute.PROFESSIONAL, "SWINDON",
                AgeBand.AGE_25_TO_34, LifeStage.ADULT, null, Instant.parse("2026-07-31T23:30:00Z"), null,
                false),
                Instant.parse("2026-07-31T23:30:01Z")));

        assertThat(fact.occurredOn()).isEqualTo(LocalDate.of(2026, 8, 1));
        assertThat(fact.arrivedMonth()).isEqualTo(LocalDate.of(2026, 8, 1));
    }

    @Test
    void aReferralAcceptedJoinsTheRegisterAndKeepsTheirAttributes() {
        Projection projection = project(new ReferralAccepted(referral, person, UUID.randomUUID(),
                Instant.parse("2026-11-03T09:00:00Z"), "WILTSHIRE", AgeBand.AGE_18_TO_24, LifeStage.ADULT, null, true,
                EthnicCategory.M));

        Fact fact = onlyFact(projection);
        assertThat(fact.kind()).isEqualTo(FactKind.REFERRAL_ACCEPTED);
        assertThat(fact.occurredOn()).isEqualTo(LocalDate.of(2026, 11, 3));
        assertThat(fact.recordKey()).isEqualTo(PSEUDONYMS.referral(referral));
        assertThat(fact.code()).isNull();
        // No diagnosis said: null, which the upsert never writes over a known one.
        assertThat(projection.people()).containsExactly(new PersonAttributes(pseudonym, "AGE_18_TO_24", "ADULT",
                "WILTSHIRE", null, "M", null));
    }

    @Test
    void declinedAndWithdrawnReferralsCarryTheirReason() {
        Fact declined = onlyFact(project(new ReferralDeclined(referral, person, Instant.parse("2026-11-04T10:00:00Z"),
                DeclineReason.NOT_AT_RISK_OF_ADMISSION, "Dr Someone")));
        assertThat(declined.kind()).isEqualTo(FactKind.REFERRAL_DECLINED);
        assertThat(declined.code()).isEqualTo("NOT_AT_RISK_OF_ADMISSION");
        assertThat(declined.recordKey()).isEqualTo(PSEUDONYMS.referral(referral));
        assertThat(declined.occurredOn()).isEqualTo(LocalDate.of(2026, 11, 4));

        Fact withdrawn = onlyFact(project(new ReferralWithdrawn(referral, person, Instant.parse("2026-11-05T10:00:00Z"),
                WithdrawalReason.NO_LONGER_NEEDED, "Dr Someone")));
        assertThat(withdrawn.kind()).isEqualTo(FactKind.REFERRAL_WITHDRAWN);
        assertThat(withdrawn.code()).isEqualTo("NO_LONGER_NEEDED");
        // The referrer's name is free text: it goes nowhere.
        assertThat(withdrawn.toString()).doesNotContain("Someone");
    }

    @Test
    void aFirstContactSaysWhetherItWasWithinTheDeadline() {
        Fact fact = onlyFact(project(new ReferralContacted(referral, person, Instant.parse("2026-11-09T08:00:00Z"),
                LocalDate.of(2026, 11, 10), true)));
        assertThat(fact.kind()).isEqualTo(FactKind.FIRST_CONTACT);
        assertThat(fact.dueOn()).isEqualTo(LocalDate.of(2026, 11, 10));
        assertThat(fact.onTime()).isTrue();
        assertThat(fact.recordKey()).isEqualTo(PSEUDONYMS.referral(referral));
    }

    @Test
    void aRemovalLeavesTheRegisterWithItsReason() {
        Fact fact = onlyFact(project(new PersonRemovedFromRegister(UUID.randomUUID(), person,
                Instant.parse("2026-11-06T12:00:00Z"), RemovalReason.STEPPED_DOWN)));
        assertThat(fact.kind()).isEqualTo(FactKind.LEFT_REGISTER);
        assertThat(fact.code()).isEqualTo("STEPPED_DOWN");
        assertThat(fact.recordKey()).isNull();
    }

    @Test
    void aMergeLinksTheDuplicatesPseudonymToTheSurvivorsAndChangesNoFact() {
        UUID duplicate = UUID.randomUUID();
        Projection merged = project(new org.opendsr.contracts.lifecycle.PersonMerged(duplicate, person,
                Instant.parse("2026-11-06T12:00:00Z")));
        assertThat(merged.facts()).isEmpty();
        assertThat(merged.people()).isEmpty();
        assertThat(merged.changes()).containsExactly(new org.opendsr.reporting.store.domain.PersonChange.Merged(
                PSEUDONYMS.person(duplicate), pseudonym));
        assertThat(merged.erases()).isFalse();
    }

    @Test
    void anErasureNamesOnlyTheErasedPseudonymAndIsConfirmedByTheLiveListener() {
        Projection erased = project(new org.opendsr.contracts.lifecycle.PersonErased(person,
                org.opendsr.contracts.lifecycle.ErasureGrounds.RETENTION_PERIOD_ENDED,
                Instant.parse("2032-11-06T02:00:00Z")));
        assertThat(erased.facts()).isEmpty();
        assertThat(erased.people()).isEmpty();
        assertThat(erased.changes()).containsExactly(
                new org.opendsr.reporting.store.domain.PersonChange.Erased(pseudonym));
        assertThat(erased.erases()).isTrue();
    }

    @Test
    void aRecordMergedIntoItselfChangesNothing() {
        assertThat(new org.opendsr.reporting.store.domain.PersonChange.Merged(pseudonym, pseudonym).changesNothing())
                .isTrue();
    }

    @Test
    void aMoveAndTurning18OnlyChangeAttributes() {
        Projection moved = project(new PersonMoved(person, "OUT_OF_AREA", true, Instant.parse("2026-11-06T12:00:00Z")));
        assertThat(moved.facts()).isEmpty();
        assertThat(moved.people()).containsExactly(new PersonAttributes(pseudonym, null, null, "OUT_OF_AREA", null,
                null, null));

        Projection turned18 = project(new PersonTurned18(person, LifeStage.ADULT, AgeBand.AGE_18_TO_24));
        assertThat(turned18.facts()).isEmpty();
        assertThat(turned18.people()).containsExactly(new PersonAttributes(pseudonym, "AGE_18_TO_24", "ADULT", null,
                null, null, null));
    }

    @Test
    void admissionsAndDischargesAreOnTheirDays() {
        Fact admission = onlyFact(project(new AdmissionReported(person, LocalDate.of(2026, 10, 30), "Ward 7")));
        assertThat(admission.kind()).isEqualTo(FactKind.ADMISSION);
        assertThat(admission.occurredOn()).isEqualTo(LocalDate.of(2026, 10, 30));
        // Reported in November about October: arrives in November (a restatement of October).
        assertThat(admission.arrivedMonth()).isEqualTo(LocalDate.of(2026, 11, 1));

        Fact discharge = onlyFact(project(new DischargeReported(person, LocalDate.of(2026, 11, 11), "Ward 7")));
        assertThat(discharge.kind()).isEqualTo(FactKind.DISCHARGE);
        assertThat(discharge.arrivedMonth()).isEqualTo(LocalDate.of(2026, 11, 1));
    }

    @Test
    void anAdmissionOfSomeoneNotOnTheRegisterIsCountedWithoutAPerson() {
        Projection projection = project(new AdmittedNotOnRegister(UUID.randomUUID(), LocalDate.of(2026, 11, 2),
                "SWINDON", AgeBand.AGE_14_TO_17, LifeStage.CHILD, "dsr.agency.wiltshire-council"));

        Fact fact = onlyFact(projection);
        assertThat(fact.kind()).isEqualTo(FactKind.ADMISSION_NOT_ON_REGISTER);
        assertThat(fact.pseudonym()).isNull();
        assertThat(fact.occurredOn()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(fact.locality()).isEqualTo("SWINDON");
        assertThat(fact.ageBand()).isEqualTo("AGE_14_TO_17");
        assertThat(fact.lifeStage()).isEqualTo("CHILD");
        assertThat(projection.people()).isEmpty();
    }

    @Test
    void aKeyworkerSuggestionIsOnTheDayItWasPublished() {
        Fact fact = onlyFact(project(new KeyworkerReferralSuggested(person,
                KeyworkerSuggestionReason.UNDER_25_AT_REFERRAL, AgeBand.AGE_18_TO_24, UUID.randomUUID()),
                Instant.parse("2026-05-31T23:10:00Z")));
        assertThat(fact.kind()).isEqualTo(FactKind.KEYWORKER_SUGGESTED);
        assertThat(fact.code()).isEqualTo("UNDER_25_AT_REFERRAL");
        assertThat(fact.occurredOn()).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(fact.arrivedMonth()).isEqualTo(LocalDate.of(2026, 6, 1));
    }

    @Test
    void riskEvents() {
        Fact rating = onlyFact(project(new RatingChanged(person, RagRating.RED, RagRating.AMBER,
                LocalDate.of(2026, 11, 2))));
        assertThat(rating.kind()).isEqualTo(FactKind.RATING);
        assertThat(rating.code()).isEqualTo("RED");
        assertThat(rating.occurredOn()).isEqualTo(LocalDate.of(2026, 11, 2));

        Fact update = onlyFact(project(new UpdatePosted(person, UUID.randomUUID(), Instant.parse("2026-11-02T10:00:00Z"),
                LocalDate.of(2026, 11, 16))));
        assertThat(update.kind()).isEqualTo(FactKind.UPDATE_POSTED);
        assertThat(update.dueOn()).isEqualTo(LocalDate.of(2026, 11, 16));

        UUID obligation = UUID.randomUUID();
        Fact due = onlyFact(project(new ObligationDue(obligation, person, ObligationKind.COMMUNITY_CTR,
                LocalDate.of(2027, 1, 20), RagRating.RED)));
        assertThat(due.kind()).isEqualTo(FactKind.OBLIGATION_DUE);
        assertThat(due.code()).isEqualTo("COMMUNITY_CTR");
        assertThat(due.dueOn()).isEqualTo(LocalDate.of(2027, 1, 20));
        assertThat(due.occurredOn()).isEqualTo(LocalDate.of(2026, 11, 12));
        assertThat(due.recordKey()).isEqualTo(PSEUDONYMS.obligation(obligation));

        Fact completed = onlyFact(project(new ObligationCompleted(obligation, person, ObligationKind.COMMUNITY_CTR,
                ObligationOutcome.DONE, LocalDate.of(2026, 11, 10), null)));
        assertThat(completed.kind()).isEqualTo(FactKind.OBLIGATION_COMPLETED);
        assertThat(completed.code()).isEqualTo("COMMUNITY_CTR");
        assertThat(completed.detail()).isEqualTo("DONE");
        assertThat(completed.recordKey()).isEqualTo(due.recordKey());
    }

    @Test
    void consentEventsAreConsentFactsWithTheirStatus() {
        Fact recorded = onlyFact(project(new ConsentRecorded(UUID.randomUUID(), person, ConsentBasis.INFORMED_CONSENT,
                LocalDate.of(2026, 10, 1), LocalDate.of(2027, 10, 1), ConsentStatus.ACTIVE, null, null,
                Instant.parse("2026-11-08T10:00:00Z"))));
        assertThat(recorded.kind()).isEqualTo(FactKind.CONSENT);
        assertThat(recorded.code()).isEqualTo("ACTIVE");
        // The day it was recorded, not the day it was given.
        assertThat(recorded.occurredOn()).isEqualTo(LocalDate.of(2026, 11, 8));

        Fact overdue = onlyFact(project(new ConsentOverdue(UUID.randomUUID(), person, LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 12, 1), OverdueReason.ANNUAL_RENEWAL)));
        assertThat(overdue.code()).isEqualTo("OVERDUE");
        assertThat(overdue.occurredOn()).isEqualTo(LocalDate.of(2026, 11, 1));

        Fact lapsed = onlyFact(project(new ConsentLapsed(UUID.randomUUID(), person, LocalDate.of(2026, 11, 2))));
        assertThat(lapsed.code()).isEqualTo("LAPSED");
        assertThat(lapsed.occurredOn()).isEqualTo(LocalDate.of(2026, 11, 2));

        Fact withdrawn = onlyFact(project(new ConsentWithdrawn(UUID.randomUUID(), person, LocalDate.of(2026, 11, 3),
                ConsentWithdrawalReason.PERSON_WITHDREW)));
        assertThat(withdrawn.code()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.occurredOn()).isEqualTo(LocalDate.of(2026, 11, 3));
    }

    @Test
    void recommendationsCarryTheServiceTypeAndTheirArea() {
        UUID recommendation = UUID.randomUUID();
        Fact made = onlyFact(project(new RecommendationMade(recommendation, person, UUID.randomUUID(),
                "INTENSIVE_SUPPORT_TEAM", "SWINDON", LocalDate.of(2026, 11, 12))));
        assertThat(made.kind()).isEqualTo(FactKind.RECOMMENDATION_MADE);
        assertThat(made.code()).isEqualTo("INTENSIVE_SUPPORT_TEAM");
        assertThat(made.locality()).isEqualTo("SWINDON");
        assertThat(made.recordKey()).isEqualTo(PSEUDONYMS.recommendation(recommendation));

        Fact met = onlyFact(project(new RecommendationMet(recommendation, person, "INTENSIVE_SUPPORT_TEAM", "SWINDON",
                LocalDate.of(2026, 11, 12), LocalDate.of(2026, 11, 20))));
        assertThat(met.kind()).isEqualTo(FactKind.RECOMMENDATION_MET);
        assertThat(met.occurredOn()).isEqualTo(LocalDate.of(2026, 11, 20));

        Fact unmet = onlyFact(project(new RecommendationUnmet(recommendation, person, "INTENSIVE_SUPPORT_TEAM",
                "WILTSHIRE", LocalDate.of(2026, 11, 12), LocalDate.of(2026, 11, 21), UnmetReason.NO_SERVICE_AVAILABLE)));
        assertThat(unmet.kind()).isEqualTo(FactKind.RECOMMENDATION_UNMET);
        assertThat(unmet.detail()).isEqualTo("NO_SERVICE_AVAILABLE");
        assertThat(unmet.locality()).isEqualTo("WILTSHIRE");
        assertThat(unmet.occurredOn()).isEqualTo(LocalDate.of(2026, 11, 21));
    }

    @Test
    void aServiceTypeThatIsNotACodeIsRefused() {
        assertThatThrownBy(() -> project(new RecommendationMade(UUID.randomUUID(), person, UUID.randomUUID(),
                "Mrs Smith's support", "SWINDON", LocalDate.of(2026, 11, 12))))
                .isInstanceOf(RuleBroken.class).hasMessageNotContaining("Smith");
    }

    @Test
    void anotherPayloadComesToNothing() {
        assertThat(project("something else").isEmpty()).isTrue();
    }

    @Test
    void laterKnownAttributesWinAndUnknownOnesKeepTheEarlier() {
        PersonAttributes first = new PersonAttributes(pseudonym, "AGE_14_TO_17", "CHILD", "SWINDON", "AUTISM", null,
                "PROFESSIONAL");
        PersonAttributes moved = new PersonAttributes(pseudonym, null, null, "WILTSHIRE", null, null, null);
        assertThat(first.then(moved)).isEqualTo(new PersonAttributes(pseudonym, "AGE_14_TO_17", "CHILD", "WILTSHIRE",
                "AUTISM", null, "PROFESSIONAL"));
    }
}
