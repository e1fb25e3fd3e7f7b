package org.opendsr.meeting.series.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.kit.time.DsrClock;
import org.opendsr.meeting.series.domain.SeriesTerms;
import org.opendsr.meeting.series.domain.TrackingMeetingSeries;
import org.opendsr.meeting.shared.application.MeetingAccess;
import org.opendsr.meeting.shared.domain.PlanningHorizon;

/**
 * Setting up and changing an area's tracking-meeting series: the DSR team of the area or a lead (another area's team
 * gets 404). Each is one transaction with the meetings it schedules, reschedules or cancels.
 */
@Singleton
public class ManagingSeries {

    private final TrackingSeries series;
    private final SchedulingSeriesMeetings scheduling;
    private final SeriesSettings defaults;
    private final MeetingAccess access;
    private final Clock clock;

    ManagingSeries(TrackingSeries series, SchedulingSeriesMeetings scheduling, SeriesSettings defaults,
                   MeetingAccess access, Clock clock) {
        this.series = series;
        this.scheduling = scheduling;
        this.defaults = defaults;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public TrackingMeetingSeries create(String area, SeriesChoices choices, Caller caller) {
        if (area == null || area.isBlank()) {
            throw RuleBroken.invalid("area", "is required");
        }
        access.requireAreaTeam(area.strip(), caller, "tracking meeting series");
        var day = Objects.requireNonNullElse(choices.day(), defaults.day());
        LocalDate today = LocalDate.now(clock.withZone(DsrClock.ENGLAND));
        LocalDate first = choices.firstMeetingOn() != null ? choices.firstMeetingOn()
                : SeriesTerms.firstOnOrAfter(today, day);
        if (first.isBefore(today)) {
            throw RuleBroken.invalid("firstMeetingOn", "must be today or later");
        }
        PlanningHorizon.requireWithin("firstMeetingOn", first, today);
        SeriesTerms terms = new SeriesTerms(day,
                Objects.requireNonNullElse(choices.intervalWeeks(), defaults.intervalWeeks()),
                Objects.requireNonNullElse(choices.startTime(), defaults.startTime()),
                Objects.requireNonNullElse(choices.duration(), defaults.duration()), first,
                Objects.requireNonNullElse(choices.onlineLink(), defaults.onlineLink()),
                Objects.requireNonNullElse(choices.bankHolidayRule(), defaults.bankHolidayRule()));
        if (Boolean.FALSE.equals(choices.active())) {
            throw RuleBroken.invalid("active", "a new series is active");
        }
        TrackingMeetingSeries created = TrackingMeetingSeries.start(UUID.randomUUID(), area, terms);
        series.save(created);
        access.auditedAction(caller, "CREATE", "tracking meeting series " + created.id() + " (" + created.area() + ")");
        scheduling.keepScheduled(created, true);
        return created;
    }

    /**
     * New terms: future scheduled meetings follow them (rescheduled with a higher sequence, or cancelled as
     * REARRANGED when the series no longer meets that day); held and past meetings stay as they were. A day change
     * needs a first meeting on the new day ({@code firstMeetingOn}); without one, the next such day from today.
     */
    @Transactional
    public TrackingMeetingSeries change(UUID seriesId, SeriesChoices choices, Caller caller) {
        TrackingMeetingSeries unlocked = series.find(seriesId).orElseThrow(ManagingSeries::notFound);
        access.requireAreaTeam(unlocked.area(), caller, "tracking meeting series");
        TrackingMeetingSeries locked = series.findForUpdate(seriesId).orElseThrow(ManagingSeries::notFound);
        SeriesTerms now = locked.terms();
        var day = Objects.requireNonNullElse(choices.day(), now.day());
        LocalDate today = LocalDate.now(clock.withZone(DsrClock.ENGLAND));
        LocalDate first = choices.firstMeetingOn() != null ? choices.firstMeetingOn()
                : day == now.day() ? now.firstMeetingOn()
                : SeriesTerms.firstOnOrAfter(today, day);
        PlanningHorizon.requireWithin("firstMeetingOn", choices.firstMeetingOn(), today);
        SeriesTerms terms = new SeriesTerms(day,
                Objects.requireNonNullElse(choices.intervalWeeks(), now.intervalWeeks()),
                Objects.requireNonNullElse(choices.startTime(), now.startsAt()),
                Objects.requireNonNullElse(choices.duration(), now.duration()), first,
                Objects.requireNonNullElse(choices.onlineLink(), now.onlineLink()),
                Objects.requireNonNullElse(choices.bankHolidayRule(), now.bankHolidayRule()));
        locked.change(terms, Objects.requireNonNullElse(choices.active(), locked.active()));
        series.save(locked);
        access.auditedAction(caller, "CHANGE", "tracking meeting series " + locked.id() + " (" + locked.area() + ")");
        scheduling.keepScheduled(locked, true);
        return locked;
    }

    static RuleBroken notFound() {
        return RuleBroken.notFound("Series");
    }
}
