package org.opendsr.referral.person.adapters.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
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
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.referral.access.adapters.web.Purposes;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.person.application.RecordingCommunicationPreferences;

/**
 * How the person wants to be contacted, changed by whoever may change their record (the person's care team, the DSR
 * team of their area, a lead; anyone else as for every other part of the record: 404, or 403 on a break-glass read).
 * Shown in the record ({@code GET /people/{id}}, {@code communicationPreferences}).
 */
@Controller("/people")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({DsrRoles.PROFESSIONAL, DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
@Tag(name = "People")
public class CommunicationPreferencesController {

    @Serdeable
    @Schema(name = "CommunicationPreferences")
    public record CommunicationPreferencesRequest(
            @Nullable @Schema(description = "None: chosen from the details held", allowableValues = {"EMAIL", "SMS",
                    "LETTER"}) String preferredChannel,
            @Nullable @Schema(description = "None: STANDARD", allowableValues = {"STANDARD", "EASY_READ",
                    "LARGE_PRINT", "OTHER_LANGUAGE"}) String accessibleFormat,
            @Nullable @Schema(description = "ISO 639-1, with OTHER_LANGUAGE only", example = "pl") String language,
            @Nullable @Schema(description = "The day they asked not to be contacted; none: they did not")
            LocalDate askedNotToBeContactedOn) {
    }

    private final RecordingCommunicationPreferences recording;
    private final Clock clock;

    public CommunicationPreferencesController(RecordingCommunicationPreferences recording, Clock clock) {
        this.recording = recording;
        this.clock = clock;
    }

    @Put("/{personId}/communication-preferences")
    @Operation(summary = "Replace how the person wants to be contacted: channel, accessible format, do not contact")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public HttpResponse<Void> replace(@PathVariable UUID personId, @Valid @Body CommunicationPreferencesRequest request,
                                      Caller caller) {
        AccessPurpose purpose = Purposes.stated(caller, AccessPurpose.DIRECT_CARE);
        recording.replace(personId, RecordingCommunicationPreferences.parse(request.preferredChannel(),
                request.accessibleFormat(), request.language(), request.askedNotToBeContactedOn(),
                LocalDate.now(clock)), caller, purpose);
        return HttpResponse.noContent();
    }
}
