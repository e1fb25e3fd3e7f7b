package org.opendsr.meeting.bookings.application;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.kit.lifecycle.MergedPeople;
import org.opendsr.kit.lifecycle.ProcessingRestrictions;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.meeting.bookings.domain.BookingStatus;
import org.opendsr.meeting.bookings.domain.ReviewBooking;
import org.opendsr.meeting.shared.application.Invitation;
import org.opendsr.meeting.shared.application.InvitationCalendar;
import org.opendsr.meeting.shared.application.MeetingAccess;
import org.opendsr.meeting.shared.domain.WorkingHours;

/**
 * A person's booked reviews, read by their care team, the DSR team of their area and leads (404 for anyone else, the
 * same as for a booking that does not exist), each read audited; and a booking's calendar invitation, which names
 * nobody (a person on the register).
 */
@Singleton
public class ReadingBookings {

    private static final DateTimeFormatter DUE_BY = DateTimeFormatter.ofPattern("HH:mm 'on' EEEE d MMMM yyyy",
            Locale.UK);

    private final ReviewBookings bookings;
    private final MeetingAccess access;
    private final InvitationCalendar calendar;

    private final MergedPeople mergedPeople;
    private final ProcessingRestrictions restrictions;

    ReadingBookings(ReviewBookings bookings, MeetingAccess access, InvitationCalendar calendar,
                    MergedPeople mergedPeople, ProcessingRestrictions restrictions) {
        this.mergedPeople = mergedPeople;
        this.restrictions = restrictions;
        this.bookings = bookings;
        this.access = access;
        this.calendar = calendar;
    }

    @Transactional(readOnly = true)
    public ReviewBooking booking(UUID bookingId, Caller caller) {
        ReviewBooking booking = bookings.find(bookingId).orElseThrow(BookingReviews::unknownBooking);
        try {
            access.read(booking.personId(), caller, "review booking");
        } catch (RuleBroken refused) {
            throw refused.kind() == RuleBroken.Kind.NOT_FOUND ? BookingReviews.unknownBooking() : refused;
        }
        return booking;
    }

    /**
     * A person's bookings, and whether processing of their data is restricted (UK GDPR Article 18). A duplicate's
     * personId, merged since, reads the survivor's.
     */
    @Transactional(readOnly = true)
    public PersonBookings ofPerson(UUID asked, Caller caller) {
        UUID personId = mergedPeople.survivorOf(asked);
        access.read(personId, caller, "review bookings");
        return new PersonBookings(personId, bookings.ofPerson(personId), restrictions.isRestricted(personId));
    }

    public record PersonBookings(UUID personId, List<ReviewBooking> bookings, boolean processingRestricted) {
    }

    /** The booking as an iCalendar invitation (a cancellation once cancelled), for whoever may read it. */
    @Transactional(readOnly = true)
    public String invitation(UUID bookingId, Caller caller) {
        return calendar.render(invitationOf(booking(bookingId, caller)));
    }

    static Invitation invitationOf(ReviewBooking booking) {
        String summary = switch (booking.reviewType()) {
            case COMMUNITY_CTR -> "Community C(E)TR";
            case LAEP -> booking.urgent() ? "Urgent LAEP meeting" : "LAEP meeting";
            case MULTI_AGENCY_MEETING -> "Multi-agency meeting";
            case POST_ADMISSION_CTR -> "Post-admission C(E)TR";
            case INPATIENT_CTR -> "Inpatient C(E)TR";
            case OVERSIGHT_VISIT -> "Commissioner oversight visit";
        };
        String description = "A review booked for a person on the dynamic support register. Documents are due by "
                + DUE_BY.format(booking.documentsDueAt().atZone(WorkingHours.ENGLAND)) + " (UK time). Details are in the DSR, not in this invitation.";
        return new Invitation(booking.id() + "@dsr.opendsr.org", summary, description, booking.startsAt(),
                booking.endsAt(), booking.venue().describe(), booking.sequence(),
                booking.status() == BookingStatus.CANCELLED);
    }
}
