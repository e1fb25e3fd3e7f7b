package org.opendsr.meeting.bookings.adapters.messaging;

import java.time.LocalDate;

import jakarta.inject.Singleton;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.meeting.ReviewBooked;
import org.opendsr.contracts.meeting.ReviewCancelled;
import org.opendsr.contracts.meeting.ReviewHeld;
import org.opendsr.kit.ports.EventOutbox;
import org.opendsr.meeting.bookings.application.BookingEvents;
import org.opendsr.meeting.bookings.domain.BookingChange;
import org.opendsr.meeting.bookings.domain.ReviewBooking;
import org.opendsr.meeting.shared.domain.WorkingHours;

/**
 * review-booked, review-held and review-cancelled on {@code dsr.meeting.events}, keyed by personId, through the kit's
 * outbox in the caller's transaction. Ids, types, times and a reason code: nothing that names anyone, no free text.
 */
@Singleton
class BookingEventPublisher implements BookingEvents {

    static final String AGGREGATE_TYPE = "review-booking";

    private final EventOutbox outbox;

    BookingEventPublisher(EventOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void publish(BookingChange change) {
        ReviewBooking b = change.booking();
        if (change instanceof BookingChange.Booked) {
            outbox.append(AGGREGATE_TYPE, b.personId(), EventTypes.MEETING_REVIEW_BOOKED_V1,
                    new ReviewBooked(b.id(), b.obligationId(), b.personId(), b.reviewType(), b.startsAt(),
                            b.endsAt(), b.urgent(), b.sequence()));
        } else if (change instanceof BookingChange.Held) {
            outbox.append(AGGREGATE_TYPE, b.personId(), EventTypes.MEETING_REVIEW_HELD_V1,
                    new ReviewHeld(b.id(), b.obligationId(), b.personId(), b.reviewType(),
                            LocalDate.ofInstant(b.heldAt(), WorkingHours.ENGLAND)));
        } else if (change instanceof BookingChange.Cancelled cancelled) {
            outbox.append(AGGREGATE_TYPE, b.personId(), EventTypes.MEETING_REVIEW_CANCELLED_V1,
                    new ReviewCancelled(b.id(), b.obligationId(), b.personId(), b.reviewType(),
                            b.cancellationReason(), cancelled.at(), b.sequence()));
        }
    }
}
