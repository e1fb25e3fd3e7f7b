package org.opendsr.referral.worklists.adapters.web;

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
import jakarta.validation.constraints.NotNull;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.referral.worklists.application.Listings;
import org.opendsr.referral.worklists.application.ListingForTheDsrTeam;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.kit.access.Caller;
import org.opendsr.referral.access.adapters.web.Purposes;
import org.opendsr.referral.shared.adapters.web.Listed;
import org.opendsr.referral.shared.adapters.web.QueryValues;

/** The DSR team's worklists: first contact due and overdue, entries to re-allocate, possible duplicates. */
@Controller("/worklists")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
@Tag(name = "Worklists")
public class WorklistController {

    @Serdeable
    @Schema(name = "DuplicateResolution")
    record ResolutionRequest(@NotNull ListingForTheDsrTeam.DuplicateResolution outcome) {
    }

    private final ListingForTheDsrTeam listing;

    public WorklistController(ListingForTheDsrTeam listing) {
        this.listing = listing;
    }

    @Get("/referrals/first-contact")
    @Operation(summary = "Referrals waiting for first contact, soonest due first; overdue=true for the overdue only,"
            + " false for those still in time")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public Listed<Listings.AwaitingContact> firstContact(@Nullable @QueryValue String overdue,
                                                         @QueryValue(defaultValue = "0") @Min(0) @Max(100000) int page,
                                                         @QueryValue(defaultValue = "50") @Min(1) @Max(200) int size,
                                                         Caller caller) {
        return Listed.of(listing.awaitingFirstContact(QueryValues.trueOrFalse("overdue", overdue), page, size, caller,
                Purposes.stated(caller, AccessPurpose.REFERRAL_MANAGEMENT)));
    }

    @Get("/register/unallocated")
    @Operation(summary = "Register entries without a responsible professional, longest waiting first")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public Listed<Listings.Unallocated> unallocated(@QueryValue(defaultValue = "0") @Min(0) @Max(100000) int page,
                                                    @QueryValue(defaultValue = "50") @Min(1) @Max(200) int size,
                                                    Caller caller) {
        return Listed.of(listing.unallocated(page, size, caller,
                Purposes.stated(caller, AccessPurpose.REGISTER_MANAGEMENT)));
    }

    @Get("/people/possible-duplicates")
    @Operation(summary = "People with the same name and date of birth and no shared NHS number, for the DSR team to"
            + " decide (never merged silently)")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public Listed<Listings.DuplicateFlag> possibleDuplicates(@QueryValue(defaultValue = "0") @Min(0) @Max(100000) int page,
                                                             @QueryValue(defaultValue = "50") @Min(1) @Max(200) int size,
                                                             Caller caller) {
        return Listed.of(listing.possibleDuplicates(page, size, caller,
                Purposes.stated(caller, AccessPurpose.DATA_QUALITY)));
    }

    @Post("/people/possible-duplicates/{flagId}/resolution")
    @Operation(summary = "Record the DSR team's decision: DIFFERENT_PEOPLE, or SAME_PERSON (merged by hand)")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public HttpResponse<Void> resolve(@PathVariable UUID flagId, @Valid @Body ResolutionRequest request,
                                      Caller caller) {
        listing.resolvePossibleDuplicate(flagId, request.outcome(), caller,
                Purposes.stated(caller, AccessPurpose.DATA_QUALITY));
        return HttpResponse.noContent();
    }
}
