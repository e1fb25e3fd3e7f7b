package org.opendsr.referral.person.adapters.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.opendsr.kit.audit.AuditPage;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.referral.person.application.Address;
import org.opendsr.referral.person.application.PersonDetailsChecks;
import org.opendsr.referral.person.application.ReadingRecords;
import org.opendsr.referral.person.application.ReviewingIdentityChanges;
import org.opendsr.referral.access.application.RecordAccess;
import org.opendsr.referral.person.application.UpdatingPersonRecords;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.kit.access.Caller;
import org.opendsr.referral.access.adapters.web.Purposes;

/**
 * A person's record: the DSR team and leads see and update everyone; a professional the people they referred, are a
 * key professional for, or are responsible for (anyone else is told there is no such person). Each read and change
 * is audited with its purpose ({@code X-DSR-Purpose}, by default DIRECT_CARE).
 */
@Controller("/people")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({DsrRoles.PROFESSIONAL, DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
@Tag(name = "People")
public class PersonController {

    private final ReadingRecords reading;
    private final UpdatingPersonRecords updating;
    private final ReviewingIdentityChanges reviewing;
    private final PersonDetailsChecks checks;
    private final Clock clock;

    /** What a professional is told of an identity change: held, whatever its NHS number. */
    @Serdeable
    @Schema(name = "IdentityChangeHeld")
    public record IdentityChangeHeld(UUID changeId, String status) {
    }

    public PersonController(ReadingRecords reading, UpdatingPersonRecords updating,
                            ReviewingIdentityChanges reviewing, PersonDetailsChecks checks, Clock clock) {
        this.reading = reading;
        this.updating = updating;
        this.reviewing = reviewing;
        this.checks = checks;
        this.clock = clock;
    }

    @Get("/{personId}")
    @Operation(summary = "A person's record",
            description = "A record merged into another (a possible duplicate resolved as the same person) answers"
                    + " 200 with the survivor's record: its personId is the survivor's, Content-Location names it,"
                    + " and mergedRecords lists the ids merged into it. Changes to a merged-away id are refused"
                    + " with 409 person-merged naming the survivor.")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public HttpResponse<PersonRecordView> person(@PathVariable UUID personId, Caller caller) {
        PersonRecordView view = PersonRecordView.of(reading.person(personId, caller,
                Purposes.stated(caller, AccessPurpose.DIRECT_CARE)), LocalDate.now(clock));
        // The answer is the survivor's record, said where it lives, so a client can follow the id it now has.
        return view.personId().equals(personId) ? HttpResponse.ok(view)
                : HttpResponse.ok(view).header("Content-Location", "/people/" + view.personId());
    }

    @Put("/{personId}/identity")
    @Operation(summary = "Replace the person's name, date of birth and NHS number",
            description = "A professional's change is held for the DSR team to review (202 IdentityChangeHeld, the"
                    + " same answer whatever the NHS number); the DSR team's and a lead's is made at once (204), or"
                    + " refused with 409 nhs-number-belongs-to-another-person")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public HttpResponse<IdentityChangeHeld> identity(@PathVariable UUID personId,
                                                     @Valid @Body PersonParts.IdentityRequest request, Caller caller) {
        // The stated purpose is refused before any value of the body, as it always has been.
        AccessPurpose purpose = Purposes.stated(caller, AccessPurpose.DIRECT_CARE);
        UpdatingPersonRecords.Identity identity = request.toIdentity(checks, LocalDate.now(clock));
        if (!RecordAccess.worksTheRegister(caller)) {
            // No membership oracle: see ReviewingIdentityChanges for why the DSR team may still be told of a collision.
            UUID changeId = reviewing.hold(personId, identity, caller, purpose);
            return HttpResponse.accepted().body(new IdentityChangeHeld(changeId, "HELD_FOR_REVIEW"));
        }
        updating.identity(personId, identity, caller, purpose);
        return HttpResponse.noContent();
    }

    @Put("/{personId}/address")
    @Operation(summary = "Replace the person's address, postcode and locality (OUT_OF_AREA if they moved away)")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public HttpResponse<Void> address(@PathVariable UUID personId, @Valid @Body PersonParts.AddressRequest request,
                                      Caller caller) {
        AccessPurpose purpose = Purposes.stated(caller, AccessPurpose.DIRECT_CARE);
        updating.address(personId, UpdatingPersonRecords.AddressChange.parse(new Address(request.line1(),
                request.line2(), request.town()), request.postcode(), request.locality(), checks), caller, purpose);
        return HttpResponse.noContent();
    }

    @Put("/{personId}/demographics")
    @Operation(summary = "Replace the person's ethnic category and gender identity (NHS Data Dictionary codes)")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public HttpResponse<Void> demographics(@PathVariable UUID personId,
                                           @Valid @Body PersonParts.DemographicsCodes request,
                                           Caller caller) {
        updating.demographics(personId, request.toDemographics(), caller, Purposes.stated(caller, AccessPurpose.DIRECT_CARE));
        return HttpResponse.noContent();
    }

    @Put("/{personId}/diagnosis")
    @Operation(summary = "Replace the person's diagnosis (learning disability, autism, both, assessment pathway)")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public HttpResponse<Void> diagnosis(@PathVariable UUID personId, @Valid @Body PersonParts.DiagnosisRequest request,
                                        Caller caller) {
        updating.diagnosis(personId, request.diagnosis(), caller, Purposes.stated(caller, AccessPurpose.DIRECT_CARE));
        return HttpResponse.noContent();
    }

    @Put("/{personId}/contacts")
    @Operation(summary = "Replace the contacts: the person, parents or carers, paid carers")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public HttpResponse<Void> contacts(@PathVariable UUID personId, @Valid @Body PersonParts.ContactsRequest request,
                                       Caller caller) {
        updating.contacts(personId, PersonParts.contacts(request.contacts()), caller,
                Purposes.stated(caller, AccessPurpose.DIRECT_CARE));
        return HttpResponse.noContent();
    }

    @Put("/{personId}/key-professionals")
    @Operation(summary = "Replace the key professionals")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public HttpResponse<Void> keyProfessionals(@PathVariable UUID personId,
                                               @Valid @Body PersonParts.KeyProfessionalsRequest request,
                                               Caller caller) {
        updating.keyProfessionals(personId, PersonParts.keyProfessionals(request.keyProfessionals()),
                caller, Purposes.stated(caller, AccessPurpose.DIRECT_CARE));
        return HttpResponse.noContent();
    }

    @Get("/{personId}/audit")
    @Secured(DsrRoles.DSR_LEAD)
    @Operation(summary = "Who read or changed the person's record or tried to, when, what, why, with old and new values"
            + " of changes (newest first; for a DSR lead). Page on with before=nextBefore.")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public AuditPage audit(@PathVariable UUID personId,
                           @QueryValue @Nullable @Min(1) Long before,
                           @QueryValue(defaultValue = "50") @Min(1) @Max(AuditPage.MAX_SIZE) int size,
                           Caller caller) {
        return reading.auditTrail(personId, before, size, caller,
                Purposes.stated(caller, AccessPurpose.AUDIT_REVIEW));
    }

}
