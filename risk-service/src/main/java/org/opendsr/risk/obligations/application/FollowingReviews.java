package org.opendsr.risk.obligations.application;

import static org.opendsr.risk.shared.application.SystemActors.MEETING_SERVICE;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.meeting.ReviewBooked;
import org.opendsr.contracts.meeting.ReviewCancelled;
import org.opendsr.contracts.meeting.ReviewHeld;
import org.opendsr.kit.messaging.ReceivedEvent;
import org.opendsr.kit.messaging.UnprocessableEvent;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.kit.time.DsrClock;
import org.opendsr.risk.obligations.domain.Completion;
import org.opendsr.risk.obligations.domain.Obligation;
import org.opendsr.risk.obligations.domain.ObligationChange;
import org.opendsr.risk.obligations.domain.ObligationStatus;
import org.opendsr.risk.shared.application.CurrentRatings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reviews meeting-service books against obligations, followed as the system (the audit names meeting-service):
 * a review booked marks its obligation BOOKED for that day (a rebooking moves the day); a review held completes it
 * with the review that met it, opening the next inpatient C(E)TR or visit exactly as a completion through the API
 * does ({@link NextObligations}); a review cancelled withdraws the booking and the obligation is open again (DUE, or
 * OVERDUE if its date passed). Each runs in the kit's transaction with the processed-event record, locking the person
 * first and the obligation second, as every other path does ({@link CurrentRatings#lock}). An obligation risk-service
 * never opened is dead-lettered with the reason; an event about one already closed changes nothing (a redelivery, or
 * a review held after the obligation was found not needed), and is logged.
 *
 * <p>Stale and replayed events: the obligation keeps the booking it follows and the highest sequence seen of it
 * ({@link FollowedBookings}, V6). A review-booked or review-cancelled at a sequence already seen is ignored; so is a
 * review-booked from another booking while the obligation is booked by its own, a review-cancelled of any booking but
 * the followed one (a date booked through risk-service's own API is not withdrawn by it), and a review-held of another
 * booking than the followed one (any booking when none is followed: a review held without being booked).
 */
@Singleton
public class FollowingReviews {

    private static final Logger LOG = LoggerFactory.getLogger(FollowingReviews.class);

    private final Obligations obligations;
    private final NextObligations next;
    private final ObligationRecords records;
    private final CurrentRatings ratings;
    private final FollowedBookings followed;
    private final Clock clock;

    FollowingReviews(Obligations obligations, NextObligations next, ObligationRecords records,
                     CurrentRatings ratings, FollowedBookings followed, Clock clock) {
        this.obligations = obligations;
        this.followed = followed;
        this.next = next;
        this.records = records;
        this.ratings = ratings;
        this.clock = clock;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void reviewBooked(ReceivedEvent<ReviewBooked> event) {
        ReviewBooked booked = event.payload();
        LocalDate today = today();
        LocalDate day = LocalDate.ofInstant(booked.startsAt(), DsrClock.ENGLAND);
        open(booked.obligationId(), booked.personId(), "review-booked").ifPresent(obligation -> {
            Optional<FollowedBookings.Followed> current = followed.of(obligation.id());
            if (current.filter(f -> f.isOlderOrSame(booked.bookingId(), booked.sequence())).isPresent()) {
                LOG.info("Review booked for obligation {} at sequence {}: already seen a later one; ignored",
                        obligation.id(), booked.sequence());
                return;
            }
            if (obligation.status() == ObligationStatus.BOOKED && current.isPresent()
                    && !current.get().bookingId().equals(booked.bookingId())) {
                LOG.info("Review booked for obligation {} by another booking than the one it holds; ignored",
                        obligation.id());
                return;
            }
            if (day.isBefore(today)) {
                // Read after the day it was booked for (a consumer far behind): the held or cancelled event follows.
                LOG.info("Review booked for obligation {} on a day already past; left as it is", obligation.id());
                return;
            }
            records.recordBySystem(MEETING_SERVICE, List.of(obligation.book(day, today)));
            followed.follow(obligation.id(), booked.bookingId(), booked.sequence());
        });
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void reviewHeld(ReceivedEvent<ReviewHeld> event) {
        ReviewHeld held = event.payload();
        open(held.obligationId(), held.personId(), "review-held").ifPresent(obligation -> {
            Optional<FollowedBookings.Followed> current = followed.of(obligation.id());
            if (current.isPresent() && !current.get().bookingId().equals(held.bookingId())) {
                LOG.info("Review held for obligation {} by another booking than the one it follows; ignored",
                        obligation.id());
                return;
            }
            Instant now = clock.instant();
            LocalDate today = LocalDate.ofInstant(now, DsrClock.ENGLAND);
            ObligationChange.Closed closed;
            try {
                closed = obligation.complete(new Completion(held.heldOn(), held.reviewType(), held.bookingId(),
                        List.of()), today, now, MEETING_SERVICE);
            } catch (RuleBroken broken) {
                // A review that cannot meet this obligation, or a day it cannot have been held on: never succeeds.
                throw UnprocessableEvent.rejected("review-held cannot complete obligation " + obligation.id() + ": "
                        + broken.problem() + (broken.field() == null ? "" : " (" + broken.field() + ")"));
            }
            records.recordBySystem(MEETING_SERVICE, next.withTheNext(closed, now, today));
        });
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void reviewCancelled(ReceivedEvent<ReviewCancelled> event) {
        ReviewCancelled cancelled = event.payload();
        open(cancelled.obligationId(), cancelled.personId(), "review-cancelled").ifPresent(obligation -> {
            Optional<FollowedBookings.Followed> current = followed.of(obligation.id());
            if (current.isEmpty() || !current.get().bookingId().equals(cancelled.bookingId())
                    || current.get().isOlderOrSame(cancelled.bookingId(), cancelled.sequence())) {
                // Another booking's, one seen already, or a booking of risk-service's own API: not this one's to undo.
                LOG.info("Review cancelled for obligation {} is not about its current booking; ignored",
                        obligation.id());
                return;
            }
            followed.follow(obligation.id(), cancelled.bookingId(), cancelled.sequence());
            List<ObligationChange> changes = obligation.cancelBooking(today());
            if (changes.isEmpty()) {
                LOG.info("Review cancelled for obligation {} with no booking on it; nothing to withdraw",
                        obligation.id());
            }
            records.recordBySystem(MEETING_SERVICE, changes);
        });
    }

    /**
     * The obligation, locked after its person; empty (logged) when it is already closed. Unknown, or another person's:
     * dead-lettered, as it can never succeed.
     */
    private Optional<Obligation> open(UUID obligationId, UUID personId, String what) {
        Obligation known = obligations.find(obligationId).filter(o -> o.personId().equals(personId))
                .orElseThrow(() -> UnprocessableEvent.rejected(what + " names an obligation risk-service never opened"
                        + " for this person: " + obligationId));
        if (!ratings.lock(personId)) {
            throw UnprocessableEvent.rejected(what + " is about a person risk-service was never told of");
        }
        Obligation obligation = obligations.findForUpdate(known.id()).orElseThrow();
        if (!obligation.isOpen()) {
            LOG.info("{} for obligation {} already {}; nothing to do", what, obligation.id(), obligation.status());
            return Optional.empty();
        }
        return Optional.of(obligation);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), DsrClock.ENGLAND);
    }
}
