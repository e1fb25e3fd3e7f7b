package org.opendsr.referral.careteam.adapters.web;

import java.time.Clock;
import java.util.List;
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
import org.opendsr.referral.careteam.adapters.web.CareTeamViews.CareTeamView;
import org.opendsr.referral.careteam.adapters.web.CareTeamViews.Cursor;
import org.opendsr.referral.careteam.adapters.web.CareTeamViews.KeysetPage;
import org.opendsr.referral.careteam.adapters.web.CareTeamViews.MembershipView;
import org.opendsr.referral.careteam.adapters.web.CareTeamViews.RequestView;
import org.opendsr.referral.careteam.application.ManagingCareTeams;
import org.opendsr.referral.careteam.domain.JoinRequest;
import org.opendsr.referral.careteam.domain.Membership;

/**
 * A person's care team (issue 11): who may see the person and why. A professional referrer joins when the DSR team
 * makes first contact about their referral (a referral alone gives its author no access, so a referral for someone
 * already known reveals nothing) and leaves when it is declined or withdrawn or the register entry it opened closes;
 * the responsible professional while the open register entry names them; a key professional only once the DSR team
 * confirms the request that naming them by user id made. E-mails never grant anything.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Care teams")
public class CareTeamController {

    private final ManagingCareTeams managing;
    private final Clock clock;

    public CareTeamController(ManagingCareTeams managing, Clock clock) {
        this.managing = managing;
        this.clock = clock;
    }

    @Get("/people/{personId}/care-team")
    @Secured({DsrRoles.PROFESSIONAL, DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
    @Operation(summary = "The person's care team: current and past memberships (from, to, reason) and pending"
            + " requests to join; for the DSR team of the person's area, leads and current members")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public CareTeamView careTeam(@PathVariable UUID personId, Caller caller) {
        return CareTeamView.of(managing.careTeam(personId, caller, Purposes.stated(caller, AccessPurpose.DIRECT_CARE)),
                clock.instant());
    }

    @Post("/people/{personId}/care-team/{membershipId}/end")
    @Secured({DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
    @Operation(summary = "End a membership with a reason (the DSR team of the person's area, or a lead)")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public MembershipView end(@PathVariable UUID personId, @PathVariable UUID membershipId,
                              @Valid @Body CareTeamViews.ReasonRequest request, Caller caller) {
        return MembershipView.of(managing.end(personId, membershipId, request.reason(), caller,
                Purposes.stated(caller, AccessPurpose.REGISTER_MANAGEMENT)));
    }

    @Post("/people/{personId}/care-team/providing-agencies")
    @Secured({DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
    @Operation(summary = "Record an agency (its agency id) as providing the person's care; end it like any membership")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public MembershipView providingAgency(@PathVariable UUID personId,
                                          @Valid @Body CareTeamViews.ProvidingAgencyRequest request, Caller caller) {
        return MembershipView.of(managing.recordProvidingAgency(personId, request.agencyId(), caller,
                Purposes.stated(caller, AccessPurpose.REGISTER_MANAGEMENT)));
    }

    @Post("/people/{personId}/break-glass")
    @Secured({DsrRoles.PROFESSIONAL, DsrRoles.DSR_TEAM})
    @Operation(summary = "Declare an emergency (break-glass) read of the person's record, with a reason",
            description = "Read only, for a configured time (4 hours by default), audited and listed for a lead to"
                    + " review. Changes stay refused (403).")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public MembershipView breakGlass(@PathVariable UUID personId, @Valid @Body CareTeamViews.ReasonRequest request,
                                     Caller caller) {
        return MembershipView.of(managing.breakGlass(personId, request.reason(), caller,
                Purposes.stated(caller, AccessPurpose.DIRECT_CARE)));
    }

    @Get("/care-team-requests{?after,size}")
    @Secured({DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
    @Operation(summary = "Pending requests to join a care team as a key professional, of the people of your areas,"
            + " oldest first (keyset paged: pass next as after)")
    public KeysetPage<RequestView> requests(@Nullable @QueryValue String after,
                                            @QueryValue(defaultValue = "20") int size, Caller caller) {
        Cursor cursor = Cursor.parse(after);
        List<JoinRequest> page = managing.pendingRequests(caller, cursor == null ? null : cursor.at(),
                cursor == null ? null : cursor.id(), CareTeamViews.size(size));
        JoinRequest last = page.isEmpty() ? null : page.get(page.size() - 1);
        return new KeysetPage<>(page.stream().map(RequestView::of).toList(),
                page.size() < size || last == null ? null : Cursor.of(last.requestedAt(), last.id()));
    }

    @Post("/care-team-requests/{requestId}/confirmation")
    @Secured({DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
    @Operation(summary = "Confirm a request: the professional joins the care team as a key professional",
            description = "By the DSR team of the person's area or a lead; never by the professional named or the"
                    + " one who asked (403).")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public MembershipView confirm(@PathVariable UUID requestId, Caller caller) {
        return MembershipView.of(managing.confirm(requestId, caller,
                Purposes.stated(caller, AccessPurpose.REGISTER_MANAGEMENT)));
    }

    @Post("/care-team-requests/{requestId}/refusal")
    @Secured({DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
    @Operation(summary = "Refuse a request to join a care team")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public void refuse(@PathVariable UUID requestId, Caller caller) {
        managing.refuse(requestId, caller, Purposes.stated(caller, AccessPurpose.REGISTER_MANAGEMENT));
    }

    @Get("/break-glass{?after,size,unreviewed}")
    @Secured({DsrRoles.DSR_LEAD})
    @Operation(summary = "Break-glass reads for a lead to review, newest first (keyset paged: pass next as after)")
    public KeysetPage<MembershipView> breakGlassReads(@Nullable @QueryValue String after,
                                                      @QueryValue(defaultValue = "20") int size,
                                                      @QueryValue(defaultValue = "false") boolean unreviewed,
                                                      Caller caller) {
        Cursor cursor = Cursor.parse(after);
        List<Membership> page = managing.breakGlassReads(caller, unreviewed, cursor == null ? null : cursor.at(),
                cursor == null ? null : cursor.id(), CareTeamViews.size(size));
        Membership last = page.isEmpty() ? null : page.get(page.size() - 1);
        return new KeysetPage<>(page.stream().map(MembershipView::of).toList(),
                page.size() < size || last == null ? null : Cursor.of(last.startedAt(), last.id()));
    }

    @Post("/break-glass/{membershipId}/review")
    @Secured({DsrRoles.DSR_LEAD})
    @Operation(summary = "Mark a break-glass read as reviewed by a lead")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public MembershipView review(@PathVariable UUID membershipId, Caller caller) {
        return MembershipView.of(managing.reviewBreakGlass(membershipId, caller,
                Purposes.stated(caller, AccessPurpose.AUDIT_REVIEW)));
    }
}
