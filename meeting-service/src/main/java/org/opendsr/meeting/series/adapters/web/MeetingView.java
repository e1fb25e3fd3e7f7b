package org.opendsr.meeting.series.adapters.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import org.opendsr.contracts.meeting.CancellationReason;
import org.opendsr.contracts.meeting.MeetingKind;
import org.opendsr.kit.time.DsrClock;
import org.opendsr.meeting.series.application.ReadingMeetings.SeenMeeting;
import org.opendsr.meeting.shared.domain.Meeting;
import org.opendsr.meeting.shared.domain.MeetingStatus;

@Serdeable
@Schema(name = "Meeting", description = "A tracking meeting or a Meeting by Exception; times as instants and as UK "
        + "local date and time")
public record MeetingView(
        UUID meetingId, MeetingKind kind, String area, @Nullable UUID seriesId,
        @Nullable @Schema(description = "Meetings by Exception only") UUID personId,
        Instant startsAt, Instant endsAt,
        @Schema(description = "UK local date") LocalDate date,
        @Schema(description = "UK local time HH:mm") String startTime,
        @Nullable String onlineLink, MeetingStatus status,
        @Schema(description = "The invitation's SEQUENCE: raised on every change") int sequence,
        @Nullable Instant heldAt, @Nullable CancellationReason cancellationReason,
        @Nullable @Schema(description = "The bank holiday this tracking meeting was moved off") LocalDate movedFrom) {

    static MeetingView of(SeenMeeting seen) {
        Meeting m = seen.meeting();
        ZonedDateTime local = m.startsAt().atZone(DsrClock.ENGLAND);
        return new MeetingView(m.id(), m.kind(), m.area(), m.seriesId(), m.personId(), m.startsAt(), m.endsAt(),
                local.toLocalDate(), local.toLocalTime().toString(), m.onlineLink(), m.status(), m.sequence(),
                m.heldAt(), m.cancellationReason(), seen.movedFrom());
    }

    static MeetingView of(Meeting meeting) {
        return of(new SeenMeeting(meeting, null));
    }
}
