package org.opendsr.consent.adapters.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
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
import org.opendsr.consent.application.ReadingConsents;
import org.opendsr.consent.application.RecordingConsent;
import org.opendsr.consent.application.WithdrawingConsent;
import org.opendsr.consent.domain.Consent;
import org.opendsr.kit.access.AccessPurpose;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.kit.access.Caller;

@Controller("/consents")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Consent")
public class ConsentController {

    private final RecordingConsent recording;
    private final WithdrawingConsent withdrawing;
    private final ReadingConsents reading;

    public ConsentController(RecordingConsent recording, WithdrawingConsent withdrawing, ReadingConsents reading) {
        this.recording = recording;
        this.withdrawing = withdrawing;
        this.reading = reading;
    }

    @Post
    @Secured({DsrRoles.PROFESSIONAL, DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
    @Operation(summary = "Record a person's consent to be on the DSR, or renew it (renewalOf)",
            description = "For those with need to know: a current member of the person's care team, the DSR team of "
                    + "their area, a lead (404 for anyone else, exactly as for a person no referral has introduced; "
                    + "403 for a break-glass reader). The status is what the dates give today: a consent given 12 "
                    + "months and 1 week ago is OVERDUE at once, with 3 weeks of grace left. 409 when the person "
                    + "already has an open consent and this is not its renewal, for parental responsibility for an "
                    + "adult, and for a renewal that would not be active consent. A renewal is decided by the care "
                    + "team, never by who recorded the consent: renewalOf naming a consent of someone the caller may "
                    + "not change is 404, as for an unknown consent. Audited with the stated purpose.")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public HttpResponse<ConsentView> record(@Valid @Body ConsentRequest request, Caller caller) {
        Consent consent = recording.record(request.toConsent(), caller, purposeOf(caller));
        return HttpResponse.created(ConsentView.of(consent, List.of(), reading.today()),
                URI.create("/consents/" + consent.id()));
    }

    @Get("/{consentId}")
    @Secured({DsrRoles.PROFESSIONAL, DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
    @Operation(summary = "A consent, for those who may read its person",
            description = "The person's care team (a break-glass reader included), the DSR team of their area, a "
                    + "lead; 404 for anyone else, as for an unknown consent. Audited with the stated purpose.")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public ConsentView consent(@PathVariable UUID consentId, Caller caller) {
        return ConsentView.of(reading.consent(consentId, caller, purposeOf(caller)), reading.today());
    }

    @Post("/{consentId}/withdrawal")
    @Secured({DsrRoles.PROFESSIONAL, DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
    @Operation(summary = "Record that consent was withdrawn: the person is removed from the register",
            description = "For those who may record the person's consent (a current care-team member, the DSR team "
                    + "of their area, a lead), whoever recorded it; 404 for anyone else, as for an unknown consent, "
                    + "and 403 for a break-glass reader. Allowed while the consent is ACTIVE, RENEWAL_DUE or "
                    + "OVERDUE; 409 once it is withdrawn, lapsed or renewed. The body is optional: today, and who "
                    + "withdrew it not stated (OTHER). Withdrawing never affects the person's current support.")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public ConsentView withdraw(@PathVariable UUID consentId, @Nullable @Valid @Body WithdrawalRequest request,
                                Caller caller) {
        AccessPurpose purpose = purposeOf(caller);
        WithdrawalRequest withdrawal = request == null ? WithdrawalRequest.UNSTATED : request;
        Consent consent = withdrawing.withdraw(consentId, withdrawal.reason(), withdrawal.withdrawnOn(),
                withdrawal.note(), caller, purpose);
        return ConsentView.of(reading.afterChange(consent), reading.today());
    }

    @Get("/people/{personId}")
    @Secured({DsrRoles.PROFESSIONAL, DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
    @Operation(summary = "A person's consent history, newest first, with their current consent",
            description = "For those who may read the person (their care team, a break-glass reader included, the DSR "
                    + "team of their area, a lead); 404 for anyone else, as for a person no referral has introduced. "
                    + "Audited with the stated purpose.")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public PersonConsentHistory history(@PathVariable UUID personId, Caller caller) {
        return PersonConsentHistory.of(reading.historyOf(personId, caller, purposeOf(caller)), reading.today());
    }

    /** The purpose stated in X-DSR-Purpose (refused naming the header if it is not one), else direct care. */
    static AccessPurpose purposeOf(Caller caller) {
        return caller.purpose(AccessPurpose.class, AccessPurpose.DIRECT_CARE, purpose -> true);
    }
}
