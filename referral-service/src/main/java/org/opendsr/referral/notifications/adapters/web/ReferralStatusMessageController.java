package org.opendsr.referral.notifications.adapters.web;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.referral.access.adapters.web.Purposes;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.notifications.application.QueueingNotifications;
import org.opendsr.referral.notifications.application.SendingReferralStatus;

/**
 * A self or family referrer asked for an update: the DSR team of the person's area (or a lead) sends the referral's
 * status now, a message to the person's side. Professionals, analysts, admins and agency systems: 403.
 */
@Controller("/referrals/{referralId}/status-message")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
@Tag(name = "Referrals")
public class ReferralStatusMessageController {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "ReferralStatusMessage")
    public record StatusMessageView(UUID referralId, UUID notificationId, String recipient,
                                    @Nullable String withheldFor) {
    }

    private final SendingReferralStatus sending;

    public ReferralStatusMessageController(SendingReferralStatus sending) {
        this.sending = sending;
    }

    @Post
    @Operation(summary = "Send a self or family referrer the referral's status now (queued: the local mailbox or"
            + " GOV.UK Notify sends it); withheld with the rule if they asked not to be contacted; 409 for a"
            + " professional's or agency's referral")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public HttpResponse<StatusMessageView> send(@PathVariable UUID referralId, Caller caller) {
        QueueingNotifications.QueuedMessage queued = sending.send(referralId, caller,
                Purposes.stated(caller, AccessPurpose.REFERRAL_MANAGEMENT));
        return HttpResponse.accepted().body(new StatusMessageView(referralId, queued.notificationId(),
                queued.recipient().name(), queued.withheldFor()));
    }
}
