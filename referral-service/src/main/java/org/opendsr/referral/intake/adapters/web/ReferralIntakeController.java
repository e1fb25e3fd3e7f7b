package org.opendsr.referral.intake.adapters.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
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
import org.opendsr.referral.intake.application.CompletingSelfOrFamilyReferrals;
import org.opendsr.referral.intake.application.ReceivingReferrals;
import org.opendsr.referral.lifecycle.application.ReferralOutcome;
import org.opendsr.referral.intake.application.ReferralReceipt;
import org.opendsr.referral.person.application.PersonDetailsChecks;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.kit.access.Caller;
import org.opendsr.referral.access.adapters.web.Purposes;

/**
 * Referrals received: from professionals, or (through the DSR team) from people and families, and the completion
 * of those. Agency systems refer through their own {@code dsr.agency.inbound.<agency-id>}; the rest of a referral's life is
 * {@code ReferralController}'s.
 */
@Controller("/referrals")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Referrals")
public class ReferralIntakeController {

    private final ReceivingReferrals receiving;
    private final CompletingSelfOrFamilyReferrals completing;
    private final PersonDetailsChecks checks;
    private final Clock clock;

    public ReferralIntakeController(ReceivingReferrals receiving, CompletingSelfOrFamilyReferrals completing,
                                    PersonDetailsChecks checks, Clock clock) {
        this.receiving = receiving;
        this.completing = completing;
        this.checks = checks;
        this.clock = clock;
    }

    @Post
    @Secured({DsrRoles.PROFESSIONAL, DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
    @Operation(summary = "Refer someone to the DSR (professional referral, minimum data set)")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public HttpResponse<ReferralReceiptView> refer(@Valid @Body ProfessionalReferralRequest request,
                                               Caller caller) {
        // The stated purpose is refused before any value of the body; the person is parsed once, here.
        AccessPurpose purpose = Purposes.stated(caller, AccessPurpose.REFERRAL_MANAGEMENT);
        ReferralReceipt receipt = receiving.receiveProfessionalReferral(
                receiving.professionalReferral(request.toPerson()), request.toMinimumDataSet(), caller, purpose);
        return HttpResponse.created(ReferralReceiptView.of(receipt), URI.create("/referrals/" + receipt.referralId()));
    }

    @Post("/self-or-family")
    @Secured({DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
    @Operation(summary = "Record a self or family referral: a minimal first contact (name, postcode, phone or email)",
            description = "Taken by the DSR team from the person or their family; completed later with /completion.")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public HttpResponse<ReferralReceiptView> referSelfOrFamily(@Valid @Body IntakeRequests.SelfOrFamilyReferralRequest request,
                                                           Caller caller) {
        AccessPurpose purpose = Purposes.stated(caller, AccessPurpose.REFERRAL_MANAGEMENT);
        ReferralReceipt receipt = receiving.receiveSelfOrFamilyReferral(
                receiving.selfOrFamilyReferral(request.toPerson()), request.reasonForReferral(), caller, purpose);
        return HttpResponse.created(ReferralReceiptView.of(receipt), URI.create("/referrals/" + receipt.referralId()));
    }

    @Post("/{referralId}/completion")
    @Secured({DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
    @Operation(summary = "Complete a self or family referral: date of birth, locality and the minimum data set")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public ReferralOutcome complete(@PathVariable UUID referralId, @Valid @Body IntakeRequests.CompletionRequest request,
                                    Caller caller) {
        // The stated purpose is refused before any value of the body, as it always has been.
        AccessPurpose purpose = Purposes.stated(caller, AccessPurpose.REFERRAL_MANAGEMENT);
        return completing.complete(referralId, request.toCompletion(checks, LocalDate.now(clock)), caller, purpose);
    }
}
