package org.opendsr.meeting.bookings.adapters.web;

import java.time.Instant;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import org.opendsr.contracts.meeting.CancellationReason;
import org.opendsr.contracts.risk.ReviewType;

/** What the DSR team sends to book, move or cancel a review. */
public final class BookingRequests {

    private BookingRequests() {
    }

    @Serdeable
    @Schema(name = "ReviewBookingRequest")
    public record Booking(
            @Nullable @Schema(description = "The risk-service obligation it meets (DUE or OVERDUE)",
                    requiredMode = Schema.RequiredMode.REQUIRED) UUID obligationId,
            @Nullable @Schema(description = "A review that meets the obligation's kind: COMMUNITY_CTR by "
                    + "COMMUNITY_CTR or LAEP; MULTI_AGENCY_REVIEW by MULTI_AGENCY_MEETING or COMMUNITY_CTR; "
                    + "POST_ADMISSION_CTR, INPATIENT_CTR; COMMISSIONER_OVERSIGHT_VISIT by OVERSIGHT_VISIT",
                    requiredMode = Schema.RequiredMode.REQUIRED) ReviewType reviewType,
            @Nullable @Schema(description = "When it starts; a planned C(E)TR (or a LAEP not urgent) at least "
                    + "dsr.meeting.bookings.ctr-notice (14 days) ahead", requiredMode = Schema.RequiredMode.REQUIRED)
            Instant startsAt,
            @Nullable @Schema(description = "When it ends, after it starts, at most 12 hours later",
                    requiredMode = Schema.RequiredMode.REQUIRED) Instant endsAt,
            @Nullable @Schema(description = "A LAEP too urgent for notice; only a LAEP may be urgent") Boolean urgent,
            @Nullable @Schema(description = "An https link to meet online (or a location, not both)") String onlineLink,
            @Nullable @Schema(description = "Where it takes place, one line, at most 200 characters, no names")
            String location) {
    }

    @Serdeable
    @Schema(name = "ReviewBookingTime")
    public record Time(
            @Nullable @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant startsAt,
            @Nullable @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant endsAt,
            @Nullable @Schema(description = "A new link (keeps the place when omitted)") String onlineLink,
            @Nullable @Schema(description = "A new place (keeps the place when omitted)") String location) {
    }

    @Serdeable
    @Schema(name = "ReviewBookingCancellation")
    public record Cancellation(
            @Nullable @Schema(requiredMode = Schema.RequiredMode.REQUIRED) CancellationReason reason) {
    }
}
