package org.opendsr.meeting.shared.adapters.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import org.junit.jupiter.api.Test;
import org.opendsr.meeting.shared.application.Invitation;

/**
 * Invitations people can use (issue 13, item 6): what a calendar program reads back from our .ics, parsed with
 * ical4j itself: a stable UID, a rising SEQUENCE, METHOD:CANCEL for a cancellation, UK local times.
 */
class IcsInvitationsTest {

    private static final Instant NOW = Instant.parse("2026-12-04T23:00:00Z");
    private final IcsInvitations invitations = new IcsInvitations(Clock.fixed(NOW, ZoneOffset.UTC),
            "mailto:dsr-meetings@dsr.opendsr.org", "DSR team");

    private static Invitation tracking(Instant start, int sequence, boolean cancelled) {
        return new Invitation("6f1c2f0e-0000-4000-8000-000000000001@dsr.opendsr.org",
                "DSR tracking meeting (Wiltshire)", "The Wiltshire DSR tracking meeting. Professionals only.", start,
                start.plusSeconds(90 * 60), "https://meet.example.nhs.uk/dsr-wiltshire", sequence, cancelled);
    }

    private static Calendar parse(String ics) throws IOException, ParserException {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static VEvent event(Calendar calendar) {
        return calendar.<VEvent>getComponents("VEVENT").get(0);
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse(null);
    }

    private static String method(Calendar calendar) {
        return calendar.getProperty(Property.METHOD).map(Property::getValue).orElse(null);
    }

    @Test
    void aRequestParsesWithTheRequiredPropertiesAndNoName() throws Exception {
        String ics = invitations.render(tracking(Instant.parse("2026-12-10T10:00:00Z"), 0, false));
        Calendar calendar = parse(ics);
        VEvent event = event(calendar);

        assertThat(calendar.getProperty(Property.PRODID).map(Property::getValue)).contains(IcsInvitations.PRODUCT);
        assertThat(calendar.getProperty(Property.VERSION).map(Property::getValue)).contains("2.0");
        assertThat(method(calendar)).isEqualTo("REQUEST");
        assertThat(calendar.getComponents("VEVENT")).hasSize(1);
        assertThat(calendar.<VTimeZone>getComponents("VTIMEZONE")).singleElement()
                .satisfies(zone -> assertThat(zone.getProperty(Property.TZID).map(Property::getValue))
                        .contains("Europe/London"));
        assertThat(value(event, Property.UID)).isEqualTo("6f1c2f0e-0000-4000-8000-000000000001@dsr.opendsr.org");
        assertThat(value(event, Property.DTSTAMP)).isEqualTo("20261204T230000Z");
        assertThat(value(event, Property.SEQUENCE)).isEqualTo("0");
        assertThat(value(event, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(value(event, Property.SUMMARY)).isEqualTo("DSR tracking meeting (Wiltshire)");
        assertThat(value(event, Property.LOCATION)).isEqualTo("https://meet.example.nhs.uk/dsr-wiltshire");
        assertThat(value(event, Property.URL)).isEqualTo("https://meet.example.nhs.uk/dsr-wiltshire");
        assertThat(ics).contains("DTSTART;TZID=Europe/London:20261210T100000")
                .contains("DTEND;TZID=Europe/London:20261210T113000")
                .contains("\r\n");
        // One of each: a calendar seeing two DTSTAMPs or UIDs may drop the invitation.
        assertThat(ics.split("\r\n")).filteredOn(line -> line.startsWith("DTSTAMP")).hasSize(1);
        assertThat(ics.split("\r\n")).filteredOn(line -> line.startsWith("UID")).hasSize(1);
    }

    @Test
    void aRescheduleKeepsTheUidAndRaisesTheSequence() throws Exception {
        VEvent first = event(parse(invitations.render(tracking(Instant.parse("2026-12-10T10:00:00Z"), 0, false))));
        VEvent moved = event(parse(invitations.render(tracking(Instant.parse("2026-12-11T14:00:00Z"), 1, false))));

        assertThat(value(moved, Property.UID)).isEqualTo(value(first, Property.UID));
        assertThat(Integer.parseInt(value(moved, Property.SEQUENCE)))
                .isGreaterThan(Integer.parseInt(value(first, Property.SEQUENCE)));
        assertThat(value(moved, Property.DTSTART)).isEqualTo("20261211T140000");
    }

    @Test
    void aCancellationIsMethodCancelWithStatusCancelled() throws Exception {
        Calendar calendar = parse(invitations.render(tracking(Instant.parse("2026-12-10T10:00:00Z"), 2, true)));

        assertThat(method(calendar)).isEqualTo("CANCEL");
        assertThat(value(event(calendar), Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(value(event(calendar), Property.SEQUENCE)).isEqualTo("2");
    }

    @Test
    void winterAndSummerMeetingsShowTheirUkLocalTimes() throws Exception {
        // 10:00 GMT in March before the clocks change; 09:00 UTC is 10:00 BST after it (29 March 2026).
        VEvent winter = event(parse(invitations.render(tracking(Instant.parse("2026-03-26T10:00:00Z"), 0, false))));
        VEvent summer = event(parse(invitations.render(tracking(Instant.parse("2026-04-02T09:00:00Z"), 0, false))));

        assertThat(localStart(winter)).isEqualTo(LocalDateTime.parse("2026-03-26T10:00"));
        assertThat(localStart(summer)).isEqualTo(LocalDateTime.parse("2026-04-02T10:00"));
        Property start = winter.getProperty(Property.DTSTART).orElseThrow();
        assertThat(start.<Parameter>getParameter(Parameter.TZID).map(Parameter::getValue)).contains("Europe/London");
        assertThat(instantStart(summer)).isEqualTo(Instant.parse("2026-04-02T09:00:00Z"));
    }

    private static LocalDateTime localStart(VEvent event) {
        Temporal start = event.<DtStart<Temporal>>getProperty(Property.DTSTART).orElseThrow().getDate();
        return ((ZonedDateTime) start).toLocalDateTime();
    }

    private static Instant instantStart(VEvent event) {
        Temporal start = event.<DtStart<Temporal>>getProperty(Property.DTSTART).orElseThrow().getDate();
        return ((ZonedDateTime) start).toInstant();
    }
}
