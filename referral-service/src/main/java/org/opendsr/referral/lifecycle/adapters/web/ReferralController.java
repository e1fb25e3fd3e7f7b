package org.opendsr.referral.lifecycle.adapters.web;

import java.util.UUID;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.referral.lifecycle.application.DecidingReferrals;
import org.opendsr.referral.lifecycle.application.MakingFirstContact;
import org.opendsr.referral.person.application.ReadingRecords;
import org.opendsr.referral.lifecycle.application.ReferralOutcome;
import org.opendsr.referral.lifecycle.application.WithdrawingReferrals;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.kit.access.Caller;
import org.opendsr.referral.access.adapters.web.Purposes;

/**
 * A referral after intake ({@code ReferralIntakeController}): read, contacted, accepted onto the register, declined
 * or withdrawn.
 */
@Controller("/referrals")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Referrals")
public class ReferralController {

    private final ReadingRecords reading;
    private final MakingFirstContact contacting;
    private final DecidingReferrals deciding;
    private final WithdrawingReferrals withdrawing;

    public ReferralController(ReadingRecords reading, MakingFirstContact contacting, DecidingReferrals deciding,
                              WithdrawingReferrals withdrawing) {
        this.reading = reading;
        this.contacting = contacting;
        this.deciding = deciding;
        this.withdrawing = withdrawing;
    }

    @Get("/{referralId}")
    @Secured({DsrRoles.PROFESSIONAL, DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
    @Operation(summary = "A referral: the DSR team sees every referral, a professional the ones they made or whose"
            + " person they are linked to")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public ReferralView referral(@PathVariable UUID referralId, Caller caller) {
        return ReferralView.of(reading.referral(referralId, caller,
                Purposes.stated(caller, AccessPurpose.REFERRAL_MANAGEMENT)));
    }

    @Post("/{referralId}/contact")
    @Secured({DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
    @Operation(summary = "Record first contact (due within 5 working days of receipt)")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public ReferralOutcome contact(@PathVariable UUID referralId, Caller caller) {
        return contacting.contact(referralId, caller,
                Purposes.stated(caller, AccessPurpose.REFERRAL_MANAGEMENT));
    }

    @Post("/{referralId}/acceptance")
    @Secured({DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
    @Operation(summary = "Accept a contacted referral: every criterion met and active consent; puts the person on the"
            + " register", description = "409 problem+json saying why when a rule refuses it (e.g. consent-not-active).")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public ReferralOutcome accept(@PathVariable UUID referralId, @Valid @Body LifecycleRequests.AcceptanceRequest request,
                                  Caller caller) {
        return deciding.accept(referralId, request.toAcceptance(), caller,
                Purposes.stated(caller, AccessPurpose.REFERRAL_MANAGEMENT));
    }

    @Post("/{referralId}/declinal")
    @Secured({DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
    @Operation(summary = "Decline a contacted referral with the reason and the criteria checklist")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public ReferralOutcome decline(@PathVariable UUID referralId, @Valid @Body LifecycleRequests.DeclinalRequest request,
                                   Caller caller) {
        return deciding.decline(referralId, request.toDeclinal(), caller,
                Purposes.stated(caller, AccessPurpose.REFERRAL_MANAGEMENT));
    }

    @Post("/{referralId}/withdrawal")
    @Secured({DsrRoles.PROFESSIONAL, DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
    @Operation(summary = "Withdraw a referral before its outcome (its referrer or the DSR team)")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public ReferralOutcome withdraw(@PathVariable UUID referralId, @Valid @Body LifecycleRequests.WithdrawalRequest request,
                                    Caller caller) {
        return withdrawing.withdraw(referralId, request.reason(), request.notes(), caller,
                Purposes.stated(caller, AccessPurpose.REFERRAL_MANAGEMENT));
    }
}
