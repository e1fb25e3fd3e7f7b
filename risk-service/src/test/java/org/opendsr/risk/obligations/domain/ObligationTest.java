package org.opendsr.risk.obligations.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opendsr.contracts.common.RagRating.AMBER;
import static org.opendsr.contracts.common.RagRating.GREEN;
import static org.opendsr.contracts.common.RagRating.RED;
import static org.opendsr.contracts.risk.ObligationKind.COMMUNITY_CTR;
import static org.opendsr.contracts.risk.ObligationKind.CTR_PARTNERS;
import static org.opendsr.contracts.risk.ObligationKind.MULTI_AGENCY_REVIEW;
import static org.opendsr.risk.obligations.domain.ObligationExamples.day;
import static org.opendsr.risk.obligations.domain.ObligationExamples.noonOn;

import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opendsr.contracts.risk.ObligationOutcome;
import org.opendsr.contracts.risk.ReviewType;
import org.opendsr.kit.rules.RuleBroken;

/** An obligation's statuses: due, booked, overdue, done, not needed; and what each allows. */
class ObligationTest {

    private final ObligationExamples person = new ObligationExamples();

    private Obligation communityCtrOpenedOn2March() {
        person.decided(RED, "2026-03-02");
        return person.open(COMMUNITY_CTR); // due 16 March
    }

    @Nested
    @DisplayName("Booking")
    class Booking {

        @Test
        void aDueObligationIsBookedForADate() {
            Obligation ctr = communityCtrOpenedOn2March();

            ObligationChange.Booked booked = ctr.book(day("2026-03-12"), day("2026-03-04"));

            assertThat(booked.previousStatus()).isEqualTo(ObligationStatus.DUE);
            assertThat(ctr.status()).isEqualTo(ObligationStatus.BOOKED);
            assertThat(ctr.bookedFor()).contains(day("2026-03-12"));
            assertThat(ctr.dueOn()).isEqualTo(day("2026-03-16"));
        }

        @Test
        void anOverdueObligationBookedStaysOverdueWithItsBookingAndIsNotAnnouncedAgain() {
            Obligation ctr = communityCtrOpenedOn2March();
            assertThat(ctr.overdueOn(day("2026-03-17"))).get().isInstanceOf(ObligationChange.BecameOverdue.class);

            ObligationChange.Booked booked = ctr.book(day("2026-03-20"), day("2026-03-18"));

            assertThat(booked.previousStatus()).isEqualTo(ObligationStatus.OVERDUE);
            assertThat(ctr.status()).isEqualTo(ObligationStatus.OVERDUE);
            assertThat(ctr.statusOn(day("2026-03-18"))).isEqualTo(ObligationStatus.OVERDUE);
            assertThat(ctr.bookedFor()).contains(day("2026-03-20"));
            assertThat(ctr.overdueOn(day("2026-03-19"))).isEmpty();
        }

        @Test
        void aBookingStoredBookedAfterItWasAnnouncedIsOverdueAgainSilently() {
            Obligation.Snapshot announced = withStatus(communityCtrOpenedOn2March(), ObligationStatus.BOOKED,
                    day("2026-03-20"), true);
            Obligation ctr = Obligation.restore(announced);

            assertThat(ctr.overdueOn(day("2026-03-18"))).get().isInstanceOfSatisfying(
                    ObligationChange.OverdueAgain.class,
                    again -> assertThat(again.previousStatus()).isEqualTo(ObligationStatus.BOOKED));
            assertThat(ctr.status()).isEqualTo(ObligationStatus.OVERDUE);
            assertThat(ctr.bookedFor()).contains(day("2026-03-20"));
            assertThat(ctr.overdueOn(day("2026-03-19"))).isEmpty();
        }

        @Test
        void aBookingMayBeMoved() {
            Obligation ctr = communityCtrOpenedOn2March();
            ctr.book(day("2026-03-12"), day("2026-03-04"));

            ObligationChange.Booked moved = ctr.book(day("2026-03-13"), day("2026-03-05"));

            assertThat(moved.previouslyBookedFor()).isEqualTo(day("2026-03-12"));
            assertThat(ctr.bookedFor()).contains(day("2026-03-13"));
        }

        @Test
        void aBookingCannotBeInThePast() {
            Obligation ctr = communityCtrOpenedOn2March();

            assertThatThrownBy(() -> ctr.book(day("2026-03-03"), day("2026-03-04")))
                    .isInstanceOfSatisfying(RuleBroken.class, e -> {
                        assertThat(e.kind()).isEqualTo(RuleBroken.Kind.INVALID_REQUEST);
                        assertThat(e.field()).isEqualTo("bookedFor");
                    });
        }
    }

    @Nested
    @DisplayName("A booking cancelled: withdrawn, open again")
    class BookingCancelled {

        @Test
        void aBookedObligationIsDueAgainWithoutItsDate() {
            Obligation ctr = communityCtrOpenedOn2March();
            ctr.book(day("2026-03-12"), day("2026-03-04"));

            List<ObligationChange> changes = ctr.cancelBooking(day("2026-03-05"));

            assertThat(changes).singleElement().isInstanceOfSatisfying(ObligationChange.BookingWithdrawn.class,
                    withdrawn -> {
                        assertThat(withdrawn.previousStatus()).isEqualTo(ObligationStatus.BOOKED);
                        assertThat(withdrawn.previouslyBookedFor()).isEqualTo(day("2026-03-12"));
                    });
            assertThat(ctr.status()).isEqualTo(ObligationStatus.DUE);
            assertThat(ctr.bookedFor()).isEmpty();
            assertThat(ctr.dueOn()).isEqualTo(day("2026-03-16"));
        }

        @Test
        void oncePastItsDueDateItIsOverdueAndAnnouncedOnce() {
            Obligation ctr = communityCtrOpenedOn2March();
            ctr.book(day("2026-03-12"), day("2026-03-04"));

            List<ObligationChange> changes = ctr.cancelBooking(day("2026-03-17"));

            assertThat(changes).hasSize(2);
            assertThat(changes.get(0)).isInstanceOf(ObligationChange.BookingWithdrawn.class);
            assertThat(changes.get(1)).isInstanceOf(ObligationChange.BecameOverdue.class);
            assertThat(ctr.status()).isEqualTo(ObligationStatus.OVERDUE);
            assertThat(ctr.bookedFor()).isEmpty();
            assertThat(ctr.overdueOn(day("2026-03-18"))).isEmpty();
        }

        @Test
        void anOverdueObligationStaysOverdueAndIsNotAnnouncedAgain() {
            Obligation ctr = communityCtrOpenedOn2March();
            ctr.overdueOn(day("2026-03-17"));
            ctr.book(day("2026-03-20"), day("2026-03-18"));

            List<ObligationChange> changes = ctr.cancelBooking(day("2026-03-19"));

            assertThat(changes).singleElement().isInstanceOf(ObligationChange.BookingWithdrawn.class);
            assertThat(ctr.status()).isEqualTo(ObligationStatus.OVERDUE);
            assertThat(ctr.bookedFor()).isEmpty();
        }

        @Test
        void withNothingBookedOrOnceClosedNothingChanges() {
            Obligation ctr = communityCtrOpenedOn2March();
            assertThat(ctr.cancelBooking(day("2026-03-05"))).isEmpty();
            assertThat(ctr.status()).isEqualTo(ObligationStatus.DUE);

            ctr.book(day("2026-03-12"), day("2026-03-04"));
            ctr.complete(new Completion(day("2026-03-12"), ReviewType.COMMUNITY_CTR, null, List.of()),
                    day("2026-03-12"), noonOn(day("2026-03-12")), "dsr-team-1");

            assertThat(ctr.cancelBooking(day("2026-03-13"))).isEmpty();
            assertThat(ctr.status()).isEqualTo(ObligationStatus.DONE);
        }
    }

    @Nested
    @DisplayName("Overdue: the day after the due date, announced once")
    class Overdue {

        @Test
        void onItsDueDateItIsStillOnTime() {
            assertThat(communityCtrOpenedOn2March().overdueOn(day("2026-03-16"))).isEmpty();
        }

        @Test
        void theDayAfterItIsOverdueOnce() {
            Obligation ctr = communityCtrOpenedOn2March();

            assertThat(ctr.overdueOn(day("2026-03-17"))).get().isInstanceOfSatisfying(
                    ObligationChange.BecameOverdue.class,
                    overdue -> assertThat(overdue.dueOn()).isEqualTo(day("2026-03-16")));
            assertThat(ctr.status()).isEqualTo(ObligationStatus.OVERDUE);
            assertThat(ctr.overdueOn(day("2026-03-18"))).isEmpty();
        }

        @Test
        void aBookedObligationPastItsDueDateIsOverdue() {
            Obligation ctr = communityCtrOpenedOn2March();
            ctr.book(day("2026-03-20"), day("2026-03-04"));

            assertThat(ctr.overdueOn(day("2026-03-17"))).get().isInstanceOfSatisfying(
                    ObligationChange.BecameOverdue.class,
                    overdue -> assertThat(overdue.previousStatus()).isEqualTo(ObligationStatus.BOOKED));
            assertThat(ctr.bookedFor()).contains(day("2026-03-20"));
        }

        @Test
        void pastItsDueDateItReadsAsOverdueBeforeTheSweepHasRun() {
            Obligation ctr = communityCtrOpenedOn2March();
            ctr.book(day("2026-03-20"), day("2026-03-04"));

            assertThat(ctr.statusOn(day("2026-03-16"))).isEqualTo(ObligationStatus.BOOKED);
            assertThat(ctr.statusOn(day("2026-03-17"))).isEqualTo(ObligationStatus.OVERDUE);
            assertThat(ctr.status()).isEqualTo(ObligationStatus.BOOKED);
        }

        @Test
        void aClosedObligationIsNeverOverdue() {
            Obligation ctr = communityCtrOpenedOn2March();
            ctr.complete(Completion.on(day("2026-03-10")), day("2026-03-10"), noonOn(day("2026-03-10")), "team");

            assertThat(ctr.overdueOn(day("2026-04-01"))).isEmpty();
        }
    }

    @Nested
    @DisplayName("Completion")
    class Completing {

        @Test
        void aCommunityCtrIsDoneByACommunityCtrUnlessNamedOtherwise() {
            Obligation ctr = communityCtrOpenedOn2March();

            ObligationChange.Closed closed = ctr.complete(Completion.on(day("2026-03-10")), day("2026-03-11"),
                    noonOn(day("2026-03-11")), "team");

            assertThat(closed.outcome()).isEqualTo(ObligationOutcome.DONE);
            assertThat(closed.reviewType()).isEqualTo(ReviewType.COMMUNITY_CTR);
            assertThat(ctr.status()).isEqualTo(ObligationStatus.DONE);
            assertThat(ctr.completedOn()).contains(day("2026-03-10"));
        }

        @Test
        void aLaepMeetsACommunityCtrWhenTooUrgentForOne() {
            Obligation ctr = communityCtrOpenedOn2March();
            UUID meeting = UUID.randomUUID();

            ObligationChange.Closed closed = ctr.complete(
                    new Completion(day("2026-03-03"), ReviewType.LAEP, meeting, List.of()), day("2026-03-03"),
                    noonOn(day("2026-03-03")), "team");

            assertThat(closed.reviewType()).isEqualTo(ReviewType.LAEP);
            assertThat(ctr.snapshot().meetingId()).isEqualTo(meeting);
        }

        @Test
        void aMultiAgencyReviewMayBeMetByAMeetingOrACtrButNotAnOversightVisit() {
            person.decided(AMBER, "2026-03-02");
            Obligation review = person.open(MULTI_AGENCY_REVIEW);

            assertThatThrownBy(() -> review.complete(
                    new Completion(day("2026-03-05"), ReviewType.OVERSIGHT_VISIT, null, List.of()),
                    day("2026-03-05"), noonOn(day("2026-03-05")), "team"))
                    .isInstanceOfSatisfying(RuleBroken.class, e -> assertThat(e.field()).isEqualTo("reviewType"));
            assertThat(review.complete(new Completion(day("2026-03-05"), ReviewType.COMMUNITY_CTR, null, List.of()),
                    day("2026-03-05"), noonOn(day("2026-03-05")), "team").reviewType())
                    .isEqualTo(ReviewType.COMMUNITY_CTR);
        }

        @Test
        void itCannotBeDoneInTheFutureNorBeforeItWasOpened() {
            Obligation ctr = communityCtrOpenedOn2March();

            assertThatThrownBy(() -> ctr.complete(Completion.on(day("2026-03-12")), day("2026-03-11"),
                    noonOn(day("2026-03-11")), "team"))
                    .isInstanceOfSatisfying(RuleBroken.class, e -> assertThat(e.field()).isEqualTo("completedOn"));
            assertThatThrownBy(() -> ctr.complete(Completion.on(day("2026-03-01")), day("2026-03-11"),
                    noonOn(day("2026-03-11")), "team"))
                    .isInstanceOfSatisfying(RuleBroken.class, e -> assertThat(e.field()).isEqualTo("completedOn"));
            assertThat(ctr.status()).isEqualTo(ObligationStatus.DUE);
        }

        @Test
        void theCtrPartnersAreNamedWhenTheyAreRecorded() {
            person.decided(GREEN, "2026-03-02");
            Obligation partners = person.open(CTR_PARTNERS);

            partners.complete(new Completion(day("2026-03-05"), null, null,
                    List.of(" Community learning disability team ", "Local authority social care",
                            "Community learning disability team")), day("2026-03-05"), noonOn(day("2026-03-05")),
                    "team");

            assertThat(partners.partners()).containsExactly("Community learning disability team",
                    "Local authority social care");
        }

        @Test
        void theCtrPartnersCannotBeRecordedEmptyTooManyTooLongOrWithAnIdentifier() {
            person.decided(GREEN, "2026-03-02");
            Obligation partners = person.open(CTR_PARTNERS);

            for (List<String> bad : List.of(List.<String>of(), Collections.nCopies(21, "CAMHS"),
                    List.of("x".repeat(101)), List.of("CAMHS", " "), List.of("call 07700 900123"))) {
                assertThatThrownBy(() -> partners.complete(new Completion(day("2026-03-05"), null, null, bad),
                        day("2026-03-05"), noonOn(day("2026-03-05")), "team"))
                        .isInstanceOfSatisfying(RuleBroken.class,
                                e -> assertThat(e.field()).startsWith("partners"));
            }
            assertThat(partners.status()).isEqualTo(ObligationStatus.DUE);
        }

        @Test
        void partnersAreOnlyForTheCtrPartnersObligation() {
            Obligation ctr = communityCtrOpenedOn2March();

            assertThatThrownBy(() -> ctr.complete(new Completion(day("2026-03-05"), null, null, List.of("CAMHS")),
                    day("2026-03-05"), noonOn(day("2026-03-05")), "team"))
                    .isInstanceOfSatisfying(RuleBroken.class, e -> assertThat(e.field()).isEqualTo("partners"));
        }
    }

    @Nested
    @DisplayName("Not needed, with a reason")
    class NotNeeded {

        @Test
        void itIsClosedWithTheReason() {
            Obligation ctr = communityCtrOpenedOn2March();

            ObligationChange.Closed closed = ctr.notNeeded(" admission happened the same day ", day("2026-03-03"),
                    noonOn(day("2026-03-03")), "team");

            assertThat(closed.outcome()).isEqualTo(ObligationOutcome.NOT_NEEDED);
            assertThat(closed.reviewType()).isNull();
            assertThat(ctr.notNeededReason()).contains("admission happened the same day");
            assertThat(ctr.snapshot().closedBy()).isEqualTo("team");
        }

        @Test
        void aReasonIsRequired() {
            Obligation ctr = communityCtrOpenedOn2March();

            assertThatThrownBy(() -> ctr.notNeeded("  ", day("2026-03-03"), noonOn(day("2026-03-03")), "team"))
                    .isInstanceOfSatisfying(RuleBroken.class, e -> assertThat(e.field()).isEqualTo("reason"));
        }
    }

    @Nested
    @DisplayName("A closed obligation never changes again (409 obligation-closed)")
    class Closed {

        @Test
        void aDoneObligationCannotBeBookedCompletedOrFoundNotNeeded() {
            Obligation ctr = communityCtrOpenedOn2March();
            ctr.complete(Completion.on(day("2026-03-10")), day("2026-03-10"), noonOn(day("2026-03-10")), "team");

            assertClosed(() -> ctr.book(day("2026-03-20"), day("2026-03-11")));
            assertClosed(() -> ctr.complete(Completion.on(day("2026-03-11")), day("2026-03-11"),
                    noonOn(day("2026-03-11")), "team"));
            assertClosed(() -> ctr.notNeeded("duplicate", day("2026-03-11"), noonOn(day("2026-03-11")), "team"));
            assertThat(ctr.status()).isEqualTo(ObligationStatus.DONE);
        }

        @Test
        void aNotNeededObligationCannotBeCompleted() {
            Obligation ctr = communityCtrOpenedOn2March();
            ctr.notNeeded("admitted before it could take place", day("2026-03-10"), noonOn(day("2026-03-10")), "t");

            assertClosed(() -> ctr.complete(Completion.on(day("2026-03-11")), day("2026-03-11"),
                    noonOn(day("2026-03-11")), "team"));
        }

        private void assertClosed(Runnable attempt) {
            assertThatThrownBy(attempt::run).isInstanceOfSatisfying(RuleBroken.class, e -> {
                assertThat(e.kind()).isEqualTo(RuleBroken.Kind.CONFLICT);
                assertThat(e.problem()).isEqualTo("obligation-closed");
            });
        }
    }

    private static Obligation.Snapshot withStatus(Obligation obligation, ObligationStatus status, java.time.LocalDate bookedFor,
                                                  boolean overdueAnnounced) {
        Obligation.Snapshot s = obligation.snapshot();
        return new Obligation.Snapshot(s.id(), s.personId(), s.kind(), status, s.scheduledFrom(), s.dueOn(),
                s.openedAt(), s.openedOn(), s.openedBy(), s.ratingAtOpening(), bookedFor, s.completedOn(),
                s.reviewType(), s.meetingId(), s.partners(), s.notNeededReason(), s.closedAt(), s.closedBy(),
                overdueAnnounced);
    }
}
