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
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.opendsr.consent.application.ReadingConsents;
import org.opendsr.consent.application.RecordingConsent;
import org.opendsr.consent.application.WithdrawingConsent;
import org.opendsr.consent.domain.Consent;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.kit.rules.RuleBroken;
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
            description = "The status is what the dates give today: a consent given 12 months and 1 week ago is "
                    + "OVERDUE at once, with 3 weeks of grace left. 404 for a person no referral has introduced; "
                    + "409 when the person already has an open consent and this is not its renewal, for parental "
                    + "responsibility for an adult, and for a renewal that would not be active consent.")
    public HttpResponse<ConsentView> record(@Valid @Body ConsentRequest request, Caller caller) {
        Consent consent = recording.record(request.toConsent(), caller.userId());
        return HttpResponse.created(ConsentView.of(consent, List.of(), reading.today()),
                URI.create("/consents/" + consent.id()));
    }

    @Get("/{consentId}")
    @Secured({DsrRoles.PROFESSIONAL, DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
    @Operation(summary = "A consent: the DSR team sees every consent, a professional those they recorded")
    public ConsentView consent(@PathVariable UUID consentId, Caller caller) {
        return reading.consent(consentId)
                .filter(record -> mayRead(record.consent(), caller))
                .map(record -> ConsentView.of(record, reading.today()))
                .orElseThrow(() -> RuleBroken.notFound("The consent"));
    }

    @Post("/{consentId}/withdrawal")
    @Secured({DsrRoles.PROFESSIONAL, DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
    @Operation(summary = "Record that consent was withdrawn: the person is removed from the register",
            description = "The DSR team may withdraw any consent, a professional those they recorded (404 for "
                    + "others, as for reading). Allowed while the consent is ACTIVE, RENEWAL_DUE or OVERDUE; 409 "
                    + "once it is withdrawn, lapsed or renewed. The body is optional: today, and who withdrew it not stated (OTHER). "
                    + "Withdrawing never affects the person's current support.")
    public ConsentView withdraw(@PathVariable UUID consentId, @Nullable @Valid @Body WithdrawalRequest request,
                                Caller caller) {
        // Who may not see a consent may not withdraw it either, nor learn that it exists: 404 as for a read.
        reading.consent(consentId).filter(record -> mayRead(record.consent(), caller))
                .orElseThrow(() -> RuleBroken.notFound("The consent"));
        WithdrawalRequest withdrawal = request == null ? WithdrawalRequest.UNSTATED : request;
        Consent consent = withdrawing.withdraw(consentId, withdrawal.reason(), withdrawal.withdrawnOn(),
                withdrawal.note(), caller.userId());
        return reading.consent(consent.id()).map(record -> ConsentView.of(record, reading.today())).orElseThrow();
    }

    @Get("/people/{personId}")
    @Secured({DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
    @Operation(summary = "A person's consent history, newest first, with their current consent")
    public PersonConsentHistory history(@PathVariable UUID personId) {
        return reading.historyOf(personId)
                .map(history -> PersonConsentHistory.of(history, reading.today()))
                .orElseThrow(() -> new RuleBroken(RuleBroken.Kind.NOT_FOUND, "not-found", "Not found", null,
                        "No referral for this person has reached consent-service"));
    }

    private static boolean mayRead(Consent consent, Caller caller) {
        return caller.hasRole(DsrRoles.DSR_TEAM)
                || caller.hasRole(DsrRoles.DSR_LEAD)
                || consent.given().recordedBy().equals(caller.userId());
    }
}
