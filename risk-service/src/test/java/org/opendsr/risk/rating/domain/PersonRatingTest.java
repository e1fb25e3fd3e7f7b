package org.opendsr.risk.rating.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opendsr.contracts.common.AgeBand;
import org.opendsr.contracts.common.LifeStage;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.risk.shared.domain.InpatientSetting;
import org.opendsr.risk.shared.domain.RatingCause;

/** The rating rules of DOMAIN.md ("Risk rating"), as the policy reads. */
class PersonRatingTest {

    private static final RatingRules RULES = new RatingRules(14);
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aPersonAcceptedOntoTheRegisterStartsWithTheReferrersIndicativeRating() {
        PersonRating person = PersonRating.referred(UUID.randomUUID(), LifeStage.ADULT, AgeBand.AGE_25_TO_34,
                RagRating.AMBER);

        RatingDecision first = person.accepted(UUID.randomUUID(), AT, DAY).orElseThrow();

        assertThat(first.rating()).isEqualTo(RagRating.AMBER);
        assertThat(first.indicative()).isTrue();
        assertThat(first.cause()).isEqualTo(RatingCause.INDICATIVE_AT_ACCEPTANCE);
        assertThat(first.previous()).isNull();
        assertThat(person.current().orElseThrow().indicative()).isTrue();
    }

    @Test
    void withoutAnIndicativeRatingAPersonOnTheRegisterIsUnratedUntilSomeoneDecides() {
        PersonRating person = PersonRating.referred(UUID.randomUUID(), LifeStage.ADULT, AgeBand.AGE_25_TO_34, null);

        assertThat(person.accepted(UUID.randomUUID(), AT, DAY)).isEmpty();
        assertThat(person.onRegister()).isTrue();
        assertThat(person.current()).isEmpty();
    }

    @Test
    void onlyPeopleOnTheRegisterAreRated() {
        PersonRating referred = PersonRating.referred(UUID.randomUUID(), LifeStage.ADULT, AgeBand.AGE_25_TO_34, null);

        assertThatThrownBy(() -> referred.decide(proposal(RagRating.RED), "dsr-team-1", Decider.DSR_TEAM, AT, DAY,
                RULES)).isInstanceOfSatisfying(RuleBroken.class,
                        refused -> assertThat(refused.problem()).isEqualTo("not-on-register"));
    }

    @Test
    void theDsrTeamConfirmsAnIndicativeRatingAndAProfessionalsStaysIndicative() {
        PersonRating person = onRegister(RagRating.AMBER);

        RatingDecision byProfessional = person.decide(proposal(RagRating.RED), "professional-1", Decider.CARE_TEAM,
                AT, DAY, RULES);
        RatingDecision byTeam = person.decide(proposal(RagRating.RED), "dsr-team-1", Decider.DSR_TEAM, AT, DAY,
                RULES);

        assertThat(byProfessional.indicative()).isTrue();
        assertThat(byTeam.indicative()).isFalse();
        assertThat(byTeam.previous()).isEqualTo(RagRating.RED);
    }

    @Test
    void aMeetingsAgreementRecordedByTheDsrTeamIsConfirmedAndAProfessionalNamingAMeetingStaysIndicative() {
        PersonRating person = onRegister(RagRating.AMBER);
        RatingProposal agreed = new RatingProposal(RagRating.GREEN, "Agreed by the panel", true, UUID.randomUUID(),
                null, null);

        RatingDecision byProfessional = person.decide(agreed, "professional-1", Decider.CARE_TEAM, AT, DAY, RULES);
        RatingDecision byTeam = person.decide(agreed, "dsr-team-1", Decider.DSR_TEAM, AT, DAY, RULES);

        assertThat(byProfessional.indicative()).isTrue();
        assertThat(byProfessional.cause()).isEqualTo(RatingCause.AGREED_AT_MEETING);
        assertThat(byTeam.indicative()).isFalse();
    }

    @Test
    void onlyTheDsrTeamOrALeadRecordsAnAdmissionOrADischargeByRating() {
        PersonRating person = onRegister(RagRating.RED);
        assertThatThrownBy(() -> person.decide(proposal(RagRating.BLUE), "professional-1", Decider.CARE_TEAM, AT, DAY,
                RULES)).isInstanceOfSatisfying(RuleBroken.class,
                        refused -> assertThat(refused.kind()).isEqualTo(RuleBroken.Kind.FORBIDDEN));
        assertThat(person.admission().inpatient()).isFalse();

        person.admitted(DAY, "agency", AT);
        assertThatThrownBy(() -> person.decide(proposal(RagRating.RED), "professional-1", Decider.CARE_TEAM, AT,
                DAY.plusDays(3), RULES)).isInstanceOfSatisfying(RuleBroken.class,
                        refused -> assertThat(refused.kind()).isEqualTo(RuleBroken.Kind.FORBIDDEN));
        assertThat(person.admission().inpatient()).isTrue();
        assertThat(person.decide(proposal(RagRating.BLUE), "professional-1", Decider.CARE_TEAM, AT, DAY.plusDays(3),
                RULES).rating()).isEqualTo(RagRating.BLUE);
    }

    @Test
    void everyDecisionNeedsARationaleAndTheRatingNamed() {
        assertThatThrownBy(() -> new RatingProposal(RagRating.GREEN, "  ", true, null, null, null))
                .isInstanceOfSatisfying(RuleBroken.class, refused -> assertThat(refused.field()).isEqualTo("rationale"));
        assertThatThrownBy(() -> new RatingProposal(null, "why", true, null, null, null))
                .isInstanceOfSatisfying(RuleBroken.class, refused -> assertThat(refused.field()).isEqualTo("rating"));
    }

    @Test
    void aToolSuggestsAndAProfessionalDecidesGivingAReasonWhereTheyDiffer() {
        Suggestion red = new Suggestion(UUID.randomUUID(), "dsr-12-question", 1, RagRating.RED);

        assertThatThrownBy(() -> new RatingProposal(RagRating.AMBER, "why", true, null, red, null))
                .isInstanceOfSatisfying(RuleBroken.class,
                        refused -> assertThat(refused.field()).isEqualTo("reasonForDifferingFromTool"));
        RatingDecision decided = onRegister(RagRating.GREEN).decide(
                new RatingProposal(RagRating.AMBER, "why", true, null, red, "Crisis plan in place since Monday"),
                "dsr-team-1", Decider.DSR_TEAM, AT, DAY, RULES);
        assertThat(decided.differsFromTool()).isTrue();
        assertThat(decided.suggestion()).isEqualTo(red);
    }

    @Test
    void anAdmissionMakesThePersonBlueAtOnceAndARepeatedReportChangesNothing() {
        PersonRating person = onRegister(RagRating.AMBER);

        RatingDecision blue = person.admitted(DAY, "/agency/wiltshire-council", AT).orElseThrow();

        assertThat(blue.rating()).isEqualTo(RagRating.BLUE);
        assertThat(blue.cause()).isEqualTo(RatingCause.ADMISSION);
        assertThat(blue.decidedAs()).isEqualTo(Decider.SYSTEM);
        assertThat(blue.rationale()).contains("/agency/wiltshire-council");
        assertThat(person.admission().inpatient()).isTrue();
        assertThat(person.admitted(DAY, "/agency/wiltshire-council", AT)).isEmpty();
    }

    @Test
    void onDischargeThePersonIsRedAndCannotBeLoweredFor14Days() {
        PersonRating person = onRegister(RagRating.AMBER);
        person.admitted(DAY, "agency", AT);
        LocalDate discharged = DAY.plusDays(30);

        RatingDecision red = person.discharged(discharged, "agency", AT, RULES).orElseThrow();

        assertThat(red.rating()).isEqualTo(RagRating.RED);
        assertThat(person.admission().noLoweringBefore()).isEqualTo(discharged.plusDays(14));
        assertThatThrownBy(() -> person.decide(proposal(RagRating.AMBER), "dsr-team-1", Decider.DSR_TEAM, AT,
                discharged.plusDays(13), RULES)).isInstanceOfSatisfying(RuleBroken.class, refused -> {
                    assertThat(refused.problem()).isEqualTo("discharge-floor");
                    assertThat(refused.getMessage()).contains(discharged.plusDays(14).toString());
                });
        assertThat(person.decide(proposal(RagRating.RED), "dsr-team-1", Decider.DSR_TEAM, AT,
                discharged.plusDays(13), RULES).rating()).isEqualTo(RagRating.RED);
        assertThat(person.decide(proposal(RagRating.AMBER), "dsr-team-1", Decider.DSR_TEAM, AT,
                discharged.plusDays(14), RULES).rating()).isEqualTo(RagRating.AMBER);
    }

    @Test
    void anInpatientLeavesHospitalAsRedWhoeverRecordsIt() {
        PersonRating person = onRegister(RagRating.AMBER);
        person.admitted(DAY, "agency", AT);

        assertThatThrownBy(() -> person.decide(proposal(RagRating.GREEN), "dsr-team-1", Decider.DSR_TEAM, AT,
                DAY.plusDays(3), RULES)).isInstanceOfSatisfying(RuleBroken.class,
                        refused -> assertThat(refused.problem()).isEqualTo("inpatient-leaves-as-red"));
        RatingDecision red = person.decide(proposal(RagRating.RED), "dsr-team-1", Decider.DSR_TEAM, AT,
                DAY.plusDays(3), RULES);
        assertThat(red.cause()).isEqualTo(RatingCause.DISCHARGE);
        assertThat(person.admission().noLoweringBefore()).isEqualTo(DAY.plusDays(17));
    }

    @Test
    void ratingBlueRecordsAnAdmissionNoAgencyReported() {
        PersonRating person = onRegister(RagRating.RED);

        RatingDecision blue = person.decide(proposal(RagRating.BLUE), "dsr-team-1", Decider.DSR_TEAM, AT, DAY, RULES);

        assertThat(blue.cause()).isEqualTo(RatingCause.ADMISSION);
        assertThat(person.admission().admittedOn()).isEqualTo(DAY);
    }

    @Test
    void anAdmissionOfSomeoneNotOnTheRegisterIsKeptAndTheyStartBlueWhenAccepted() {
        PersonRating person = PersonRating.referred(UUID.randomUUID(), LifeStage.CHILD, AgeBand.AGE_14_TO_17,
                RagRating.AMBER);

        assertThat(person.admitted(DAY, "agency", AT)).isEmpty();
        RatingDecision first = person.accepted(UUID.randomUUID(), AT, DAY.plusDays(2)).orElseThrow();

        assertThat(first.rating()).isEqualTo(RagRating.BLUE);
    }

    @Test
    void aSecureSettingIsRecordedOnlyForAnInpatient() {
        PersonRating person = onRegister(RagRating.RED);
        assertThatThrownBy(() -> person.recordSetting(InpatientSetting.SECURE))
                .isInstanceOfSatisfying(RuleBroken.class,
                        refused -> assertThat(refused.problem()).isEqualTo("not-an-inpatient"));
        person.admitted(DAY, "agency", AT);
        person.recordSetting(InpatientSetting.SECURE);
        assertThat(person.admission().setting()).isEqualTo(InpatientSetting.SECURE);
    }

    @Test
    void leavingTheRegisterClosesTheRating() {
        PersonRating person = onRegister(RagRating.RED);

        assertThat(person.removed()).isPresent();
        assertThat(person.current()).isEmpty();
        assertThat(person.onRegister()).isFalse();
    }

    @Test
    void under25ComesFromTheAgeBandAtReferral() {
        assertThat(PersonRating.referred(UUID.randomUUID(), LifeStage.ADULT, AgeBand.AGE_18_TO_24, null).under25())
                .isTrue();
        assertThat(PersonRating.referred(UUID.randomUUID(), LifeStage.ADULT, AgeBand.AGE_25_TO_34, null).under25())
                .isFalse();
    }

    @Test
    void someoneTurning18IsAChildUntilTheEndOfTheBirthdayMonthAndAnAdultFromTheFirstOfTheNext() {
        PersonRating person = PersonRating.referred(UUID.randomUUID(), LifeStage.CHILD, AgeBand.AGE_14_TO_17,
                LocalDate.of(2025, 6, 10), null);
        // Announced on 1 December 2026, two months ahead of February 2027.
        person.turning18In(java.time.YearMonth.of(2027, 2));

        assertThat(person.lifeStageOn(LocalDate.of(2026, 12, 1))).isEqualTo(LifeStage.CHILD);
        assertThat(person.lifeStageOn(LocalDate.of(2027, 2, 1))).isEqualTo(LifeStage.CHILD);
        assertThat(person.lifeStageOn(LocalDate.of(2027, 2, 28))).isEqualTo(LifeStage.CHILD);
        assertThat(person.lifeStageOn(LocalDate.of(2027, 3, 1))).isEqualTo(LifeStage.ADULT);
    }

    @Test
    void theFirstAnnouncementOfTurning18StandsAndAnAdultStaysAnAdult() {
        PersonRating person = PersonRating.referred(UUID.randomUUID(), LifeStage.CHILD, AgeBand.AGE_14_TO_17,
                LocalDate.of(2025, 6, 10), null);
        person.turning18In(java.time.YearMonth.of(2027, 2));
        person.turning18In(java.time.YearMonth.of(2027, 5));
        assertThat(person.turns18In()).isEqualTo(java.time.YearMonth.of(2027, 2));

        PersonRating adult = PersonRating.referred(UUID.randomUUID(), LifeStage.ADULT, AgeBand.AGE_18_TO_24, null);
        adult.turning18In(java.time.YearMonth.of(2027, 2));
        assertThat(adult.lifeStageOn(LocalDate.of(2026, 12, 1))).isEqualTo(LifeStage.ADULT);
    }

    @Test
    void theRetiredTurned18MakesThemAnAdultAtOnceForItWasPublishedOnTheBirthday() {
        PersonRating person = PersonRating.referred(UUID.randomUUID(), LifeStage.CHILD, AgeBand.AGE_14_TO_17, null);

        person.turned18();

        assertThat(person.lifeStageOn(DAY)).isEqualTo(LifeStage.ADULT);
    }

    @Test
    void under25AgesFromTheReferralsDayByTheYoungestAgeOfTheBand() {
        PersonRating person = PersonRating.referred(UUID.randomUUID(), LifeStage.ADULT, AgeBand.AGE_18_TO_24,
                LocalDate.of(2020, 3, 1), null);

        // 18 at the youngest on 1 March 2020: possibly under 25 until 1 March 2027, certainly 25 from then.
        assertThat(person.under25On(LocalDate.of(2027, 2, 28))).isTrue();
        assertThat(person.under25On(LocalDate.of(2027, 3, 1))).isFalse();
        assertThat(PersonRating.referred(UUID.randomUUID(), LifeStage.ADULT, AgeBand.AGE_25_TO_34,
                LocalDate.of(2026, 1, 1), null).under25On(LocalDate.of(2026, 1, 1))).isFalse();
    }

    @Test
    void under25EndsWithTheMonthSevenYearsAfterTheMonthOfTurning18OnceThatIsKnown() {
        PersonRating person = PersonRating.referred(UUID.randomUUID(), LifeStage.CHILD, AgeBand.AGE_10_TO_13,
                LocalDate.of(2020, 3, 1), null);
        person.turning18In(java.time.YearMonth.of(2025, 5));

        assertThat(person.under25On(LocalDate.of(2032, 5, 31))).isTrue();
        assertThat(person.under25On(LocalDate.of(2032, 6, 1))).isFalse();
    }

    @Test
    void aNewReferralBringsItsAgeBandAndDay() {
        PersonRating person = PersonRating.referred(UUID.randomUUID(), LifeStage.CHILD, AgeBand.AGE_10_TO_13,
                LocalDate.of(2010, 3, 1), null);

        person.referredAgain(LifeStage.ADULT, AgeBand.AGE_25_TO_34, LocalDate.of(2026, 3, 1), RagRating.RED);

        assertThat(person.under25On(LocalDate.of(2026, 3, 1))).isFalse();
        assertThat(person.lifeStageOn(LocalDate.of(2026, 3, 1))).isEqualTo(LifeStage.ADULT);
        assertThat(person.indicativeAtReferral()).isEqualTo(RagRating.RED);
    }

    private static PersonRating onRegister(RagRating indicative) {
        PersonRating person = PersonRating.referred(UUID.randomUUID(), LifeStage.ADULT, AgeBand.AGE_25_TO_34,
                indicative);
        person.accepted(UUID.randomUUID(), AT, DAY);
        return person;
    }

    private static RatingProposal proposal(RagRating rating) {
        return new RatingProposal(rating, "Discussed at the tracking meeting", true, null, null, null);
    }
}
