package org.opendsr.referral.notifications.adapters.web;

import java.time.Instant;
import java.time.LocalDate;
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
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.referral.access.adapters.web.Purposes;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.notifications.application.ReferralOutcomesToTell;
import org.opendsr.referral.notifications.application.WorkingReferralOutcomes;
import org.opendsr.referral.notifications.domain.ReferralOutcomeToTell;
import org.opendsr.referral.shared.adapters.web.Paged;
import org.opendsr.referral.shared.application.PageRequest;

/**
 * Referral outcomes not told to the referrer within 2 working days (issue 15): for the DSR team of the area the
 * referral was decided in, and leads, to tell the referrer another way and record it. Everyone else: 403.
 */
@Controller("/worklists/referral-outcomes-untold")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
@Tag(name = "Worklists")
@SerdeImport(ReferralOutcomesToTell.Line.class)
public class ReferralOutcomesUntoldController {

    @Serdeable
    @Schema(name = "ReferrerToldRequest")
    public record ToldRequest(
            @NotNull @Schema(description = "PHONE, LETTER_BY_HAND, IN_PERSON or EMAIL_OUTSIDE_DSR")
            ReferralOutcomeToTell.WayOfTelling how,
            @Nullable @Schema(description = "When they were told; leave out for now. Never in the future")
            Instant toldAt) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "ReferrerTold")
    public record ToldView(UUID referralId, UUID personId, String area, LocalDate dueOn, String how, String toldBy,
                           Instant toldAt, String recordedBy, Instant recordedAt) {
        static ToldView of(ReferralOutcomeToTell outcome) {
            ReferralOutcomeToTell.ToldAnotherWay told = outcome.told();
            return new ToldView(outcome.referralId(), outcome.personId(), outcome.area(), outcome.dueOn(),
                    told.how().name(), told.toldBy(), told.toldAt(), told.recordedBy(), told.recordedAt());
        }
    }

    private final WorkingReferralOutcomes working;

    public ReferralOutcomesUntoldController(WorkingReferralOutcomes working) {
        this.working = working;
    }

    @Get
    @Operation(summary = "Decided referrals whose outcome has not reached the referrer (message still being tried,"
            + " failed for good, or none) and is due today or late, or failed for good; with the due day and whether"
            + " late; oldest decision first")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public Paged<ReferralOutcomesToTell.Line> untold(
            @Nullable @QueryValue @Parameter(description = "The next of the page before; leave out for the first page")
            String after,
            @QueryValue(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_LIMIT) int limit,
            Caller caller) {
        return Paged.of(working.untold(Paged.request(after, limit, null), caller,
                Purposes.stated(caller, AccessPurpose.REFERRAL_MANAGEMENT)));
    }

    @Post("/{referralId}/told")
    @Operation(summary = "Record that the referrer was told the outcome another way (how, when; who is the caller):"
            + " off the worklist. The same way again changes nothing; another way is 409")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public ToldView told(@PathVariable UUID referralId, @Valid @Body ToldRequest request, Caller caller) {
        return ToldView.of(working.told(referralId, request.how(), request.toldAt(), caller,
                Purposes.stated(caller, AccessPurpose.REFERRAL_MANAGEMENT)));
    }
}
