package org.opendsr.referral.notifications.adapters.web;

import java.util.UUID;

import io.micronaut.context.annotation.Requires;
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
import org.opendsr.referral.notifications.application.LocalMailbox;
import org.opendsr.referral.notifications.application.ReviewingNotifications;
import org.opendsr.referral.shared.adapters.web.Paged;
import org.opendsr.referral.shared.application.PageRequest;

/**
 * What would have been sent to whom, in local runs and tests (only while the local mailbox is the sender: where GOV.UK
 * Notify sends, this route does not exist). For the DSR team, about people they may see.
 */
@Controller("/local-mailbox")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
@Requires(property = "dsr.notifications.sender", value = "local-mailbox", defaultValue = "local-mailbox")
@Tag(name = "Notifications")
public class LocalMailboxController {

    private final ReviewingNotifications reviewing;

    public LocalMailboxController(ReviewingNotifications reviewing) {
        this.reviewing = reviewing;
    }

    @Get
    @Operation(summary = "Messages the local mailbox sender wrote, newest first: recipient, channel, template, where it"
            + " went and its personalisation; personId for one person's")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public Paged<LocalMailbox.Message> messages(
            @Nullable @QueryValue UUID personId,
            @Nullable @QueryValue @Parameter(description = "The next of the page before; leave out for the first page")
            String after,
            @QueryValue(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_LIMIT) int limit,
            @Nullable @QueryValue @Parameter(hidden = true) String page,
            Caller caller) {
        return Paged.of(reviewing.localMailbox(personId, Paged.request(after, limit, page), caller,
                Purposes.stated(caller, AccessPurpose.DIRECT_CARE)));
    }
}
