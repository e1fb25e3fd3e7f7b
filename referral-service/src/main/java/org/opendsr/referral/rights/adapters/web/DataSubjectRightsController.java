package org.opendsr.referral.rights.adapters.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
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
import jakarta.validation.constraints.NotNull;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.referral.access.adapters.web.Purposes;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.rights.application.MergingPeople;
import org.opendsr.referral.rights.application.RecordingObjections;
import org.opendsr.referral.rights.application.RestrictingProcessing;
import org.opendsr.referral.rights.application.SettlingMergeConflicts;
import org.opendsr.referral.rights.domain.MergeConflict;
import org.opendsr.referral.rights.domain.Objection;
import org.opendsr.referral.rights.domain.ObjectionDecision;
import org.opendsr.referral.rights.domain.ObjectionGround;
import org.opendsr.referral.rights.domain.ProcessingRestriction;

/**
 * A person's data protection rights as the DSR team keeps them: restriction of processing (UK GDPR Article 18), the
 * record of objections (Article 21), and the details two merged records disagreed on. Only the DSR team of the
 * person's area and leads: anyone else who may read the person is refused (403), anyone who may not is told there is
 * no such person (404). A merged-away personId is taken as its survivor's. Every read and change is audited.
 */
@Controller("/people")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
@Tag(name = "Data protection rights")
public class DataSubjectRightsController {

    @Serdeable
    @Schema(name = "ProcessingRestrictionRequest")
    public record RestrictionRequest(@NotNull Boolean restricted,
                                     @Nullable @Schema(description = "Needed to restrict: which Article 18 ground")
                                     String reason) {
        @Override
        public String toString() {
            return "RestrictionRequest[restricted=" + restricted + ", reason redacted]";
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "ProcessingRestriction")
    public record RestrictionView(UUID personId, boolean restricted, @Nullable String reason,
                                  @Nullable Instant changedAt, @Nullable String changedBy) {
        static RestrictionView of(ProcessingRestriction restriction) {
            return new RestrictionView(restriction.personId(), restriction.restricted(), restriction.reason(),
                    restriction.changedAt(), restriction.changedBy());
        }
    }

    @Serdeable
    @Schema(name = "ObjectionRequest")
    public record ObjectionRequest(@NotNull LocalDate receivedOn,
                                   @NotNull @Schema(allowableValues = {"BEING_ON_THE_REGISTER", "SHARING_WITH_AGENCIES",
                                           "CONTACT_FROM_THE_DSR", "USE_IN_REPORTING", "OTHER"}) String objectsTo,
                                   @Nullable @Schema(description = "The person's words; needed with OTHER")
                                   String details,
                                   @Nullable @Schema(description = "None while it is being considered",
                                           allowableValues = {"UPHELD", "NOT_UPHELD"}) String decision) {
        @Override
        public String toString() {
            return "ObjectionRequest[" + objectsTo + ", details redacted]";
        }
    }

    @Serdeable
    @Schema(name = "ObjectionDecisionRequest")
    public record DecisionRequest(@NotNull @Schema(allowableValues = {"UPHELD", "NOT_UPHELD"}) String decision) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "Objection")
    public record ObjectionView(UUID objectionId, UUID personId, LocalDate receivedOn, String objectsTo,
                                @Nullable String details, @Nullable String decision, @Nullable String decidedBy,
                                @Nullable Instant decidedAt, String recordedBy, Instant recordedAt) {
        static ObjectionView of(Objection objection) {
            return new ObjectionView(objection.id(), objection.personId(), objection.receivedOn(),
                    objection.objectsTo().name(), objection.details(),
                    objection.decision() == null ? null : objection.decision().name(), objection.decidedBy(),
                    objection.decidedAt(), objection.recordedBy(), objection.recordedAt());
        }

        @Override
        public String toString() {
            return "ObjectionView[objectionId=" + objectionId + ", details redacted]";
        }
    }

    @Serdeable
    @Schema(name = "MergeConflictSettlement")
    public record SettlementRequest(@NotNull @Schema(allowableValues = {"KEEP_SURVIVOR", "TAKE_MERGED"})
                                    String settlement) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "MergeConflict")
    public record MergeConflictView(UUID conflictId, UUID personId, UUID mergedPersonId, String field,
                                    @Nullable String survivorValue, @Nullable String mergedValue, Instant raisedAt,
                                    @Nullable String settlement, @Nullable String settledBy,
                                    @Nullable Instant settledAt) {
        public static MergeConflictView of(MergeConflict conflict) {
            return new MergeConflictView(conflict.id(), conflict.survivor(), conflict.mergedPerson(),
                    conflict.field().fieldName(), conflict.survivorValue(), conflict.mergedValue(),
                    conflict.raisedAt(), conflict.settlement() == null ? null : conflict.settlement().name(),
                    conflict.settledBy(), conflict.settledAt());
        }

        @Override
        public String toString() {
            return "MergeConflictView[conflictId=" + conflictId + ", values redacted]";
        }
    }

    private final RestrictingProcessing restricting;
    private final RecordingObjections objections;
    private final MergingPeople merging;
    private final SettlingMergeConflicts settling;

    public DataSubjectRightsController(RestrictingProcessing restricting, RecordingObjections objections,
                                       MergingPeople merging, SettlingMergeConflicts settling) {
        this.restricting = restricting;
        this.objections = objections;
        this.merging = merging;
        this.settling = settling;
    }

    @Put("/{personId}/processing-restriction")
    @Operation(summary = "Restrict processing of the person's data (UK GDPR Article 18), or lift the restriction",
            description = "While restricted nothing about the person is sent (queued messages are withheld with"
                    + " PROCESSING_RESTRICTED) and non-essential processing stops; publishes"
                    + " dsr.person.processing-restricted.v1 when it changes")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public RestrictionView restrict(@PathVariable UUID personId, @Valid @Body RestrictionRequest request,
                                    Caller caller) {
        return RestrictionView.of(restricting.change(personId, request.restricted(), request.reason(), caller,
                Purposes.stated(caller, AccessPurpose.REGISTER_MANAGEMENT)));
    }

    @Get("/{personId}/processing-restriction")
    @Operation(summary = "Whether processing of the person's data is restricted, why, since when and by whom")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public RestrictionView restriction(@PathVariable UUID personId, Caller caller) {
        return RestrictionView.of(restricting.of(personId, caller,
                Purposes.stated(caller, AccessPurpose.REGISTER_MANAGEMENT)));
    }

    @Post("/{personId}/objections")
    @Operation(summary = "Record an objection to processing (UK GDPR Article 21), with the decision if made")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public HttpResponse<ObjectionView> object(@PathVariable UUID personId, @Valid @Body ObjectionRequest request,
                                              Caller caller) {
        AccessPurpose purpose = Purposes.stated(caller, AccessPurpose.REGISTER_MANAGEMENT);
        Objection recorded = objections.record(personId, request.receivedOn(),
                valueOf(ObjectionGround.class, "objectsTo", request.objectsTo()), request.details(),
                request.decision() == null ? null : valueOf(ObjectionDecision.class, "decision", request.decision()),
                caller, purpose);
        return HttpResponse.created(ObjectionView.of(recorded),
                URI.create("/people/" + recorded.personId() + "/objections/" + recorded.id()));
    }

    @Get("/{personId}/objections")
    @Operation(summary = "The person's objections and the decisions on them, received first first")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public List<ObjectionView> objections(@PathVariable UUID personId, Caller caller) {
        return objections.of(personId, caller, Purposes.stated(caller, AccessPurpose.REGISTER_MANAGEMENT)).stream()
                .map(ObjectionView::of).toList();
    }

    @Post("/{personId}/objections/{objectionId}/decision")
    @Operation(summary = "Record the decision on an objection still being considered (409 if decided already)")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public ObjectionView decide(@PathVariable UUID personId, @PathVariable UUID objectionId,
                                @Valid @Body DecisionRequest request, Caller caller) {
        return ObjectionView.of(objections.decide(personId, objectionId,
                valueOf(ObjectionDecision.class, "decision", request.decision()), caller,
                Purposes.stated(caller, AccessPurpose.REGISTER_MANAGEMENT)));
    }

    @Get("/{personId}/merge-conflicts")
    @Operation(summary = "Details two merged records disagreed on, open ones first, for the DSR team to settle")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public List<MergeConflictView> mergeConflicts(@PathVariable UUID personId, Caller caller) {
        return merging.conflictsOf(personId, caller, Purposes.stated(caller, AccessPurpose.DATA_QUALITY)).stream()
                .map(MergeConflictView::of).toList();
    }

    @Post("/{personId}/merge-conflicts/{conflictId}/settlement")
    @Operation(summary = "Settle a merge conflict: KEEP_SURVIVOR, or TAKE_MERGED (written onto the record as any"
            + " correction, checked and audited)")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public MergeConflictView settle(@PathVariable UUID personId, @PathVariable UUID conflictId,
                                    @Valid @Body SettlementRequest request, Caller caller) {
        return MergeConflictView.of(settling.settle(personId, conflictId,
                valueOf(MergeConflict.Settlement.class, "settlement", request.settlement()), caller,
                Purposes.stated(caller, AccessPurpose.DATA_QUALITY)));
    }

    static <E extends Enum<E>> E valueOf(Class<E> type, String field, String text) {
        try {
            return Enum.valueOf(type, text.trim());
        } catch (IllegalArgumentException unknown) {
            throw RuleBroken.invalid(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
