package org.opendsr.referral.notifications.adapters.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.referral.access.adapters.web.Purposes;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.notifications.application.NotificationQueue;
import org.opendsr.referral.notifications.application.ReviewingNotifications;
import org.opendsr.referral.shared.adapters.web.Paged;
import org.opendsr.referral.shared.application.PageRequest;

/** The DSR team's worklist of messages that could not be sent and never will be as they are: contact the person. */
@Controller("/worklists/notifications")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
@Tag(name = "Worklists")
public class NotificationWorklistController {

    private final ReviewingNotifications reviewing;

    public NotificationWorklistController(ReviewingNotifications reviewing) {
        this.reviewing = reviewing;
    }

    @Get("/failed")
    @Operation(summary = "Messages that failed for good (no contact details, refused by GOV.UK Notify, retries"
            + " exhausted), oldest failure first, with the reason as a code; only people the caller may see")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public Paged<NotificationQueue.Failed> failed(
            @Nullable @QueryValue @Parameter(description = "The next of the page before; leave out for the first page")
            String after,
            @QueryValue(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_LIMIT) int limit,
            @Nullable @QueryValue @Parameter(hidden = true) String page,
            Caller caller) {
        return Paged.of(reviewing.failed(Paged.request(after, limit, page), caller,
                Purposes.stated(caller, AccessPurpose.DIRECT_CARE)));
    }
}
