package org.opendsr.referral.moves.adapters.web;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.SerdeImport;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.kit.web.NotBlankWhenGiven;
import org.opendsr.referral.access.adapters.web.Purposes;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.moves.application.MovesOutOfArea;
import org.opendsr.referral.moves.application.ResolvingMovesOutOfArea;
import org.opendsr.referral.moves.domain.MoveOutOfArea;
import org.opendsr.referral.shared.adapters.web.Paged;
import org.opendsr.referral.shared.application.PageRequest;

/**
 * The moves-out-of-area worklist (issue 15): people on the register who moved out of the ICB's area, for the DSR
 * team of the area they moved from to transfer, remove (through {@code POST /register/{id}/removal}) or keep. Only
 * the DSR team and leads; {@link ResolvingMovesOutOfArea} says which team sees which item.
 */
@Controller("/worklists/moves-out-of-area")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
@Tag(name = "Worklists")
@SerdeImport(MovesOutOfArea.Line.class)
public class MoveOutOfAreaController {

    @Serdeable
    @Schema(name = "MoveOutOfAreaResolutionRequest")
    public record ResolutionRequest(
            @NotNull @Schema(description = "TRANSFERRED, REMOVED_FROM_REGISTER or STAYING")
            MoveOutOfArea.Outcome outcome,
            @Nullable @NotBlankWhenGiven @Size(max = 40)
            @Schema(description = "TRANSFERRED only: the area or ICB now responsible, a code (e.g. an ICB's ODS code)",
                    example = "QOX")
            String transferredTo,
            @Nullable @Schema(description = "STAYING only: why this ICB keeps them")
            MoveOutOfArea.StayingReason stayingReason) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "MoveOutOfAreaResolution")
    public record ResolutionView(UUID moveId, UUID personId, UUID registerEntryId, String fromArea, Instant movedAt,
                                 @Nullable String resolution, @Nullable String transferredTo,
                                 @Nullable String stayingReason, @Nullable String resolvedBy,
                                 @Nullable Instant resolvedAt) {
        static ResolutionView of(MoveOutOfArea move) {
            MoveOutOfArea.Resolution resolved = move.resolution();
            return new ResolutionView(move.id(), move.personId(), move.registerEntryId(), move.fromArea(),
                    move.movedAt(), resolved == null ? null : resolved.outcome().name(),
                    resolved == null ? null : resolved.transferredTo(),
                    resolved == null || resolved.stayingReason() == null ? null : resolved.stayingReason().name(),
                    resolved == null ? null : resolved.resolvedBy(), resolved == null ? null : resolved.resolvedAt());
        }
    }

    static final String AFTER = "The next of the page before; leave out for the first page";

    private final ResolvingMovesOutOfArea resolving;

    public MoveOutOfAreaController(ResolvingMovesOutOfArea resolving) {
        this.resolving = resolving;
    }

    @Get
    @Operation(summary = "People on the register who moved out of area, for the DSR team of the area they moved from;"
            + " oldest move first")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public Paged<MovesOutOfArea.Line> open(@Nullable @QueryValue @Parameter(description = AFTER) String after,
                                           @QueryValue(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_LIMIT) int limit,
                                           Caller caller) {
        return Paged.of(resolving.open(Paged.request(after, limit, null), caller,
                Purposes.stated(caller, AccessPurpose.REGISTER_MANAGEMENT)));
    }

    @Post("/{moveId}/resolution")
    @Operation(summary = "Resolve the move: TRANSFERRED (transferredTo, a code), REMOVED_FROM_REGISTER (after"
            + " POST /register/{registerEntryId}/removal; 409 still-on-register before) or STAYING (stayingReason);"
            + " the same resolution again changes nothing, another is 409")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public ResolutionView resolve(@PathVariable UUID moveId, @Valid @Body ResolutionRequest request, Caller caller) {
        return ResolutionView.of(resolving.resolve(moveId, request.outcome(), request.transferredTo(),
                request.stayingReason(), caller, Purposes.stated(caller, AccessPurpose.REGISTER_MANAGEMENT)));
    }
}
