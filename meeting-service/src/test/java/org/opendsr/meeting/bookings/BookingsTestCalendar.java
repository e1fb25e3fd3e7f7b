package org.opendsr.meeting.bookings;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import org.opendsr.meeting.shared.application.Invitation;
import org.opendsr.meeting.shared.application.InvitationCalendar;

/**
 * Stands in for the service's iCalendar adapter (shared/adapters/ical/IcsInvitations, ical4j) where it is not there
 * yet: {@code @Secondary}, so the real one wins wherever both exist. Minimal RFC 5545 text, enough for the tests to
 * see the UID, the sequence, the time zone and a cancellation.
 */
@Singleton
@Secondary
class BookingsTestCalendar implements InvitationCalendar {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    @Override
    public String render(Invitation invitation) {
        ZoneId london = ZoneId.of("Europe/London");
        return String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//DSR//test//EN",
                "METHOD:" + (invitation.cancelled() ? "CANCEL" : "REQUEST"), "BEGIN:VEVENT",
                "UID:" + invitation.uid(), "SEQUENCE:" + invitation.sequence(),
                "DTSTART;TZID=Europe/London:" + LOCAL.format(invitation.startsAt().atZone(london)),
                "DTEND;TZID=Europe/London:" + LOCAL.format(invitation.endsAt().atZone(london)),
                "SUMMARY:" + invitation.summary(),
                invitation.cancelled() ? "STATUS:CANCELLED" : "STATUS:CONFIRMED", "END:VEVENT", "END:VCALENDAR", "");
    }
}
