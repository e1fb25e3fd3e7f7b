package org.opendsr.meeting.series.domain;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import org.opendsr.contracts.common.Areas;
import org.opendsr.kit.calendar.domain.WorkingDayCalendar;
import org.opendsr.kit.rules.RuleBroken;

/**
 * An area's tracking meetings (DOMAIN.md "Meetings": fortnightly on Thursdays by default, professionals only,
 * online): the terms they follow, and whether the series is still running. The meetings themselves are
 * {@link org.opendsr.meeting.shared.domain.Meeting}s the series keeps scheduled a few weeks ahead.
 */
public final class TrackingMeetingSeries {

    /** The events' area rule (a compile-time constant of the contracts, so the domain depends on no class there). */
    private static final Pattern AREA_CODE = Pattern.compile(Areas.PATTERN);

    private final UUID id;
    private final String area;
    private SeriesTerms terms;
    private boolean active;

    private TrackingMeetingSeries(UUID id, String area, SeriesTerms terms, boolean active) {
        this.id = Objects.requireNonNull(id, "id");
        this.area = Objects.requireNonNull(area, "area");
        this.terms = Objects.requireNonNull(terms, "terms");
        this.active = active;
    }

    public static TrackingMeetingSeries start(UUID id, String area, SeriesTerms terms) {
        if (area == null || area.isBlank()) {
            throw RuleBroken.invalid("area", "is required");
        }
        // The DSR's area codes, by the events' own rule (every meeting event carries the area).
        if (!AREA_CODE.matcher(area.strip()).matches()) {
            throw RuleBroken.invalid("area", "must be an area code: capital letters, digits, _ and -, up to "
                    + Areas.MAX_LENGTH);
        }
        return new TrackingMeetingSeries(id, area.strip(), terms, true);
    }

    public static TrackingMeetingSeries restore(UUID id, String area, SeriesTerms terms, boolean active) {
        return new TrackingMeetingSeries(id, area, terms, active);
    }

    /** New terms (and whether it still runs): its future meetings follow them from now on. */
    public void change(SeriesTerms newTerms, boolean stillActive) {
        terms = Objects.requireNonNull(newTerms, "terms");
        active = stillActive;
    }

    public MeetingSchedule schedule(WorkingDayCalendar calendar) {
        return new MeetingSchedule(terms, calendar);
    }

    public UUID id() {
        return id;
    }

    public String area() {
        return area;
    }

    public SeriesTerms terms() {
        return terms;
    }

    public boolean active() {
        return active;
    }
}
