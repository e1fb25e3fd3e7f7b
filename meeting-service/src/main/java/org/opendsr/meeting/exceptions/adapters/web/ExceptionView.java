package org.opendsr.meeting.exceptions.adapters.web;

import java.time.Instant;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import org.opendsr.contracts.meeting.ExceptionReason;
import org.opendsr.meeting.exceptions.application.ReadingExceptions;
import org.opendsr.meeting.exceptions.domain.DeclineReason;
import org.opendsr.meeting.exceptions.domain.ExceptionRequest;
import org.opendsr.meeting.exceptions.domain.ExceptionStatus;
import org.opendsr.meeting.shared.domain.Meeting;
import org.opendsr.meeting.shared.domain.MeetingStatus;

/** A request for a Meeting by Exception and, once scheduled, its meeting (held or cancelled there). */
@Serdeable
@Schema(name = "MeetingByException")
public record ExceptionView(
        UUID requestId,
        UUID personId,
        String area,
        ExceptionReason reason,
        @Nullable String reasonText,
        String requestedBy,
        Instant requestedAt,
        ExceptionStatus status,
        @Nullable DeclineReason declineReason,
        @Nullable @Schema(description = "The meeting once scheduled: GET /meetings/{meetingId}; held or cancelled "
                + "through POST /meetings/{meetingId}/held|cancellation") UUID meetingId,
        @Nullable MeetingStatus meetingStatus,
        @Nullable Instant startsAt,
        @Nullable Instant endsAt,
        @Nullable String onlineLink,
        @Nullable String location,
        @Nullable @Schema(description = "The DSR lead who chairs it") String chair,
        @Nullable Integer sequence) {

    static ExceptionView of(ReadingExceptions.Seen seen) {
        ExceptionRequest.Snapshot s = seen.request().snapshot();
        Meeting m = seen.meeting();
        return new ExceptionView(s.id(), s.personId(), s.area(), s.reason(), s.reasonText(), s.requestedBy(),
                s.requestedAt(), s.status(), s.declineReason(), s.meetingId(), m == null ? null : m.status(),
                m == null ? null : m.startsAt(), m == null ? null : m.endsAt(), m == null ? null : m.onlineLink(),
                s.location(), m == null ? null : m.chairSubject(), m == null ? null : m.sequence());
    }
}
