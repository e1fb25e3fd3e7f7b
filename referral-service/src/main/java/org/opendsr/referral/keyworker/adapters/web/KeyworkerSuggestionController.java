package org.opendsr.referral.keyworker.adapters.web;

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
import org.opendsr.referral.keyworker.application.KeyworkerSuggestions;
import org.opendsr.referral.keyworker.application.WorkingKeyworkerSuggestions;
import org.opendsr.referral.keyworker.domain.KeyworkerSuggestion;
import org.opendsr.referral.shared.adapters.web.Paged;
import org.opendsr.referral.shared.application.PageRequest;

/**
 * The keyworker-suggestions worklist (issue 15): each keyworker referral the DSR suggested, until the DSR team (on
 * the keyworker service's behalf: there is no keyworker-team role) records its outcome. Only the DSR team and leads;
 * {@link WorkingKeyworkerSuggestions} says who sees which suggestion.
 */
@Controller("/worklists/keyworker-suggestions")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
@Tag(name = "Worklists")
@SerdeImport(KeyworkerSuggestions.Line.class)
public class KeyworkerSuggestionController {

    @Serdeable
    @Schema(name = "KeyworkerSuggestionOutcomeRequest")
    public record OutcomeRequest(
            @NotNull @Schema(description = "REFERRED, DECLINED_BY_FAMILY or NOT_NEEDED")
            KeyworkerSuggestion.Decision outcome,
            @Nullable @NotBlankWhenGiven @Size(max = 2000)
            @Schema(description = "The family's answer, in their words: required for DECLINED_BY_FAMILY only")
            String familyAnswer,
            @Nullable @Schema(description = "Why no referral is needed: required for NOT_NEEDED only")
            KeyworkerSuggestion.NotNeededReason notNeededReason) {
        @Override
        public String toString() {
            return "OutcomeRequest[" + outcome + ", family's answer redacted]";
        }
    }

    /** A suggestion and its outcome (the family's answer is not echoed back). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "KeyworkerSuggestionOutcome")
    public record OutcomeView(UUID suggestionId, UUID personId, String reason, Instant suggestedAt,
                              @Nullable String outcome, @Nullable String notNeededReason,
                              @Nullable String recordedBy, @Nullable Instant recordedAt) {
        static OutcomeView of(KeyworkerSuggestion suggestion) {
            KeyworkerSuggestion.Outcome outcome = suggestion.outcome();
            return new OutcomeView(suggestion.id(), suggestion.personId(), suggestion.reason(),
                    suggestion.suggestedAt(), outcome == null ? null : outcome.decision().name(),
                    outcome == null || outcome.notNeededReason() == null ? null : outcome.notNeededReason().name(),
                    outcome == null ? null : outcome.recordedBy(), outcome == null ? null : outcome.recordedAt());
        }
    }

    static final String AFTER = "The next of the page before; leave out for the first page";

    private final WorkingKeyworkerSuggestions working;

    public KeyworkerSuggestionController(WorkingKeyworkerSuggestions working) {
        this.working = working;
    }

    @Get
    @Operation(summary = "Keyworker referrals suggested and still without an outcome, oldest first")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public Paged<KeyworkerSuggestions.Line> open(@Nullable @QueryValue @Parameter(description = AFTER) String after,
                                                 @QueryValue(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_LIMIT) int limit,
                                                 Caller caller) {
        return Paged.of(working.open(Paged.request(after, limit, null), caller,
                Purposes.stated(caller, AccessPurpose.REGISTER_MANAGEMENT)));
    }

    @Post("/{suggestionId}/outcome")
    @Operation(summary = "Record the suggestion's outcome: REFERRED, DECLINED_BY_FAMILY (with the family's answer) or"
            + " NOT_NEEDED (with a reason code); the same outcome again changes nothing, another is 409")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public OutcomeView recordOutcome(@PathVariable UUID suggestionId, @Valid @Body OutcomeRequest request,
                                     Caller caller) {
        return OutcomeView.of(working.recordOutcome(suggestionId, request.outcome(), request.familyAnswer(),
                request.notNeededReason(), caller, Purposes.stated(caller, AccessPurpose.REGISTER_MANAGEMENT)));
    }
}
