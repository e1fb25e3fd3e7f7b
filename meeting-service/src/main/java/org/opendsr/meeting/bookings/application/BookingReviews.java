package org.opendsr.meeting.bookings.application;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.meeting.CancellationReason;
import org.opendsr.contracts.risk.ReviewType;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.meeting.bookings.domain.BookingChange;
import org.opendsr.meeting.bookings.domain.BookingRules;
import org.opendsr.meeting.bookings.domain.ReviewBooking;
import org.opendsr.meeting.bookings.domain.Venue;
import org.opendsr.meeting.shared.application.MeetingAccess;
import org.opendsr.meeting.shared.application.ReviewObligation;
import org.opendsr.meeting.shared.application.ReviewObligations;

/**
 * The DSR team books a review against one of risk-service's obligations, moves it, records it held or cancels it:
 * the DSR team of the person's area or a lead (the rest of the care team 403, anyone else 404). Each is one
 * transaction: the booking, its event (review-booked, review-held, review-cancelled) and the audit line.
 */
@Singleton
public class BookingReviews {

    private static final String WHAT = "review booking";

    private final ReviewBookings bookings;
    private final ReviewObligations obligations;
    private final BookingEvents events;
    private final MeetingAccess access;
    private final BookingRules rules;
    private final Clock clock;

    BookingReviews(ReviewBookings bookings, ReviewObligations obligations, BookingEvents events, MeetingAccess access,
                   BookingSettings settings, Clock clock) {
        this.bookings = bookings;
        this.obligations = obligations;
        this.events = events;
        this.access = access;
        this.rules = settings.rules();
        this.clock = clock;
    }

    /** What the DSR team asks for. */
    public record Booking(UUID obligationId, ReviewType reviewType, Instant startsAt, Instant endsAt, boolean urgent,
                          String onlineLink, String location) {
    }

    /**
     * Books it: the obligation must be known (404 naming it otherwise, the same as for a person the caller may not
     * see) and open (DUE or OVERDUE: 409 once closed), with no other open booking (409).
     */
    @Transactional
    public ReviewBooking book(Booking request, Caller caller) {
        if (request.obligationId() == null) {
            throw RuleBroken.invalid("obligationId", "is required");
        }
        ReviewObligation obligation = obligations.obligation(request.obligationId())
                .orElseThrow(BookingReviews::unknownObligation);
        try {
            access.requireDsrTeam(obligation.personId(), caller, WHAT);
        } catch (RuleBroken refused) {
            throw refused.kind() == RuleBroken.Kind.NOT_FOUND ? unknownObligation() : refused;
        }
        if (!obligation.isOpen()) {
            throw RuleBroken.conflict("obligation-closed", "The obligation is closed", "obligationId",
                    "the " + obligation.kind() + " obligation is " + obligation.status() + ": nothing to book");
        }
        Venue venue = Venue.of(request.onlineLink(), request.location());
        Instant now = clock.instant();
        BookingChange.Booked booked = ReviewBooking.book(UUID.randomUUID(), obligation.obligationId(),
                obligation.personId(), obligation.kind(), request.reviewType(), request.urgent(), request.startsAt(),
                request.endsAt(), venue, rules, now, caller.userId());
        bookings.openFor(obligation.obligationId()).ifPresent(open -> {
            throw RuleBroken.conflict("obligation-already-booked", "The obligation already has a booking",
                    "obligationId", "a review is already booked for this obligation (booking " + open.id()
                            + "): move it or cancel it");
        });
        record(caller, booked, null);
        return booked.booking();
    }

    /** Moves it: the same notice rule (unless an urgent LAEP), a higher sequence, review-booked again. */
    @Transactional
    public ReviewBooking rebook(UUID bookingId, Instant startsAt, Instant endsAt, String onlineLink, String location,
                               Caller caller) {
        ReviewBooking booking = locked(bookingId, caller);
        Map<String, Object> before = stateOf(booking);
        Venue venue = Venue.of(onlineLink, location);
        BookingChange.Booked moved = booking.rebook(startsAt, endsAt, venue, rules, clock.instant());
        record(caller, moved, before);
        return booking;
    }

    /** It took place (not before it started): review-held, and risk-service completes the obligation. */
    @Transactional
    public ReviewBooking hold(UUID bookingId, Caller caller) {
        ReviewBooking booking = locked(bookingId, caller);
        Map<String, Object> before = stateOf(booking);
        record(caller, booking.hold(clock.instant()), before);
        return booking;
    }

    /** It will not take place: review-cancelled, and risk-service re-opens the obligation. */
    @Transactional
    public ReviewBooking cancel(UUID bookingId, CancellationReason reason, Caller caller) {
        ReviewBooking booking = locked(bookingId, caller);
        Map<String, Object> before = stateOf(booking);
        record(caller, booking.cancel(reason, clock.instant()), before);
        return booking;
    }

    private void record(Caller caller, BookingChange change, Map<String, Object> before) {
        ReviewBooking booking = change.booking();
        bookings.save(booking);
        events.publish(change);
        access.audited(caller, booking.personId(), before == null ? "CREATED" : "CHANGED", WHAT, before,
                stateOf(booking));
    }

    /** The booking, for the DSR team, locked: an unknown one and one the caller may not see answer the same 404. */
    private ReviewBooking locked(UUID bookingId, Caller caller) {
        ReviewBooking unlocked = bookings.find(bookingId).orElseThrow(BookingReviews::unknownBooking);
        try {
            access.requireDsrTeam(unlocked.personId(), caller, WHAT);
        } catch (RuleBroken refused) {
            throw refused.kind() == RuleBroken.Kind.NOT_FOUND ? unknownBooking() : refused;
        }
        return bookings.findForUpdate(bookingId).orElseThrow(BookingReviews::unknownBooking);
    }

    private static Map<String, Object> stateOf(ReviewBooking booking) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("bookingId", booking.id().toString());
        state.put("obligationId", booking.obligationId().toString());
        state.put("reviewType", booking.reviewType().name());
        state.put("status", booking.status().name());
        state.put("startsAt", booking.startsAt().toString());
        state.put("endsAt", booking.endsAt().toString());
        state.put("urgent", booking.urgent());
        state.put("sequence", booking.sequence());
        if (booking.cancellationReason() != null) {
            state.put("cancellationReason", booking.cancellationReason().name());
        }
        return state;
    }

    static RuleBroken unknownObligation() {
        return new RuleBroken(RuleBroken.Kind.NOT_FOUND, "not-found", "Not found", "obligationId",
                "Obligation was not found");
    }

    static RuleBroken unknownBooking() {
        return RuleBroken.notFound("Booking");
    }
}
