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
import org.opendsr.referral.rights.application.MergingPeople;
import org.opendsr.referral.worklists.application.Listings;
import org.opendsr.referral.worklists.application.ListingForTheDsrTeam;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.kit.access.Caller;
import org.opendsr.referral.access.adapters.web.Purposes;
import org.opendsr.referral.shared.adapters.web.Paged;
import org.opendsr.referral.shared.application.PageRequest;
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

    static final String AFTER = "The next of the page before; leave out for the first page";

    /** What a resolution as the same person did: which record survived, which was merged into it. */
    @Serdeable
    @Schema(name = "PersonMergeOutcome")
    record MergedView(UUID personId, UUID mergedPersonId, int conflictsToSettle) {
    }

    private final ListingForTheDsrTeam listing;
    private final MergingPeople merging;

    public WorklistController(ListingForTheDsrTeam listing, MergingPeople merging) {
        this.listing = listing;
        this.merging = merging;
    }

    @Get("/referrals/first-contact")
    @Operation(summary = "Referrals waiting for first contact, soonest due first; overdue=true for the overdue only,"
            + " false for those still in time")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public Paged<Listings.AwaitingContact> firstContact(@Nullable @QueryValue String overdue,
                                                        @Nullable @QueryValue @Parameter(description = AFTER) String after,
                                                        @QueryValue(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_LIMIT) int limit,
                                                        @Nullable @QueryValue @Parameter(hidden = true) String page,
                                                        Caller caller) {
        return Paged.of(listing.awaitingFirstContact(QueryValues.trueOrFalse("overdue", overdue),
                Paged.request(after, limit, page), caller, Purposes.stated(caller, AccessPurpose.REFERRAL_MANAGEMENT)));
    }

    @Get("/register/unallocated")
    @Operation(summary = "Register entries without a responsible professional, longest waiting first")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public Paged<Listings.Unallocated> unallocated(@Nullable @QueryValue @Parameter(description = AFTER) String after,
                                                   @QueryValue(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_LIMIT) int limit,
                                                   @Nullable @QueryValue @Parameter(hidden = true) String page,
                                                   Caller caller) {
        return Paged.of(listing.unallocated(Paged.request(after, limit, page), caller,
                Purposes.stated(caller, AccessPurpose.REGISTER_MANAGEMENT)));
    }

    @Get("/people/possible-duplicates")
    @Operation(summary = "People with the same name and date of birth and no shared NHS number, for the DSR team to"
            + " decide (never merged silently)")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public Paged<Listings.DuplicateFlag> possibleDuplicates(@Nullable @QueryValue @Parameter(description = AFTER) String after,
                                                            @QueryValue(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_LIMIT) int limit,
                                                            @Nullable @QueryValue @Parameter(hidden = true) String page,
                                                            Caller caller) {
        return Paged.of(listing.possibleDuplicates(Paged.request(after, limit, page), caller,
                Purposes.stated(caller, AccessPurpose.DATA_QUALITY)));
    }

    @Post("/people/possible-duplicates/{flagId}/resolution")
    @Operation(summary = "Record the DSR team's decision: DIFFERENT_PEOPLE (204), or SAME_PERSON: the records are"
            + " merged (200 PersonMergeOutcome)",
            description = "SAME_PERSON merges the two records: the one on the register survives, else the older one;"
                    + " the other's referrals, register entries, contacts, key professionals, care team,"
                    + " notifications and audit move onto it; details that differ wait in"
                    + " /people/{personId}/merge-conflicts. 409 both-on-the-register when both have an open register"
                    + " entry (remove the duplicate entry first). Publishes dsr.person.merged.v1 and the survivor's"
                    + " dsr.person.care-team-changed.v1. Only the DSR team of both people's areas, or a lead.")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public HttpResponse<MergedView> resolve(@PathVariable UUID flagId, @Valid @Body ResolutionRequest request,
                                            Caller caller) {
        AccessPurpose purpose = Purposes.stated(caller, AccessPurpose.DATA_QUALITY);
        if (request.outcome() == ListingForTheDsrTeam.DuplicateResolution.SAME_PERSON) {
            MergingPeople.Merged merged = merging.resolveAsSamePerson(flagId, caller, purpose);
            return HttpResponse.ok(new MergedView(merged.survivor(), merged.mergedAway(), merged.conflicts()));
        }
        listing.resolvePossibleDuplicate(flagId, request.outcome(), caller, purpose);
        return HttpResponse.noContent();
    }
}
