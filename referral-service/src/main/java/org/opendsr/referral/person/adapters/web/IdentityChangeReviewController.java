package org.opendsr.referral.person.adapters.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.referral.access.adapters.web.Purposes;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.person.application.ReviewingIdentityChanges;

/** The DSR team's worklist of identity changes professionals asked for: apply or reject each. */
@Controller("/worklists/people/identity-changes")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
@Tag(name = "Worklists")
public class IdentityChangeReviewController {

    /** The identity as it is and as the professional asked for it. */
    @Serdeable
    @Schema(name = "IdentityOfAPerson")
    public record IdentityView(String givenName, String familyName, @Nullable LocalDate dateOfBirth,
                               @Nullable String nhsNumber) {
        @Override
        public String toString() {
            return "IdentityView[personal data redacted]";
        }
    }

    @Serdeable
    @Schema(name = "IdentityChangeToReview")
    public record ChangeView(UUID changeId, UUID personId, String requestedBy, Instant requestedAt,
                             IdentityView current, IdentityView requested,
                             @Nullable @Schema(description = "The person who already holds the requested NHS number,"
                                     + " if anyone: applying is refused until the two records are resolved")
                             UUID nhsNumberHeldBy) {
        @Override
        public String toString() {
            return "ChangeView[changeId=" + changeId + ", personal data redacted]";
        }
    }

    @Serdeable
    @Schema(name = "IdentityChangesToReview")
    public record ChangesView(List<ChangeView> items, @Nullable UUID next) {
    }

    @Serdeable
    @Schema(name = "IdentityChangeRejection")
    public record RejectionRequest(@NotBlank @Size(max = 1000) String reason) {
        @Override
        public String toString() {
            return "RejectionRequest[reason redacted]";
        }
    }

    private final ReviewingIdentityChanges reviewing;

    public IdentityChangeReviewController(ReviewingIdentityChanges reviewing) {
        this.reviewing = reviewing;
    }

    @Get
    @Operation(summary = "Identity changes professionals asked for, oldest first; pass the last changeId as after for"
            + " the next ones")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public ChangesView open(@Nullable @QueryValue UUID after,
                            @QueryValue(defaultValue = "50") @Min(1) @Max(200) int size, Caller caller) {
        List<ChangeView> items = reviewing.open(after, size, caller,
                Purposes.stated(caller, AccessPurpose.DATA_QUALITY)).stream().map(item -> new ChangeView(
                        item.change().id(), item.change().personId(), item.change().requestedBy(),
                        item.change().requestedAt(),
                        new IdentityView(item.person().givenName(), item.person().familyName(),
                                item.person().dateOfBirth(), item.person().nhsNumber()),
                        new IdentityView(item.change().givenName(), item.change().familyName(),
                                item.change().dateOfBirth(), item.change().nhsNumber()),
                        item.nhsNumberHeldBy())).toList();
        return new ChangesView(items, items.size() < size ? null : items.get(items.size() - 1).changeId());
    }

    @Post("/{changeId}/application")
    @Operation(summary = "Apply the change (409 nhs-number-belongs-to-another-person while someone else holds the"
            + " number)")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public HttpResponse<Void> apply(@PathVariable UUID changeId, Caller caller) {
        reviewing.apply(changeId, caller, Purposes.stated(caller, AccessPurpose.DATA_QUALITY));
        return HttpResponse.noContent();
    }

    @Post("/{changeId}/rejection")
    @Operation(summary = "Reject the change with a reason; the record stays as it is")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public HttpResponse<Void> reject(@PathVariable UUID changeId, @Valid @Body RejectionRequest request,
                                     Caller caller) {
        reviewing.reject(changeId, request.reason(), caller, Purposes.stated(caller, AccessPurpose.DATA_QUALITY));
        return HttpResponse.noContent();
    }
}
