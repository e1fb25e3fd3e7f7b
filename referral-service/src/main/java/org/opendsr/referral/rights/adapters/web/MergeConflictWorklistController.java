package org.opendsr.referral.rights.adapters.web;

import java.util.List;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.referral.access.adapters.web.Purposes;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.rights.application.MergingPeople;

/** The DSR team's worklist of details merged records disagreed on, for the people of their areas (a lead: all). */
@Controller("/worklists/people/merge-conflicts")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
@Tag(name = "Worklists")
public class MergeConflictWorklistController {

    private final MergingPeople merging;

    public MergeConflictWorklistController(MergingPeople merging) {
        this.merging = merging;
    }

    @Get
    @Operation(summary = "Open merge conflicts, oldest first; settle each at"
            + " /people/{personId}/merge-conflicts/{conflictId}/settlement")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public List<DataSubjectRightsController.MergeConflictView> open(
            @QueryValue(defaultValue = "50") @Min(1) @Max(200) int limit, Caller caller) {
        return merging.openConflicts(limit, caller, Purposes.stated(caller, AccessPurpose.DATA_QUALITY)).stream()
                .map(DataSubjectRightsController.MergeConflictView::of).toList();
    }
}
