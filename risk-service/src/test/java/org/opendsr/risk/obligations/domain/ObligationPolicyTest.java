package org.opendsr.risk.obligations.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendsr.contracts.common.RagRating.AMBER;
import static org.opendsr.contracts.common.RagRating.BLUE;
import static org.opendsr.contracts.common.RagRating.GREEN;
import static org.opendsr.contracts.common.RagRating.RED;
import static org.opendsr.contracts.risk.ObligationKind.COMMISSIONER_OVERSIGHT_VISIT;
import static org.opendsr.contracts.risk.ObligationKind.COMMUNITY_CTR;
import static org.opendsr.contracts.risk.ObligationKind.CTR_PARTNERS;
import static org.opendsr.contracts.risk.ObligationKind.INPATIENT_CTR;
import static org.opendsr.contracts.risk.ObligationKind.KEYWORKER_REFERRAL;
import static org.opendsr.contracts.risk.ObligationKind.MULTI_AGENCY_REVIEW;
import static org.opendsr.contracts.risk.ObligationKind.POST_ADMISSION_CTR;
import static org.opendsr.risk.obligations.domain.ObligationExamples.day;
import static org.opendsr.risk.obligations.domain.ObligationExamples.openedKinds;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opendsr.contracts.risk.ObligationOutcome;
import org.opendsr.risk.shared.domain.InpatientSetting;

/** What each rating obliges, read as the policy (NHSE DSR and C(E)TR policy 2023; defaults in ObligationTimescales). */
class ObligationPolicyTest {

    private final ObligationExamples adult = new ObligationExamples();

    @Nested
    @DisplayName("RED obliges a community C(E)TR, due in 14 days")
    class Red {

        @Test
        void redObligesACommunityCtrDueIn14Days() {
            List<ObligationChange> changes = adult.decided(RED, "2026-03-02");

            assertThat(openedKinds(changes)).containsExactly(COMMUNITY_CTR);
            Obligation ctr = adult.open(COMMUNITY_CTR);
            assertThat(ctr.dueOn()).isEqualTo(day("2026-03-16"));
            assertThat(ctr.status()).isEqualTo(ObligationStatus.DUE);
            assertThat(ctr.ratingAtOpening()).isEqualTo(RED);
            assertThat(ctr.openedBy()).isEqualTo(OpeningCause.DECIDED);
        }

        @Test
        void theIndicativeRatingAtAcceptanceObligesToo() {
            assertThat(openedKinds(adult.accepted(RED, "2026-03-02"))).containsExactly(COMMUNITY_CTR);
        }

        @Test
        void confirmingTheSameRatingDoesNotObligeAnotherCtr() {
            adult.accepted(RED, "2026-03-02");
            adult.completed(COMMUNITY_CTR, "2026-03-05");

            assertThat(adult.rated(RED, OpeningCause.AGREED_AT_MEETING, "2026-03-05")).isEmpty();
            assertThat(adult.count(COMMUNITY_CTR)).isEqualTo(1);
        }
    }

    @Nested
    @DisplayName("AMBER obliges a multi-agency review, GREEN the C(E)TR partners, both due in 28 days")
    class AmberAndGreen {

        @Test
        void amberObligesAMultiAgencyReviewDueIn28Days() {
            assertThat(openedKinds(adult.decided(AMBER, "2026-03-02"))).containsExactly(MULTI_AGENCY_REVIEW);
            assertThat(adult.open(MULTI_AGENCY_REVIEW).dueOn()).isEqualTo(day("2026-03-30"));
        }

        @Test
        void greenObligesRecordingTheCtrPartnersDueIn28Days() {
            assertThat(openedKinds(adult.decided(GREEN, "2026-03-02"))).containsExactly(CTR_PARTNERS);
            assertThat(adult.open(CTR_PARTNERS).dueOn()).isEqualTo(day("2026-03-30"));
        }

        @Test
        void anAdultOver25IsNotReferredToAKeyworker() {
            assertThat(openedKinds(adult.decided(AMBER, "2026-03-02"))).doesNotContain(KEYWORKER_REFERRAL);
        }
    }

    @Nested
    @DisplayName("BLUE on admission: post-admission C(E)TR, inpatient C(E)TRs, oversight visits")
    class Blue {

        @Test
        void anAdultAdmittedIsDueAPostAdmissionCtrIn28DaysACtrIn6MonthsAndAVisitIn8Weeks() {
            List<ObligationChange> changes = adult.admitted("2026-03-02");

            assertThat(openedKinds(changes)).containsExactly(POST_ADMISSION_CTR, INPATIENT_CTR,
                    COMMISSIONER_OVERSIGHT_VISIT);
            assertThat(adult.open(POST_ADMISSION_CTR).dueOn()).isEqualTo(day("2026-03-30"));
            assertThat(adult.open(INPATIENT_CTR).dueOn()).isEqualTo(day("2026-09-02"));
            assertThat(adult.open(COMMISSIONER_OVERSIGHT_VISIT).dueOn()).isEqualTo(day("2026-04-27"));
        }

        @Test
        void aChildAdmittedIsDueACetrIn14CalendarDaysACetrIn3MonthsAndAVisitIn6Weeks() {
            ObligationExamples child = new ObligationExamples().child();
            child.admitted("2026-03-02");

            // 10 working days by the policy; the default counts 14 calendar days.
            assertThat(child.open(POST_ADMISSION_CTR).dueOn()).isEqualTo(day("2026-03-16"));
            assertThat(child.open(INPATIENT_CTR).dueOn()).isEqualTo(day("2026-06-02"));
            assertThat(child.open(COMMISSIONER_OVERSIGHT_VISIT).dueOn()).isEqualTo(day("2026-04-13"));
        }

        @Test
        void anAdultInASecureSettingIsDueAnInpatientCtrIn12Months() {
            ObligationExamples secure = new ObligationExamples().inSecureSetting();
            secure.admitted("2026-03-02");

            assertThat(secure.open(INPATIENT_CTR).dueOn()).isEqualTo(day("2027-03-02"));
        }

        @Test
        void aChildInASecureSettingIsStillDueOneEvery3Months() {
            ObligationExamples child = new ObligationExamples().child().inSecureSetting();
            child.admitted("2026-03-02");

            assertThat(child.open(INPATIENT_CTR).dueOn()).isEqualTo(day("2026-06-02"));
        }

        @Test
        void recordingASecureSettingReschedulesTheOpenInpatientCtrFromAdmission() {
            adult.admitted("2026-03-02");

            List<ObligationChange> changes = adult.settingRecorded(InpatientSetting.SECURE, "2026-03-10");

            assertThat(changes).singleElement().isInstanceOfSatisfying(ObligationChange.Rescheduled.class, r -> {
                assertThat(r.previouslyDueOn()).isEqualTo(day("2026-09-02"));
                assertThat(r.dueOn()).isEqualTo(day("2027-03-02"));
            });
            assertThat(adult.open(INPATIENT_CTR).dueOn()).isEqualTo(day("2027-03-02"));
            assertThat(adult.open(COMMISSIONER_OVERSIGHT_VISIT).dueOn()).isEqualTo(day("2026-04-27"));
        }

        @Test
        void anInpatientCtrAlreadyOverdueStaysOnItsDateWhenTheSettingIsRecorded() {
            adult.admitted("2026-03-02");
            adult.open(INPATIENT_CTR).overdueOn(day("2026-09-03"));

            assertThat(adult.settingRecorded(InpatientSetting.SECURE, "2026-09-04")).isEmpty();
            assertThat(adult.open(INPATIENT_CTR).dueOn()).isEqualTo(day("2026-09-02"));
            assertThat(adult.open(INPATIENT_CTR).status()).isEqualTo(ObligationStatus.OVERDUE);
        }

        @Test
        void theNextInpatientCtrIsDueThatPeriodAfterThePreviousOneIsDone() {
            adult.admitted("2026-03-02");

            List<ObligationChange> changes = adult.completed(INPATIENT_CTR, "2026-08-20");

            assertThat(openedKinds(changes)).containsExactly(INPATIENT_CTR);
            Obligation next = adult.open(INPATIENT_CTR);
            assertThat(next.dueOn()).isEqualTo(day("2027-02-20"));
            assertThat(next.openedBy()).isEqualTo(OpeningCause.RECURRENCE);
            assertThat(adult.count(INPATIENT_CTR)).isEqualTo(2);
        }

        @Test
        void theNextVisitStaysOnTheScheduleFromAdmission() {
            adult.admitted("2026-03-02"); // visits due 27 April, 22 June, ...

            adult.completed(COMMISSIONER_OVERSIGHT_VISIT, "2026-04-30");

            assertThat(adult.open(COMMISSIONER_OVERSIGHT_VISIT).dueOn()).isEqualTo(day("2026-06-22"));
        }

        @Test
        void aVisitDoneEarlyBringsTheNextOneForwardToNoMoreThan8WeeksLater() {
            adult.admitted("2026-03-02");

            adult.completed(COMMISSIONER_OVERSIGHT_VISIT, "2026-03-16");

            assertThat(adult.open(COMMISSIONER_OVERSIGHT_VISIT).dueOn()).isEqualTo(day("2026-05-11"));
        }

        @Test
        void aSkippedInpatientCtrDoesNotStopTheNextOne() {
            adult.admitted("2026-03-02");

            List<ObligationChange> changes = adult.notNeeded(INPATIENT_CTR, "person on leave from hospital",
                    "2026-09-01");

            assertThat(openedKinds(changes)).containsExactly(INPATIENT_CTR);
            assertThat(adult.open(INPATIENT_CTR).dueOn()).isEqualTo(day("2027-03-02"));
        }

        @Test
        void aPostAdmissionCtrDoesNotRecur() {
            adult.admitted("2026-03-02");

            assertThat(openedKinds(adult.completed(POST_ADMISSION_CTR, "2026-03-20"))).isEmpty();
        }

        @Test
        void anIndicativeBlueForSomeoneAlreadyInHospitalObligesNoPostAdmissionCtr() {
            assertThat(openedKinds(adult.accepted(BLUE, "2026-03-02")))
                    .containsExactly(INPATIENT_CTR, COMMISSIONER_OVERSIGHT_VISIT);
        }
    }

    @Nested
    @DisplayName("Discharge: no longer an inpatient, RED")
    class Discharge {

        @Test
        void dischargeClosesTheInpatientOnesAsNotNeededAndObligesACommunityCtr() {
            adult.decided(AMBER, "2026-01-05");
            adult.admitted("2026-03-02");

            List<ObligationChange> changes = adult.discharged("2026-03-20");

            assertThat(changes).filteredOn(ObligationChange.Closed.class::isInstance)
                    .extracting(c -> c.obligation().kind())
                    .containsExactlyInAnyOrder(POST_ADMISSION_CTR, INPATIENT_CTR, COMMISSIONER_OVERSIGHT_VISIT);
            assertThat(changes).filteredOn(ObligationChange.Closed.class::isInstance)
                    .allSatisfy(c -> {
                        assertThat(((ObligationChange.Closed) c).outcome()).isEqualTo(ObligationOutcome.NOT_NEEDED);
                        assertThat(c.obligation().notNeededReason()).contains("discharged");
                    });
            assertThat(openedKinds(changes)).containsExactly(COMMUNITY_CTR);
            assertThat(adult.open(COMMUNITY_CTR).dueOn()).isEqualTo(day("2026-04-03"));
            // AMBER's review from before the admission is still owed.
            assertThat(adult.openKinds()).containsExactly(COMMUNITY_CTR, MULTI_AGENCY_REVIEW);
        }

        @Test
        void aPostAdmissionCtrAlreadyDoneStaysDone() {
            adult.admitted("2026-03-02");
            adult.completed(POST_ADMISSION_CTR, "2026-03-10");

            adult.discharged("2026-03-20");

            assertThat(adult.history).filteredOn(o -> o.kind() == POST_ADMISSION_CTR).singleElement()
                    .extracting(Obligation::status).isEqualTo(ObligationStatus.DONE);
        }

        @Test
        void nothingRecursOnceDischarged() {
            adult.admitted("2026-03-02");
            adult.discharged("2026-03-20");

            assertThat(adult.openKinds()).containsExactly(COMMUNITY_CTR);
            assertThat(adult.now().isInpatient()).isFalse();
        }
    }

    @Nested
    @DisplayName("Support never reduces because a rating goes down")
    class NeverReduces {

        @Test
        void loweringRedToAmberKeepsTheCommunityCtrOpenOnItsDueDate() {
            adult.decided(RED, "2026-03-02");

            List<ObligationChange> changes = adult.decided(AMBER, "2026-03-05");

            assertThat(changes).noneMatch(ObligationChange.Closed.class::isInstance)
                    .noneMatch(ObligationChange.Rescheduled.class::isInstance);
            assertThat(adult.open(COMMUNITY_CTR).dueOn()).isEqualTo(day("2026-03-16"));
            assertThat(adult.openKinds()).containsExactly(COMMUNITY_CTR, MULTI_AGENCY_REVIEW);
        }

        @Test
        void loweringToGreenKeepsEverythingOpen() {
            adult.decided(RED, "2026-03-02");
            adult.decided(AMBER, "2026-03-05");

            adult.decided(GREEN, "2026-03-09");

            assertThat(adult.openKinds()).containsExactly(COMMUNITY_CTR, MULTI_AGENCY_REVIEW, CTR_PARTNERS);
        }

        @Test
        void neverTwoOpenObligationsOfOneKind() {
            adult.decided(RED, "2026-03-02");
            adult.decided(AMBER, "2026-03-03");

            assertThat(openedKinds(adult.decided(RED, "2026-03-04"))).isEmpty();
            assertThat(adult.count(COMMUNITY_CTR)).isEqualTo(1);
        }

        @Test
        void aRatingThatReturnsAfterItsObligationWasDoneObligesItAgain() {
            adult.decided(RED, "2026-03-02");
            adult.completed(COMMUNITY_CTR, "2026-03-06");
            adult.decided(AMBER, "2026-03-20");

            assertThat(openedKinds(adult.decided(RED, "2026-05-04"))).containsExactly(COMMUNITY_CTR);
        }
    }

    @Nested
    @DisplayName("Keyworker referral for 0-25s rated RED, AMBER or BLUE: due in 14 days, once per time on the register")
    class Keyworker {

        private final ObligationExamples young = new ObligationExamples().youngAdult();

        @Test
        void anUnder25RatedAmberIsReferredToAKeyworker() {
            assertThat(openedKinds(young.decided(AMBER, "2026-03-02")))
                    .containsExactly(MULTI_AGENCY_REVIEW, KEYWORKER_REFERRAL);
            assertThat(young.open(KEYWORKER_REFERRAL).dueOn()).isEqualTo(day("2026-03-16"));
        }

        @Test
        void aChildAdmittedIsReferredToo() {
            assertThat(openedKinds(new ObligationExamples().child().admitted("2026-03-02")))
                    .contains(KEYWORKER_REFERRAL);
        }

        @Test
        void greenObligesNoReferral() {
            assertThat(openedKinds(young.decided(GREEN, "2026-03-02"))).doesNotContain(KEYWORKER_REFERRAL);
        }

        @Test
        void onceReferredThisTimeOnTheRegisterNoOtherReferral() {
            young.accepted(AMBER, "2026-03-02");
            young.completed(KEYWORKER_REFERRAL, "2026-03-06");

            assertThat(openedKinds(young.decided(RED, "2026-04-01"))).containsExactly(COMMUNITY_CTR);
            assertThat(openedKinds(young.admitted("2026-05-01"))).doesNotContain(KEYWORKER_REFERRAL);
        }

        @Test
        void aReferralFoundNotNeededIsOfferedAgainAtTheNextMove() {
            young.accepted(AMBER, "2026-03-02");
            young.notNeeded(KEYWORKER_REFERRAL, "already supported by a keyworker service", "2026-03-06");

            assertThat(openedKinds(young.decided(RED, "2026-04-01"))).contains(KEYWORKER_REFERRAL);
        }

        @Test
        void aNewTimeOnTheRegisterBringsANewReferral() {
            young.accepted(AMBER, "2026-03-02");
            young.completed(KEYWORKER_REFERRAL, "2026-03-06");
            young.leftRegister("2026-06-01");

            assertThat(openedKinds(young.accepted(RED, "2026-09-01"))).contains(KEYWORKER_REFERRAL);
        }
    }

    @Nested
    @DisplayName("Leaving the register")
    class LeavingTheRegister {

        @Test
        void leavingTheRegisterClosesEveryOpenObligationAsNotNeeded() {
            ObligationExamples young = new ObligationExamples().youngAdult();
            young.decided(RED, "2026-03-02");
            young.admitted("2026-03-10");

            List<ObligationChange> changes = young.leftRegister("2026-04-01");

            assertThat(changes).hasSize(5).allSatisfy(c -> {
                assertThat(c.obligation().status()).isEqualTo(ObligationStatus.NOT_NEEDED);
                assertThat(c.obligation().notNeededReason()).contains("left the register");
            });
            assertThat(young.openOnes()).isEmpty();
        }

        @Test
        void acceptedAgainWithTheRatingTheyHadLastTimeObligesItAgain() {
            adult.accepted(RED, "2026-03-02");
            adult.leftRegister("2026-04-01");
            adult.current = RED;

            assertThat(openedKinds(adult.accepted(RED, "2026-09-01"))).containsExactly(COMMUNITY_CTR);
        }
    }
}
