package org.opendsr.meeting.bookings.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opendsr.contracts.meeting.CancellationReason;
import org.opendsr.contracts.risk.ObligationKind;
import org.opendsr.contracts.risk.ReviewType;
import org.opendsr.kit.rules.RuleBroken;

/** A booked review: which reviews meet which obligation, notice, urgent LAEPs, documents due, held and cancelled. */
class ReviewBookingTest {

    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    private static final BookingRules RULES = new BookingRules(Duration.ofDays(14), Duration.ofHours(24));
    /** Wednesday 2 December 2026, 11:00 UK time. */
    private static final Instant NOW = LocalDate.of(2026, 12, 2).atTime(11, 0).atZone(ENGLAND).toInstant();

    private static Instant daysAhead(int days, int hour) {
        return LocalDate.of(2026, 12, 2).plusDays(days).atTime(LocalTime.of(hour, 0)).atZone(ENGLAND).toInstant();
    }

    private static BookingChange.Booked book(ObligationKind kind, ReviewType type, boolean urgent, int daysAhead) {
        Instant start = daysAhead(daysAhead, 10);
        return ReviewBooking.book(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), kind, type, urgent, start,
                start.plus(Duration.ofHours(2)), Venue.of(null, "Civic Centre, room 2"), RULES, NOW, "dsr-team-1");
    }

    private static void assertInvalid(Runnable action, String field) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(RuleBroken.class, e -> {
            assertThat(e.kind()).isEqualTo(RuleBroken.Kind.INVALID_REQUEST);
            assertThat(e.field()).isEqualTo(field);
        });
    }

    @Nested
    class Notice {

        @Test
        void aPlannedCtrThirteenDaysAheadIsRefusedNamingStartsAtAndTheEarliestDay() {
            assertThatThrownBy(() -> book(ObligationKind.COMMUNITY_CTR, ReviewType.COMMUNITY_CTR, false, 13))
                    .isInstanceOfSatisfying(RuleBroken.class, e -> {
                        assertThat(e.field()).isEqualTo("startsAt");
                        assertThat(e.getMessage()).contains("14 days").contains("2026-12-16");
                    });
        }

        @Test
        void aPlannedCtrFourteenDaysAheadIsBookedWithDocumentsDueADayBefore() {
            BookingChange.Booked booked = book(ObligationKind.COMMUNITY_CTR, ReviewType.COMMUNITY_CTR, false, 14);

            ReviewBooking booking = booked.booking();
            assertThat(booked.rebooked()).isFalse();
            assertThat(booking.status()).isEqualTo(BookingStatus.BOOKED);
            assertThat(booking.sequence()).isZero();
            assertThat(booking.documentsDueAt()).isEqualTo(booking.startsAt().minus(Duration.ofHours(24)));
        }

        @Test
        void anUrgentLaepNeedsNoNoticeButALaepNotUrgentDoes() {
            assertThat(book(ObligationKind.COMMUNITY_CTR, ReviewType.LAEP, true, 1).booking().urgent()).isTrue();
            assertInvalid(() -> book(ObligationKind.COMMUNITY_CTR, ReviewType.LAEP, false, 1), "startsAt");
        }

        @Test
        void onlyALaepMayBeUrgent() {
            assertInvalid(() -> book(ObligationKind.COMMUNITY_CTR, ReviewType.COMMUNITY_CTR, true, 20), "urgent");
        }

        @Test
        void aMultiAgencyMeetingOrAVisitNeedsNoNoticeButMustBeAhead() {
            assertThat(book(ObligationKind.MULTI_AGENCY_REVIEW, ReviewType.MULTI_AGENCY_MEETING, false, 1)).isNotNull();
            assertThat(book(ObligationKind.COMMISSIONER_OVERSIGHT_VISIT, ReviewType.OVERSIGHT_VISIT, false, 2))
                    .isNotNull();
            assertInvalid(() -> book(ObligationKind.MULTI_AGENCY_REVIEW, ReviewType.MULTI_AGENCY_MEETING, false, -1),
                    "startsAt");
        }

        @Test
        void itEndsAfterItStarts() {
            Instant start = daysAhead(20, 10);
            assertInvalid(() -> ReviewBooking.book(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                    ObligationKind.COMMUNITY_CTR, ReviewType.COMMUNITY_CTR, false, start, start, Venue.of(null, null),
                    RULES, NOW, "dsr-team-1"), "endsAt");
        }
    }

    @Nested
    class WhatMeetsTheObligation {

        @Test
        void theReviewTypeMustMeetTheObligationsKind() {
            assertInvalid(() -> book(ObligationKind.INPATIENT_CTR, ReviewType.COMMUNITY_CTR, false, 20), "reviewType");
            assertInvalid(() -> book(ObligationKind.COMMISSIONER_OVERSIGHT_VISIT, ReviewType.INPATIENT_CTR, false, 20),
                    "reviewType");
            assertThat(book(ObligationKind.MULTI_AGENCY_REVIEW, ReviewType.COMMUNITY_CTR, false, 20)).isNotNull();
            assertThat(book(ObligationKind.POST_ADMISSION_CTR, ReviewType.POST_ADMISSION_CTR, false, 20)).isNotNull();
        }

        @Test
        void partnersAndAKeyworkerReferralAreNotBookable() {
            assertInvalid(() -> book(ObligationKind.CTR_PARTNERS, ReviewType.COMMUNITY_CTR, false, 20),
                    "obligationId");
            assertInvalid(() -> book(ObligationKind.KEYWORKER_REFERRAL, ReviewType.MULTI_AGENCY_MEETING, false, 20),
                    "obligationId");
        }
    }

    @Nested
    class Changes {

        @Test
        void aRebookingKeepsTheNoticeRuleAndRaisesTheSequence() {
            ReviewBooking booking = book(ObligationKind.COMMUNITY_CTR, ReviewType.COMMUNITY_CTR, false, 20).booking();

            assertInvalid(() -> booking.rebook(daysAhead(5, 10), daysAhead(5, 12), null, RULES, NOW), "startsAt");
            BookingChange.Booked moved = booking.rebook(daysAhead(21, 10), daysAhead(21, 12), null, RULES, NOW);

            assertThat(moved.rebooked()).isTrue();
            assertThat(booking.sequence()).isEqualTo(1);
            assertThat(booking.documentsDueAt()).isEqualTo(daysAhead(20, 10));
            assertThat(booking.venue().location()).isEqualTo("Civic Centre, room 2");
        }

        @Test
        void itIsHeldOnceStartedNotBefore() {
            ReviewBooking booking = book(ObligationKind.COMMUNITY_CTR, ReviewType.COMMUNITY_CTR, false, 14).booking();

            assertThatThrownBy(() -> booking.hold(daysAhead(14, 9))).isInstanceOfSatisfying(RuleBroken.class,
                    e -> assertThat(e.kind()).isEqualTo(RuleBroken.Kind.CONFLICT));
            booking.hold(daysAhead(14, 10));

            assertThat(booking.status()).isEqualTo(BookingStatus.HELD);
            assertThatThrownBy(() -> booking.cancel(CancellationReason.OTHER, daysAhead(14, 11)))
                    .isInstanceOfSatisfying(RuleBroken.class,
                            e -> assertThat(e.problem()).isEqualTo("review-held"));
        }

        @Test
        void aCancellationNeedsAReasonAndRaisesTheSequence() {
            ReviewBooking booking = book(ObligationKind.COMMUNITY_CTR, ReviewType.COMMUNITY_CTR, false, 14).booking();

            assertInvalid(() -> booking.cancel(null, NOW), "reason");
            BookingChange.Cancelled cancelled = booking.cancel(CancellationReason.PERSON_UNAVAILABLE, NOW);

            assertThat(cancelled.at()).isEqualTo(NOW);
            assertThat(booking.status()).isEqualTo(BookingStatus.CANCELLED);
            assertThat(booking.sequence()).isEqualTo(1);
            assertThatThrownBy(() -> booking.rebook(daysAhead(30, 10), daysAhead(30, 11), null, RULES, NOW))
                    .isInstanceOf(RuleBroken.class);
        }
    }

    @Nested
    class Venues {

        @Test
        void aLinkOrAPlaceNotBoth() {
            assertInvalid(() -> Venue.of("https://meet.example.org/r/1", "Civic Centre"), "location");
            assertInvalid(() -> Venue.of("http://meet.example.org/r/1", null), "onlineLink");
            assertInvalid(() -> Venue.of(null, "Ring 07700 900123"), "location");
            assertThat(Venue.of("https://meet.example.org/r/1", null).describe()).isEqualTo("https://meet.example.org/r/1");
            assertThat(Venue.of(null, null).describe()).as("neither yet").isNull();
        }

        @Test
        void aBlankLinkOrPlaceIsRefusedNotTakenAsLeftOut() {
            // Issue 15: "" is not a way to leave a venue out (a rebooking would silently keep the old place).
            assertInvalid(() -> Venue.of("https://meet.example.org/r/1", " "), "location");
            assertInvalid(() -> Venue.of("", "Civic Centre"), "onlineLink");
        }
    }
}
