package org.opendsr.meeting.series.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.meeting.CancellationReason;
import org.opendsr.kit.calendar.WorkingDayCalendars;
import org.opendsr.kit.time.DsrClock;
import org.opendsr.meeting.series.application.PlannedDays.PlannedDay;
import org.opendsr.meeting.series.domain.PlannedMeeting;
import org.opendsr.meeting.series.domain.TrackingMeetingSeries;
import org.opendsr.meeting.shared.application.MeetingChanges;
import org.opendsr.meeting.shared.application.Meetings;
import org.opendsr.meeting.shared.domain.Meeting;
import org.opendsr.meeting.shared.domain.MeetingStatus;

/**
 * Keeps every active series' meetings scheduled for the next weeks (dsr.meeting.series.weeks-ahead): the meetings its
 * schedule plans are created, a future meeting whose time or link no longer matches is rescheduled (a higher
 * SEQUENCE), and one the schedule no longer has is cancelled as REARRANGED. Run when a series is created or changed
 * and by the schedule; running it twice changes nothing the second time. Each series is done under its row's lock,
 * and the (series, planned day) key lets one meeting hold a day, so two replicas never double a meeting. Every
 * change goes through {@link MeetingChanges}: saved, published and followed in the same transaction.
 */
@Singleton
public class SchedulingSeriesMeetings {

    private final TrackingSeries series;
    private final PlannedDays plannedDays;
    private final Meetings meetings;
    private final MeetingChanges changes;
    private final WorkingDayCalendars calendars;
    private final SeriesSettings settings;
    private final Clock clock;

    SchedulingSeriesMeetings(TrackingSeries series, PlannedDays plannedDays, Meetings meetings,
                             MeetingChanges changes, WorkingDayCalendars calendars, SeriesSettings settings,
                             Clock clock) {
        this.series = series;
        this.plannedDays = plannedDays;
        this.meetings = meetings;
        this.changes = changes;
        this.calendars = calendars;
        this.settings = settings;
        this.clock = clock;
    }

    /** Every active series, one transaction each (one series' trouble does not hold up the others). */
    public int sweep() {
        int changed = 0;
        for (UUID seriesId : series.activeIds()) {
            changed += keepScheduled(seriesId);
        }
        return changed;
    }

    /** One series' meetings brought in line with its schedule; the number of meetings changed. */
    @Transactional
    public int keepScheduled(UUID seriesId) {
        return series.findForUpdate(seriesId).map(locked -> keepScheduled(locked, false)).orElse(0);
    }

    /**
     * In the caller's transaction, with the series locked by it.
     *
     * @param termsChanged the series' terms just changed: meetings moved by hand follow the new terms too
     */
    int keepScheduled(TrackingMeetingSeries locked, boolean termsChanged) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, DsrClock.ENGLAND);
        // Locked, read as they now are: a meeting cancelled or moved on its own meanwhile is never written back.
        Map<UUID, Meeting> future = meetings.ofSeriesForUpdate(locked.id(), now).stream()
                .filter(meeting -> meeting.status() == MeetingStatus.SCHEDULED && meeting.startsAt().isAfter(now))
                .collect(Collectors.toMap(Meeting::id, Function.identity()));
        // From two weeks back: a meeting planned before today may have moved off a bank holiday to today or later.
        List<PlannedDay> held = plannedDays.ofSeriesFrom(locked.id(), today.minusWeeks(2));
        LocalDate until = held.stream().map(PlannedDay::plannedOn).reduce(today.plusWeeks(settings.weeksAhead()),
                (a, b) -> a.isAfter(b) ? a : b);
        Map<LocalDate, PlannedMeeting> planned = new HashMap<>();
        if (locked.active()) {
            for (PlannedMeeting meeting : locked.schedule(calendars.current()).between(today, until)) {
                planned.put(meeting.plannedOn(), meeting);
            }
        }

        int changed = 0;
        Map<LocalDate, PlannedDay> taken = new HashMap<>();
        for (PlannedDay day : held) {
            taken.put(day.plannedOn(), day);
            Meeting meeting = future.get(day.meetingId());
            if (meeting == null) {
                continue; // past, held or cancelled: history stays as it was
            }
            PlannedMeeting plan = planned.get(day.plannedOn());
            if (plan == null) {
                plannedDays.release(meeting.id());
                taken.remove(day.plannedOn());
                changes.record(meeting.cancel(locked.active() ? CancellationReason.REARRANGED
                        : CancellationReason.NOT_NEEDED, now));
                changed++;
            } else if (day.movedByHand() && !termsChanged) {
                continue; // moved on its own by the DSR team: the sweep keeps their choice
            } else if (!plan.startsAt().equals(meeting.startsAt()) || !plan.endsAt().equals(meeting.endsAt())
                    || !Objects.equals(locked.terms().onlineLink(), meeting.onlineLink())) {
                changes.record(meeting.reschedule(plan.startsAt(), plan.endsAt(), locked.terms().onlineLink()));
                if (day.movedByHand()) {
                    plannedDays.markMovedByHand(meeting.id(), false);
                }
                changed++;
            }
        }
        LocalDate horizon = today.plusWeeks(settings.weeksAhead());
        for (PlannedMeeting plan : planned.values().stream()
                .sorted((a, b) -> a.plannedOn().compareTo(b.plannedOn())).toList()) {
            if (taken.containsKey(plan.plannedOn()) || !plan.startsAt().isAfter(now) || plan.on().isAfter(horizon)) {
                continue;
            }
            UUID meetingId = UUID.randomUUID();
            if (plannedDays.claim(locked.id(), plan.plannedOn(), meetingId)) {
                changes.record(Meeting.tracking(meetingId, locked.area(), locked.id(), plan.startsAt(), plan.endsAt(),
                        locked.terms().onlineLink()));
                changed++;
            }
        }
        return changed;
    }
}
