package org.opendsr.referral.register.adapters.web;

import java.util.UUID;

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
import org.opendsr.contracts.referral.RemovalReason;
import org.opendsr.contracts.referral.ResponsibilityChange;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.referral.worklists.application.Listings;
import org.opendsr.referral.worklists.application.ListingForTheDsrTeam;
import org.opendsr.referral.register.application.NoticingEighteenthBirthdays;
import org.opendsr.referral.register.application.NoticingSixteenthBirthdays;
import org.opendsr.referral.shared.application.ReferralSettings;
import org.opendsr.referral.register.application.RegisterChanges;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.register.domain.RegisterStatus;
import org.opendsr.kit.access.Caller;
import org.opendsr.referral.access.adapters.web.Purposes;
import org.opendsr.referral.shared.adapters.web.Paged;
import org.opendsr.referral.shared.application.PageRequest;
import org.opendsr.referral.shared.adapters.web.QueryValues;
import org.opendsr.kit.web.NotBlankWhenGiven;

/** The register: who is on it, removal with a reason, and who is responsible for each entry. */
@Controller("/register")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Register")
public class RegisterController {

    @Serdeable
    @Schema(name = "Removal")
    record RemovalRequest(@NotNull @Schema(description = "STEPPED_DOWN, MOVED_OUT_OF_AREA, DIED or OTHER; consent"
            + " removals follow consent-service") RemovalReason reason, @Nullable @Size(max = 4000) String notes) {
        @Override
        public String toString() {
            return "RemovalRequest[" + reason + ", notes redacted]";
        }
    }

    @Serdeable
    @Schema(name = "ResponsibilityChange")
    record ResponsibilityRequest(@NotNull ResponsibilityChange change,
                                 @Nullable @NotBlankWhenGiven @Size(max = 200)
                                 @Schema(description = "The DSR user id; for ALLOCATED")
                                 String responsibleProfessional) {
    }

    private final ListingForTheDsrTeam listing;
    private final RegisterChanges changes;
    private final NoticingEighteenthBirthdays eighteenthBirthdays;
    private final NoticingSixteenthBirthdays sixteenthBirthdays;
    private final ReferralSettings settings;

    public RegisterController(ListingForTheDsrTeam listing, RegisterChanges changes,
                              NoticingEighteenthBirthdays eighteenthBirthdays,
                              NoticingSixteenthBirthdays sixteenthBirthdays, ReferralSettings settings) {
        this.listing = listing;
        this.changes = changes;
        this.eighteenthBirthdays = eighteenthBirthdays;
        this.sixteenthBirthdays = sixteenthBirthdays;
        this.settings = settings;
    }

    @Get
    @Secured({DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
    @Operation(summary = "The register listing: people by status, locality, responsible professional and overdue"
            + " first contact, by family name", description = "Without a status, the DSR's current work: people ON_REGISTER"
            + " and people REFERRED (waiting for an outcome). People REMOVED (with removedOn and removalReason from"
            + " their latest register entry) or NOT_ACCEPTED are listed when asked for by status.")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public Paged<Listings.RegisterLine> register(@Nullable @QueryValue String locality,
                                                  @Nullable @QueryValue @Parameter(description = "ON_REGISTER,"
                                                          + " REFERRED, REMOVED or NOT_ACCEPTED; by default ON_REGISTER"
                                                          + " and REFERRED together") RegisterStatus status,
                                                  @Nullable @QueryValue String responsibleProfessional,
                                                  @Nullable @QueryValue String overdueContact,
                                                  @Nullable @QueryValue @Parameter(description = "The next of the"
                                                          + " page before; leave out for the first page") String after,
                                                  @QueryValue(defaultValue = "20") @Min(1) @Max(PageRequest.MAX_LIMIT) int limit,
                                                  @Nullable @QueryValue @Parameter(hidden = true) String page,
                                                  Caller caller) {
        if (locality != null && !settings.getLocalities().contains(locality)
                && !ReferralSettings.OUT_OF_AREA.equals(locality)) {
            throw RuleBroken.invalid("locality", "must be one of " + settings.getLocalities() + " or "
                    + ReferralSettings.OUT_OF_AREA);
        }
        return Paged.of(listing.register(new Listings.RegisterFilter(locality, status == null ? null : status.name(),
                        responsibleProfessional, QueryValues.trueOrFalse("overdueContact", overdueContact)),
                Paged.request(after, limit, page), caller, Purposes.stated(caller, AccessPurpose.REGISTER_MANAGEMENT)));
    }

    @Post("/{registerEntryId}/removal")
    @Secured({DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
    @Operation(summary = "Remove a person from the register with the reason")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public RegisterChanges.EntryState remove(@PathVariable UUID registerEntryId, @Valid @Body RemovalRequest request,
                                             Caller caller) {
        return changes.remove(registerEntryId, request.reason(), request.notes(), caller,
                Purposes.stated(caller, AccessPurpose.REGISTER_MANAGEMENT));
    }

    @Post("/{registerEntryId}/responsible-professional")
    @Secured({DsrRoles.PROFESSIONAL, DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
    @Operation(summary = "Allocate a responsible professional (DSR team), or record that they discharged the person"
            + " or left (they or the DSR team): the entry then waits on the re-allocation worklist")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public RegisterChanges.EntryState responsibility(@PathVariable UUID registerEntryId,
                                                     @Valid @Body ResponsibilityRequest request,
                                                     Caller caller) {
        return changes.changeResponsibility(registerEntryId, request.change(), request.responsibleProfessional(),
                caller, Purposes.stated(caller, AccessPurpose.REGISTER_MANAGEMENT));
    }

    @Post("/age-milestones")
    @Secured({DsrRoles.DSR_LEAD, DsrRoles.ADMIN})
    @Operation(summary = "Run today's 18th- and 16th-birthday checks now (they also run daily at 00:30); safe to repeat")
    public AgeMilestonesRun ageMilestones() {
        return AgeMilestonesRun.of(eighteenthBirthdays.run(), sixteenthBirthdays.run());
    }
}
