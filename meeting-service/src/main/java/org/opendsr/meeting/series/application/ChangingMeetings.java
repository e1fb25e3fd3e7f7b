package org.opendsr.meeting.series.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.meeting.CancellationReason;
import org.opendsr.contracts.meeting.MeetingKind;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.calendar.WorkingDayCalendars;
import org.opendsr.kit.rules.OneLineText;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.kit.time.DsrClock;
import org.opendsr.meeting.series.domain.SeriesTerms;
import org.opendsr.meeting.shared.application.MeetingChanges;
import org.opendsr.meeting.shared.domain.Meeting;
import org.opendsr.meeting.shared.domain.PlanningHorizon;
import org.opendsr.meeting.shared.domain.WorkingHours;

/**
 * Holding, cancelling and moving one meeting: the DSR team of its area or a lead. Each is one transaction through
 * {@link MeetingChanges}, so its followers (the agenda freezes when the meeting is held) and its event commit with it.
 */
@Singleton
public class ChangingMeetings {

    static final int NOTE_LENGTH = 200;

    private final MeetingDecisions decisions;
    private final MeetingChanges changes;
    private final PlannedDays plannedDays;
    private final CancellationNotes notes;
    private final WorkingDayCalendars calendars;
    private final Clock clock;

    ChangingMeetings(MeetingDecisions decisions, MeetingChanges changes, PlannedDays plannedDays,
                     CancellationNotes notes, WorkingDayCalendars calendars, Clock clock) {
        this.decisions = decisions;
        this.changes = changes;
        this.plannedDays = plannedDays;
        this.notes = notes;
        this.calendars = calendars;
        this.clock = clock;
    }

    @Transactional
    public Meeting hold(UUID meetingId, Caller caller) {
        Meeting meeting = decisions.changeable(meetingId, caller, "holding");
        changes.record(meeting.hold(clock.instant()));
        decisions.audited(meeting, caller, "HOLD", "status", Map.of("status", "SCHEDULED"),
                Map.of("status", meeting.status().name()));
        return meeting;
    }

    @Transactional
    public Meeting cancel(UUID meetingId, @Nullable CancellationReason reason, @Nullable String note, Caller caller) {
        if (reason == null) {
            throw RuleBroken.invalid("reason", "is required");
        }
        if (note != null) {
            OneLineText.problemWith(note, NOTE_LENGTH, "a reason").ifPresent(problem -> {
                throw RuleBroken.invalid("note", problem);
            });
        }
        Meeting meeting = decisions.movable(meetingId, caller, "cancellation");
        Instant now = clock.instant();
        changes.record(meeting.cancel(reason, now));
        if (note != null) {
            notes.add(meetingId, note.strip(), caller.userId());
        }
        decisions.audited(meeting, caller, "CANCEL", "status", Map.of("status", "SCHEDULED"),
                Map.of("status", meeting.status().name(), "reason", reason.name()));
        return meeting;
    }

    /**
     * One meeting moved on its own (the series' other meetings stay). A Meeting by Exception stays within working
     * hours; a tracking meeting so moved is left where it was put by the scheduling, until its series changes.
     */
    @Transactional
    public Meeting reschedule(UUID meetingId, LocalDate date, LocalTime startTime, @Nullable Integer durationMinutes,
                              @Nullable String onlineLink, Caller caller) {
        if (durationMinutes != null && (durationMinutes < 15 || durationMinutes > 480)) {
            throw RuleBroken.invalid("durationMinutes", "must be 15 to 480 minutes");
        }
        String link = onlineLink == null ? null : SeriesTerms.checkedLink(onlineLink);
        PlanningHorizon.requireWithin("date", date, LocalDate.now(clock.withZone(DsrClock.ENGLAND)));
        Meeting meeting = decisions.movable(meetingId, caller, "time");
        Instant startsAt = ZonedDateTime.of(date, startTime, DsrClock.ENGLAND).toInstant();
        Instant endsAt = startsAt.plus(durationMinutes != null ? Duration.ofMinutes(durationMinutes)
                : Duration.between(meeting.startsAt(), meeting.endsAt()));
        if (!startsAt.isAfter(clock.instant())) {
            throw RuleBroken.invalid("startTime", "must be in the future");
        }
        if (meeting.kind() == MeetingKind.EXCEPTION) {
            new WorkingHours(calendars.current()).problemWith(startsAt, endsAt).ifPresent(problem -> {
                throw RuleBroken.invalid("startTime", problem);
            });
        }
        Instant before = meeting.startsAt();
        changes.record(meeting.reschedule(startsAt, endsAt, link != null ? link : meeting.onlineLink()));
        if (meeting.kind() == MeetingKind.TRACKING) {
            plannedDays.markMovedByHand(meetingId, true);
        }
        decisions.audited(meeting, caller, "RESCHEDULE", "time", Map.of("startsAt", before.toString()),
                Map.of("startsAt", startsAt.toString(), "sequence", meeting.sequence()));
        return meeting;
    }
}
