package org.opendsr.meeting.bookings.adapters.web;

import java.time.Instant;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import org.opendsr.contracts.meeting.CancellationReason;
import org.opendsr.contracts.risk.ReviewType;
import org.opendsr.meeting.bookings.domain.BookingStatus;
import org.opendsr.meeting.bookings.domain.ReviewBooking;

/** A booked review as the care team and the DSR team see it. */
@Serdeable
@Schema(name = "ReviewBooking")
public record BookingView(
        UUID bookingId,
        UUID obligationId,
        UUID personId,
        ReviewType reviewType,
        boolean urgent,
        Instant startsAt,
        Instant endsAt,
        @Schema(description = "When the documents for it are due (dsr.meeting.bookings.documents-due-before, 24 "
                + "hours, before it starts)") Instant documentsDueAt,
        @Nullable String onlineLink,
        @Nullable String location,
        BookingStatus status,
        @Schema(description = "The iCalendar SEQUENCE of its invitation: raised on every move and on cancellation")
        int sequence,
        @Nullable Instant heldAt,
        @Nullable Instant cancelledAt,
        @Nullable CancellationReason cancellationReason) {

    static BookingView of(ReviewBooking b) {
        return new BookingView(b.id(), b.obligationId(), b.personId(), b.reviewType(), b.urgent(), b.startsAt(),
                b.endsAt(), b.documentsDueAt(), b.venue().onlineLink(), b.venue().location(), b.status(),
                b.sequence(), b.heldAt(), b.cancelledAt(), b.cancellationReason());
    }
}
