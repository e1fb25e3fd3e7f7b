package org.opendsr.referral.adapters.web;

import java.net.URI;
import java.util.UUID;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
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
import org.opendsr.referral.adapters.persistence.People;
import org.opendsr.referral.adapters.persistence.ReferralRow;
import org.opendsr.referral.adapters.persistence.Referrals;
import org.opendsr.referral.application.ReceivingReferrals;
import org.opendsr.referral.application.ReferralReceipt;
import org.opendsr.referral.domain.Referrer;

@Controller("/referrals")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Referrals")
public class ReferralController {

    private final ReceivingReferrals receiving;
    private final Referrals referrals;
    private final People people;

    public ReferralController(ReceivingReferrals receiving, Referrals referrals, People people) {
        this.receiving = receiving;
        this.referrals = referrals;
        this.people = people;
    }

    @Post
    @Secured({DsrRoles.PROFESSIONAL, DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
    @Operation(summary = "Refer someone to the DSR (professional referral, minimum data set)")
    public HttpResponse<ReferralReceipt> refer(@Valid @Body ProfessionalReferralRequest request,
                                               Authentication authentication) {
        ReferralReceipt receipt = receiving.receiveProfessionalReferral(request.toReferral(), referrerOf(authentication));
        return HttpResponse.created(receipt, URI.create("/referrals/" + receipt.referralId()));
    }

    @Get("/{referralId}")
    @Secured({DsrRoles.PROFESSIONAL, DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
    @Operation(summary = "A referral: the DSR team sees every referral, a professional the ones they made")
    public ReferralView referral(@PathVariable UUID referralId, Authentication authentication) {
        ReferralRow referral = referrals.findById(referralId)
                .filter(found -> mayRead(found, authentication))
                .orElseThrow(() -> RequestRefused.notFound("The referral"));
        return ReferralView.of(referral, people.findById(referral.personId()).orElseThrow());
    }

    private static boolean mayRead(ReferralRow referral, Authentication authentication) {
        return authentication.getRoles().contains(DsrRoles.DSR_TEAM)
                || authentication.getRoles().contains(DsrRoles.DSR_LEAD)
                || referral.referredBy().equals(authentication.getName());
    }

    private static Referrer referrerOf(Authentication authentication) {
        Object organisation = authentication.getAttributes().get("organisation");
        return new Referrer(authentication.getName(), organisation == null ? null : organisation.toString());
    }
}
