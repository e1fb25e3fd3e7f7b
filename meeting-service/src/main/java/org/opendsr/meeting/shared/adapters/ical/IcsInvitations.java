package org.opendsr.meeting.shared.adapters.ical;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.ZonedDateTime;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.opendsr.kit.time.DsrClock;
import org.opendsr.meeting.shared.application.Invitation;
import org.opendsr.meeting.shared.application.InvitationCalendar;

/**
 * Invitations as iCalendar (RFC 5545) documents, written by ical4j rather than by hand: one VEVENT whose UID stays the
 * same for the life of the meeting and whose SEQUENCE rises with every change, so calendars update (or, with
 * METHOD:CANCEL and STATUS:CANCELLED, remove) the entry they already have. Times are UK wall-clock (TZID=Europe/London
 * with its VTIMEZONE), so a 10:00 meeting shows at 10:00 in winter and summer. Nothing in it names a person: the text
 * comes from {@link Invitation}, which never carries a name.
 */
@Singleton
public class IcsInvitations implements InvitationCalendar {

    static final String PRODUCT = "-//OpenDSR//meeting-service//EN";
    static final String ZONE = DsrClock.ENGLAND.getId();

    private final Clock clock;
    private final URI organiser;
    private final String organiserName;

    private final VTimeZone london;

    public IcsInvitations(Clock clock,
                          @Value("${dsr.meeting.invitations.organiser:`mailto:dsr-meetings@dsr.opendsr.org`}")
                          String organiser,
                          @Value("${dsr.meeting.invitations.organiser-name:DSR team}") String organiserName) {
        this.clock = clock;
        this.organiser = URI.create(organiser);
        this.organiserName = organiserName;
        TimeZoneRegistry registry = TimeZoneRegistryFactory.getInstance().createRegistry();
        this.london = registry.getTimeZone(ZONE).getVTimeZone();
    }

    @Override
    public String render(Invitation invitation) {
        ZonedDateTime start = invitation.startsAt().atZone(DsrClock.ENGLAND);
        ZonedDateTime end = invitation.endsAt().atZone(DsrClock.ENGLAND);
        VEvent event = new VEvent(start, end, invitation.summary());
        // replace, not add: ical4j gives a new event a DTSTAMP of its own (the system clock, not ours).
        event.replace(new Uid(invitation.uid()));
        event.replace(new DtStamp(clock.instant()));
        event.add(new Sequence(invitation.sequence()));
        event.add(invitation.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        event.add(new Description(invitation.description()));
        // iTIP (RFC 5546) expects an organiser on a REQUEST or CANCEL: the DSR team's shared mailbox, never a person.
        Organizer organizer = new Organizer(organiser);
        organizer.add(new Cn(organiserName));
        event.add(organizer);
        if (invitation.location() != null && !invitation.location().isBlank()) {
            event.add(new Location(invitation.location()));
            linkOf(invitation.location()).ifPresent(url -> event.add(new Url(url)));
        }

        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(invitation.cancelled() ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
        calendar.add(london);
        calendar.add(event);

        StringWriter out = new StringWriter();
        try {
            // Not validated against iTIP's attendee rules: the DSR holds no attendees' addresses to list.
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The location as a URL when it is one (an online meeting's link), for calendars that offer "join". */
    private static java.util.Optional<URI> linkOf(String location) {
        try {
            URI uri = new URI(location.strip());
            return "https".equalsIgnoreCase(uri.getScheme()) ? java.util.Optional.of(uri) : java.util.Optional.empty();
        } catch (URISyntaxException e) {
            return java.util.Optional.empty();
        }
    }
}
