package org.opendsr.meeting.exceptions.adapters.web;

import java.time.Instant;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import org.opendsr.contracts.meeting.ExceptionReason;
import org.opendsr.meeting.exceptions.domain.DeclineReason;

/** What callers send to ask for, schedule or decline a Meeting by Exception. */
public final class ExceptionRequestsBodies {

    private ExceptionRequestsBodies() {
    }

    @Serdeable
    @Schema(name = "ExceptionRequestBody")
    public record Request(
            @Nullable @Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID personId,
            @Nullable @Schema(requiredMode = Schema.RequiredMode.REQUIRED) ExceptionReason reason,
            @Nullable @Schema(description = "Required when the reason is OTHER: one line, at most 200 characters, no "
                    + "names or contact details; stays in meeting-service") String reasonText) {

        @Override
        public String toString() {
            return "Request[personId=" + personId + ", reason=" + reason + ", reasonText redacted]";
        }
    }

    @Serdeable
    @Schema(name = "ExceptionSchedule")
    public record Schedule(
            @Nullable @Schema(description = "Within working hours: 09:00-17:00 UK time, Monday to Friday, not a bank "
                    + "holiday", requiredMode = Schema.RequiredMode.REQUIRED) Instant startsAt,
            @Nullable @Schema(description = "The same day, by 17:00 UK time",
                    requiredMode = Schema.RequiredMode.REQUIRED) Instant endsAt,
            @Nullable @Schema(description = "An https link to meet online (or a location, not both)") String onlineLink,
            @Nullable @Schema(description = "Where it takes place, one line, at most 200 characters") String location) {
    }

    @Serdeable
    @Schema(name = "ExceptionDecline")
    public record Decline(@Nullable @Schema(requiredMode = Schema.RequiredMode.REQUIRED) DeclineReason reason) {
    }
}
