package org.opendsr.referral.notifications.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.opendsr.referral.notifications.domain.PersonToNotify;

/**
 * Meetings in the words a person reads: the day and time in Europe/London as GOV.UK writes them ("Tuesday 17 November
 * 2026", "10am", "2:30pm", "midday"), the kind of meeting, and who to ask about it.
 */
final class MeetingInWords {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final String THE_DSR_TEAM = "the Dynamic Support Register team";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    private MeetingInWords() {
    }

    static String day(Instant at) {
        return at.atZone(LONDON).format(DAY);
    }

    static String day(LocalDate on) {
        return on.format(DAY);
    }

    static String time(Instant at) {
        LocalTime time = ZonedDateTime.ofInstant(at, LONDON).toLocalTime();
        if (time.equals(LocalTime.NOON)) {
            return "midday";
        }
        if (time.equals(LocalTime.MIDNIGHT)) {
            return "midnight";
        }
        int hour = time.getHour() % 12 == 0 ? 12 : time.getHour() % 12;
        String minutes = time.getMinute() == 0 ? "" : String.format(Locale.ROOT, ":%02d", time.getMinute());
        return hour + minutes + (time.getHour() < 12 ? "am" : "pm");
    }

    /** TRACKING or EXCEPTION, as a person would call it. */
    static String kind(String meetingKind) {
        return "EXCEPTION".equals(meetingKind)
                ? "Meeting by Exception (a meeting called to plan extra support)"
                : "tracking meeting (a regular meeting of the professionals who support people on the register)";
    }

    /** Their responsible professional, by name, role and organisation; the DSR team when there is none on record. */
    static String whoToAsk(PersonToNotify person) {
        if (person.responsibleProfessional() == null) {
            return THE_DSR_TEAM;
        }
        return person.keyProfessionals().stream()
                .filter(key -> person.responsibleProfessional().equals(key.userId()))
                .findFirst()
                .map(key -> key.name() + ", " + key.role() + ", " + key.organisation())
                .orElse(THE_DSR_TEAM);
    }
}
