package org.opendsr.risk.shared.adapters.web;

import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.audit.AuditPage;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.risk.shared.application.ReviewingTheAudit;

@Controller("/ratings/people/{personId}/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Audit")
public class RiskAuditController {

    private final ReviewingTheAudit reviewing;

    public RiskAuditController(ReviewingTheAudit reviewing) {
        this.reviewing = reviewing;
    }

    @Get
    @Secured(DsrRoles.DSR_LEAD)
    @Operation(summary = "Who read, changed or tried to read or change a person's ratings, assessments, updates and "
            + "obligations, newest first (a lead); page on with before=nextBefore",
            description = "Refusals included. The review itself is audited.")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public AuditPage person(@PathVariable UUID personId, @QueryValue @Nullable Long before,
                            @QueryValue @Nullable Integer size, Caller caller) {
        return reviewing.ofPerson(personId, before, size == null ? 50 : size, caller);
    }
}
