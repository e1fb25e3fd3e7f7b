package org.opendsr.risk.subjectaccess.adapters.web;

import java.util.UUID;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.subjectaccess.SubjectAccessPart;
import org.opendsr.risk.subjectaccess.application.CompilingSubjectAccess;

/**
 * risk-service's part of a subject access export, which the gateway fetches with the lead's token
 * ({@code POST /subject-access-requests/{id}/export}). Any signed-in caller reaches it, so that a refusal (403 for
 * all but a DSR lead) is decided and audited in one place, {@link CompilingSubjectAccess}.
 */
@Controller("/subject-access/" + CompilingSubjectAccess.SERVICE + "/people/{personId}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Subject access")
public class SubjectAccessController {

    private final CompilingSubjectAccess compiling;

    public SubjectAccessController(CompilingSubjectAccess compiling) {
        this.compiling = compiling;
    }

    @Get
    @Operation(summary = "What risk-service holds about the person (ratings and their history, tool assessments,"
            + " updates, obligations, admission status), for their subject access export; a DSR lead only, audited as"
            + " SUBJECT_ACCESS_REQUEST")
    public SubjectAccessPart part(@PathVariable UUID personId, Caller caller) {
        return compiling.partFor(personId, caller);
    }
}
