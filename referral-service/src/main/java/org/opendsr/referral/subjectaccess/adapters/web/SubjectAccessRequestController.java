package org.opendsr.referral.subjectaccess.adapters.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.referral.subjectaccess.application.HandlingSubjectAccessRequests;
import org.opendsr.referral.subjectaccess.domain.RequestedBy;
import org.opendsr.referral.subjectaccess.domain.SubjectAccessRequest;

/**
 * Subject access requests (issue 16), for DSR leads: record one, list them with their due dates and export progress,
 * extend one, mark one answered. The export itself is the gateway's ({@code POST /subject-access-requests/{id}/export}
 * composes every service's part), which records here which parts it had ({@code PUT .../progress/{service}}). Any
 * signed-in caller reaches these endpoints so that the refusal of everyone but a lead (403) is decided and audited in
 * one place, {@link HandlingSubjectAccessRequests}.
 */
@Controller("/subject-access-requests")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Subject access")
public class SubjectAccessRequestController {

    @Serdeable
    @Schema(name = "SubjectAccessRequestToRecord")
    public record NewRequest(@NotNull UUID personId,
                             @NotNull @Schema(description = "The day the request was received (the month runs from it)")
                             LocalDate receivedOn,
                             @NotBlank @Schema(description = "Who asked: THE_PERSON, PARENT_FOR_A_CHILD,"
                                     + " DEPUTY_OR_ATTORNEY, SOLICITOR_OR_ADVOCATE or OTHER_AUTHORISED_PERSON")
                             String requestedBy,
                             @Nullable @Size(max = SubjectAccessRequest.MOST_NOTE_LENGTH) String note) {
        @Override
        public String toString() {
            return "NewRequest[personId=" + personId + ", note redacted]";
        }
    }

    @Serdeable
    @Schema(name = "SubjectAccessRequestExtension")
    public record Extension(@Min(1) @Max(2) @Schema(description = "Further months in all (1 or 2)") int months,
                            @NotBlank @Size(max = SubjectAccessRequest.MOST_NOTE_LENGTH) String reason) {
        @Override
        public String toString() {
            return "Extension[months=" + months + ", reason redacted]";
        }
    }

    @Serdeable
    @Schema(name = "SubjectAccessProgress")
    public record ProgressRequest(@NotBlank @Schema(description = "CONTRIBUTED or PENDING") String progress) {
    }

    @Serdeable
    @Schema(name = "SubjectAccessRequestSent")
    public record Sent(@NotNull LocalDate sentOn) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "SubjectAccessContribution")
    public record ContributionView(String service, String progress, @Nullable Instant contributedAt) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "SubjectAccessRequest")
    public record RequestView(UUID requestId, UUID personId, LocalDate receivedOn, String requestedBy,
                              @Nullable String note, LocalDate dueOn, boolean overdue, int extensionMonths,
                              @Nullable String extensionReason,
                              @Schema(description = "OPEN, EXPORTED (every part in) or SENT") String state,
                              @Schema(description = "Each service's part: CONTRIBUTED (when) or PENDING")
                              List<ContributionView> progress, List<String> pending,
                              @Nullable Instant lastExportedAt, @Nullable LocalDate sentOn, Instant recordedAt) {

        static RequestView of(SubjectAccessRequest request, LocalDate today) {
            List<ContributionView> progress = request.progress().entrySet().stream()
                    .map(entry -> new ContributionView(entry.getKey(), entry.getValue() == null
                            ? SubjectAccessRequest.Progress.PENDING.name()
                            : SubjectAccessRequest.Progress.CONTRIBUTED.name(), entry.getValue()))
                    .toList();
            return new RequestView(request.id(), request.personId(), request.receivedOn(),
                    request.requestedBy().name(), request.note(), request.dueOn(), request.overdue(today),
                    request.extensionMonths(), request.extensionReason(), request.state().name(), progress,
                    request.pending(), request.lastExportedAt(), request.sentOn(), request.recordedAt());
        }

        @Override
        public String toString() {
            return "RequestView[requestId=" + requestId + ", note redacted]";
        }
    }

    private final HandlingSubjectAccessRequests handling;

    public SubjectAccessRequestController(HandlingSubjectAccessRequests handling) {
        this.handling = handling;
    }

    @Post
    @Operation(summary = "Record a subject access request a person (or someone for them) made; due one calendar month"
            + " from receipt. A DSR lead only")
    public HttpResponse<RequestView> record(@Valid @Body NewRequest request, Caller caller) {
        RequestedBy requestedBy = parse(RequestedBy.class, "requestedBy", request.requestedBy());
        SubjectAccessRequest recorded = handling.record(request.personId(), request.receivedOn(), requestedBy,
                request.note(), caller);
        return HttpResponse.created(RequestView.of(recorded, handling.today()));
    }

    @Get
    @Operation(summary = "Subject access requests, newest received first, with due date, overdue, state and which"
            + " services have contributed to the export. A DSR lead only")
    public Map<String, List<RequestView>> list(@QueryValue(defaultValue = "false") boolean open,
                                               @QueryValue(defaultValue = "100") @Min(1) @Max(500) int limit,
                                               Caller caller) {
        LocalDate today = handling.today();
        return Map.of("items", handling.list(open, limit, caller).stream()
                .map(request -> RequestView.of(request, today)).toList());
    }

    @Get("/{subjectAccessRequestId}")
    @Operation(summary = "One subject access request. A DSR lead only")
    public RequestView one(@PathVariable("subjectAccessRequestId") UUID requestId, Caller caller) {
        return RequestView.of(handling.one(requestId, caller), handling.today());
    }

    @Post("/{subjectAccessRequestId}/extension")
    @Operation(summary = "Extend the time to answer by 1 or 2 further months in all, with the reason the requester is"
            + " told. A DSR lead only")
    public RequestView extend(@PathVariable("subjectAccessRequestId") UUID requestId, @Valid @Body Extension extension, Caller caller) {
        return RequestView.of(handling.extend(requestId, extension.months(), extension.reason(), caller),
                handling.today());
    }

    @Put("/{subjectAccessRequestId}/progress/{service}")
    @Operation(summary = "Record whether an export had this service's part (the gateway's export records it for each"
            + " service). A DSR lead only")
    public RequestView progress(@PathVariable("subjectAccessRequestId") UUID requestId, @PathVariable String service,
                                @Valid @Body ProgressRequest request, Caller caller) {
        SubjectAccessRequest.Progress progress = parse(SubjectAccessRequest.Progress.class, "progress",
                request.progress());
        return RequestView.of(handling.progressed(requestId, service, progress, caller), handling.today());
    }

    @Post("/{subjectAccessRequestId}/sent")
    @Operation(summary = "Record the day the answer was given to the requester (after a complete export). A DSR lead"
            + " only")
    public RequestView sent(@PathVariable("subjectAccessRequestId") UUID requestId, @Valid @Body Sent sent, Caller caller) {
        return RequestView.of(handling.sent(requestId, sent.sentOn(), caller), handling.today());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(value.strip()))
                .findFirst().orElseThrow(() -> RuleBroken.invalid(field, "must be one of "
                        + Arrays.toString(type.getEnumConstants())));
    }
}
