package org.opendsr.referral.audit.adapters.web;

import io.micronaut.core.annotation.Nullable;
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
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.audit.AuditPage;
import org.opendsr.kit.audit.ChainCheck;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.referral.access.adapters.web.Purposes;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.audit.application.ReviewingTheAudit;

/**
 * A DSR lead's review of the audit: everything one user did or tried (a person's trail is at
 * {@code /people/{personId}/audit}), and the check that the trail is as it was written.
 */
@Controller("/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(DsrRoles.DSR_LEAD)
@Tag(name = "Audit")
public class AuditController {

    private final ReviewingTheAudit reviewing;

    public AuditController(ReviewingTheAudit reviewing) {
        this.reviewing = reviewing;
    }

    @Get("/users/{subject}")
    @Operation(summary = "Everything one user (their token's subject) read, changed or tried, newest first, with the"
            + " gateway's access records; page on with before=nextBefore")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public AuditPage user(@PathVariable @Size(min = 1, max = 255) String subject,
                          @QueryValue @Nullable @Min(1) Long before,
                          @QueryValue(defaultValue = "50") @Min(1) @Max(AuditPage.MAX_SIZE) int size,
                          Caller caller) {
        return reviewing.ofUser(subject, before, size, caller, Purposes.stated(caller, AccessPurpose.AUDIT_REVIEW));
    }

    @Post("/chain-check")
    @Operation(summary = "Check now that the audit trail is as it was written (it is also checked daily): intact,"
            + " or the first broken chain position and what is wrong there")
    public ChainCheck checkTheChain(Caller caller) {
        return reviewing.checkTheChain(caller);
    }
}
