package org.opendsr.meeting.series.adapters.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** What the DSR team sends about one meeting. */
public final class MeetingRequests {

    private MeetingRequests() {
    }

    @Serdeable
    @Schema(name = "MeetingAttendeeRequest")
    public record AttendeeRequest(
            @Nullable @Schema(description = "The professional's agency or service, one line of up to 100 characters; "
                    + "left out for the person or their family") String agency,
            @Nullable @Schema(description = "The professional's role, e.g. Social worker; PERSON or FAMILY_MEMBER "
                    + "at a Meeting by Exception only (tracking meetings are professionals only)",
                    requiredMode = Schema.RequiredMode.REQUIRED) String role,
            @Nullable @Schema(description = "The professional's DSR user id, when they have one") String subject) {

        @Override
        public String toString() {
            return "AttendeeRequest[redacted]";
        }
    }

    @Serdeable
    @Schema(name = "MeetingCancellation")
    public record Cancellation(
            @Nullable @Schema(description = "BANK_HOLIDAY, NOT_NEEDED, REARRANGED, CHAIR_UNAVAILABLE, "
                    + "PERSON_UNAVAILABLE, PERSON_LEFT_REGISTER or OTHER", requiredMode = Schema.RequiredMode.REQUIRED)
            String reason,
            @Nullable @Schema(description = "One line of up to 200 characters; never a name or contact details; "
                    + "stays in meeting-service") String note) {

        @Override
        public String toString() {
            return "Cancellation[reason=" + reason + ", note redacted]";
        }
    }

    @Serdeable
    @Schema(name = "MeetingTime")
    public record NewTime(
            @Nullable @Schema(description = "yyyy-MM-dd", requiredMode = Schema.RequiredMode.REQUIRED) String date,
            @Nullable @Schema(description = "UK local time HH:mm", requiredMode = Schema.RequiredMode.REQUIRED)
            String startTime,
            @Nullable @Schema(description = "15 to 480; the meeting's current length when omitted")
            Integer durationMinutes,
            @Nullable @Schema(description = "A new https link; the current one when omitted") String onlineLink) {
    }
}
