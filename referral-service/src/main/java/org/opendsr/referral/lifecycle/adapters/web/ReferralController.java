package org.opendsr.referral.lifecycle.adapters.web;

import java.net.URI;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.kit.web.RequestRefused;
import org.opendsr.referral.intake.application.CompletingSelfOrFamilyReferrals;
import org.opendsr.referral.lifecycle.application.DecidingReferrals;
import org.opendsr.referral.lifecycle.application.MakingFirstContact;
import org.opendsr.referral.person.application.ReadingRecords;
import org.opendsr.referral.intake.application.ReceivingReferrals;
import org.opendsr.referral.lifecycle.application.ReferralOutcome;
import org.opendsr.referral.intake.application.ReferralReceipt;
import org.opendsr.referral.lifecycle.application.WithdrawingReferrals;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.access.adapters.web.Callers;
import org.opendsr.referral.intake.adapters.web.ProfessionalReferralRequest;

/**
 * Referrals: received from professionals or (through the DSR team) from people and families, contacted, completed,
 * accepted onto the register, declined or withdrawn. Agency systems refer through {@code dsr.agency.inbound}.
 */
@Controller("/referrals")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Referrals")
public class ReferralController {

    private final ReceivingReferrals receiving;
    private final ReadingRecords reading;
    private final CompletingSelfOrFamilyReferrals completing;
    private final MakingFirstContact contacting;
    private final DecidingReferrals deciding;
    private final WithdrawingReferrals withdrawing;

    public ReferralController(ReceivingReferrals receiving, ReadingRecords reading,
                              CompletingSelfOrFamilyReferrals completing, MakingFirstContact contacting,
                              DecidingReferrals deciding, WithdrawingReferrals withdrawing) {
        this.receiving = receiving;
        this.reading = reading;
        this.completing = completing;
        this.contacting = contacting;
        this.deciding = deciding;
        this.withdrawing = withdrawing;
    }

    @Post
    @Secured({DsrRoles.PROFESSIONAL, DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
    @Operation(summary = "Refer someone to the DSR (professional referral, minimum data set)")
    public HttpResponse<ReferralReceipt> refer(@Valid @Body ProfessionalReferralRequest request,
                                               @Nullable @Header(Callers.PURPOSE_HEADER) String purpose,
                                               Authentication authentication) {
        ReferralReceipt receipt = receiving.receiveProfessionalReferral(request.toPerson(), request.toMinimumDataSet(),
                Callers.of(authentication), Callers.purpose(purpose, AccessPurpose.REFERRAL_MANAGEMENT));
        return HttpResponse.created(receipt, URI.create("/referrals/" + receipt.referralId()));
    }

    @Post("/self-or-family")
    @Secured({DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
    @Operation(summary = "Record a self or family referral: a minimal first contact (name, postcode, phone or email)",
            description = "Taken by the DSR team from the person or their family; completed later with /completion.")
    public HttpResponse<ReferralReceipt> referSelfOrFamily(@Valid @Body LifecycleRequests.SelfOrFamilyReferralRequest request,
                                                           @Nullable @Header(Callers.PURPOSE_HEADER) String purpose,
                                                           Authentication authentication) {
        if (request.phone() == null && request.email() == null) {
            throw RequestRefused.invalidField("phone", "a phone number or an email is needed");
        }
        ReferralReceipt receipt = receiving.receiveSelfOrFamilyReferral(request.toPerson(), request.reasonForReferral(),
                Callers.of(authentication), Callers.purpose(purpose, AccessPurpose.REFERRAL_MANAGEMENT));
        return HttpResponse.created(receipt, URI.create("/referrals/" + receipt.referralId()));
    }

    @Get("/{referralId}")
    @Secured({DsrRoles.PROFESSIONAL, DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
    @Operation(summary = "A referral: the DSR team sees every referral, a professional the ones they made or whose"
            + " person they are linked to")
    public ReferralView referral(@PathVariable UUID referralId, @Nullable @Header(Callers.PURPOSE_HEADER) String purpose,
                                 Authentication authentication) {
        return ReferralView.of(reading.referral(referralId, Callers.of(authentication),
                Callers.purpose(purpose, AccessPurpose.REFERRAL_MANAGEMENT)));
    }

    @Post("/{referralId}/completion")
    @Secured({DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
    @Operation(summary = "Complete a self or family referral: date of birth, locality and the minimum data set")
    public ReferralOutcome complete(@PathVariable UUID referralId, @Valid @Body LifecycleRequests.CompletionRequest request,
                                    @Nullable @Header(Callers.PURPOSE_HEADER) String purpose,
                                    Authentication authentication) {
        return completing.complete(referralId, request.toCompletion(), Callers.of(authentication),
                Callers.purpose(purpose, AccessPurpose.REFERRAL_MANAGEMENT));
    }

    @Post("/{referralId}/contact")
    @Secured({DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
    @Operation(summary = "Record first contact (due within 5 working days of receipt)")
    public ReferralOutcome contact(@PathVariable UUID referralId, @Nullable @Header(Callers.PURPOSE_HEADER) String purpose,
                                   Authentication authentication) {
        return contacting.contact(referralId, Callers.of(authentication),
                Callers.purpose(purpose, AccessPurpose.REFERRAL_MANAGEMENT));
    }

    @Post("/{referralId}/acceptance")
    @Secured({DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
    @Operation(summary = "Accept a contacted referral: every criterion met and active consent; puts the person on the"
            + " register", description = "409 problem+json saying why when a rule refuses it (e.g. consent-not-active).")
    public ReferralOutcome accept(@PathVariable UUID referralId, @Valid @Body LifecycleRequests.AcceptanceRequest request,
                                  @Nullable @Header(Callers.PURPOSE_HEADER) String purpose,
                                  Authentication authentication) {
        return deciding.accept(referralId, request.toAcceptance(), Callers.of(authentication),
                Callers.purpose(purpose, AccessPurpose.REFERRAL_MANAGEMENT));
    }

    @Post("/{referralId}/declinal")
    @Secured({DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
    @Operation(summary = "Decline a contacted referral with the reason and the criteria checklist")
    public ReferralOutcome decline(@PathVariable UUID referralId, @Valid @Body LifecycleRequests.DeclinalRequest request,
                                   @Nullable @Header(Callers.PURPOSE_HEADER) String purpose,
                                   Authentication authentication) {
        return deciding.decline(referralId, request.toDeclinal(), Callers.of(authentication),
                Callers.purpose(purpose, AccessPurpose.REFERRAL_MANAGEMENT));
    }

    @Post("/{referralId}/withdrawal")
    @Secured({DsrRoles.PROFESSIONAL, DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
    @Operation(summary = "Withdraw a referral before its outcome (its referrer or the DSR team)")
    public ReferralOutcome withdraw(@PathVariable UUID referralId, @Valid @Body LifecycleRequests.WithdrawalRequest request,
                                    @Nullable @Header(Callers.PURPOSE_HEADER) String purpose,
                                    Authentication authentication) {
        return withdrawing.withdraw(referralId, request.reason(), request.notes(), Callers.of(authentication),
                Callers.purpose(purpose, AccessPurpose.REFERRAL_MANAGEMENT));
    }
}
