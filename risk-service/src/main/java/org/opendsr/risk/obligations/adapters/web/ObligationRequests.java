package org.opendsr.risk.obligations.adapters.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import org.opendsr.contracts.risk.ReviewType;

/** What the DSR team sends to book, complete or close an obligation. */
public final class ObligationRequests {

    private ObligationRequests() {
    }

    @Serdeable
    @Schema(name = "ObligationBooking")
    public record Booking(@Nullable @Schema(description = "The day booked, today or later; a booking already made "
            + "may be moved", requiredMode = Schema.RequiredMode.REQUIRED) LocalDate bookedFor) {
    }

    @Serdeable
    @Schema(name = "ObligationCompletion")
    public record Completion(
            @Nullable @Schema(description = "The day it was done, not in the future",
                    requiredMode = Schema.RequiredMode.REQUIRED) LocalDate completedOn,
            @Nullable @Schema(description = "The review that met it, where the kind allows several (a COMMUNITY_CTR "
                    + "by a LAEP when too urgent for a C(E)TR; a MULTI_AGENCY_REVIEW by a MULTI_AGENCY_MEETING or "
                    + "COMMUNITY_CTR); the usual one when omitted") ReviewType reviewType,
            @Nullable @Schema(description = "The meeting it was done at (meeting-service)") UUID meetingId,
            @Nullable @Schema(description = "CTR_PARTNERS only, required there: 1 to 20 agencies or services who "
                    + "would join a C(E)TR, each at most 100 characters; never a person's name") List<String> partners) {

        @Override
        public String toString() {
            return "Completion[completedOn=" + completedOn + ", reviewType=" + reviewType + ", partners redacted]";
        }
    }

    @Serdeable
    @Schema(name = "ObligationNotNeeded")
    public record NotNeeded(@Nullable @Schema(description = "Why, in one line of up to 500 characters; never a name "
            + "or contact details", requiredMode = Schema.RequiredMode.REQUIRED) String reason) {

        @Override
        public String toString() {
            return "NotNeeded[reason redacted]";
        }
    }
}
