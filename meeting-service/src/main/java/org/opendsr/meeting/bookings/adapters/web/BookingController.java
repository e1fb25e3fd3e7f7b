package org.opendsr.meeting.bookings.adapters.web;

import java.util.List;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.meeting.bookings.application.BookingReviews;
import org.opendsr.meeting.bookings.application.ReadingBookings;
import org.opendsr.meeting.shared.application.InvitationCalendar;

/**
 * C(E)TRs, LAEPs, multi-agency meetings and oversight visits booked against risk-service's obligations. Booked, moved,
 * held and cancelled by the DSR team of the person's area or a lead (403 for the rest of the care team, 404 for anyone
 * else); read, and downloaded as a calendar invitation, by the person's care team too. Analysts, admins and agency
 * systems: 403.
 */
@Controller("/meetings")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({DsrRoles.PROFESSIONAL, DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
@Tag(name = "Bookings")
public class BookingController {

    private final BookingReviews booking;
    private final ReadingBookings reading;

    public BookingController(BookingReviews booking, ReadingBookings reading) {
        this.booking = booking;
        this.reading = reading;
    }

    @Post("/bookings")
    @Operation(summary = "Book a review against an open obligation (review-booked): the DSR team of the person's area "
            + "or a lead; a planned C(E)TR needs two weeks' notice, only a LAEP may be urgent; one open booking per "
            + "obligation (409)")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public HttpResponse<BookingView> book(@Nullable @Body BookingRequests.Booking request, Caller caller) {
        if (request == null) {
            throw RuleBroken.invalid("obligationId", "is required");
        }
        return HttpResponse.status(HttpStatus.CREATED).body(BookingView.of(booking.book(new BookingReviews.Booking(
                request.obligationId(), request.reviewType(), request.startsAt(), request.endsAt(),
                Boolean.TRUE.equals(request.urgent()), request.onlineLink(), request.location()), caller)));
    }

    @Get("/bookings/{bookingId}")
    @Operation(summary = "A booked review, with when its documents are due: the person's care team, the DSR team and "
            + "leads")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public BookingView get(@PathVariable UUID bookingId, Caller caller) {
        return BookingView.of(reading.booking(bookingId, caller));
    }

    @Put("/bookings/{bookingId}/time")
    @Operation(summary = "Move a booked review (the same notice rule unless an urgent LAEP; a higher sequence; "
            + "review-booked again): the DSR team of the person's area or a lead")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public BookingView rebook(@PathVariable UUID bookingId, @Nullable @Body BookingRequests.Time request,
                              Caller caller) {
        if (request == null) {
            throw RuleBroken.invalid("startsAt", "is required");
        }
        return BookingView.of(booking.rebook(bookingId, request.startsAt(), request.endsAt(), request.onlineLink(),
                request.location(), caller));
    }

    @Post("/bookings/{bookingId}/held")
    @Operation(summary = "Record that the review took place (not before it started): review-held, and risk-service "
            + "completes the obligation")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public BookingView held(@PathVariable UUID bookingId, Caller caller) {
        return BookingView.of(booking.hold(bookingId, caller));
    }

    @Post("/bookings/{bookingId}/cancellation")
    @Operation(summary = "Cancel a booked review with a reason code: review-cancelled, and risk-service re-opens the "
            + "obligation")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public BookingView cancel(@PathVariable UUID bookingId, @Nullable @Body BookingRequests.Cancellation request,
                              Caller caller) {
        return BookingView.of(booking.cancel(bookingId, request == null ? null : request.reason(), caller));
    }

    @Get("/bookings/{bookingId}/invitation.ics")
    @Produces(InvitationCalendar.CONTENT_TYPE)
    @Operation(summary = "The booked review as an iCalendar (RFC 5545) invitation, Europe/London time, a stable UID, "
            + "a cancellation once cancelled; it names nobody")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public HttpResponse<String> invitation(@PathVariable UUID bookingId, Caller caller) {
        return HttpResponse.ok(reading.invitation(bookingId, caller)).contentType(InvitationCalendar.CONTENT_TYPE);
    }

    @Get("/people/{personId}/bookings")
    @Operation(summary = "A person's booked reviews, soonest first: their care team, the DSR team and leads (404 for "
            + "anyone else)")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public PersonBookings ofPerson(@PathVariable UUID personId, Caller caller) {
        ReadingBookings.PersonBookings found = reading.ofPerson(personId, caller);
        return new PersonBookings(found.personId(), found.bookings().stream().map(BookingView::of).toList(),
                found.processingRestricted());
    }

    @Serdeable
    @Schema(name = "PersonReviewBookings")
    public record PersonBookings(UUID personId, List<BookingView> bookings,
                                 @Schema(description = "Whether processing of the person's data is restricted (UK "
                                         + "GDPR Article 18): the record is kept and shown")
                                 boolean processingRestricted) {
    }
}
