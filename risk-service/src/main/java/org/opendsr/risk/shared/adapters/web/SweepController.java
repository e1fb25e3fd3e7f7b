package org.opendsr.risk.shared.adapters.web;

import java.util.Map;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.risk.shared.application.RiskAccess;
import org.opendsr.kit.sweep.SweepingDueDates;

@Controller("/ratings/sweeps")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Due dates")
public class SweepController {

    private final SweepingDueDates sweeping;
    private final RiskAccess access;

    public SweepController(SweepingDueDates sweeping, RiskAccess access) {
        this.sweeping = sweeping;
        this.access = access;
    }

    @Post
    @Secured(DsrRoles.DSR_LEAD)
    @Operation(summary = "Mark overdue updates and obligations now (a lead; it also runs every few minutes)",
            description = "Announces each newly overdue update or obligation once; running it again announces nothing "
                    + "twice. Answers how many became overdue, per kind. No personal data.")
    public Map<String, Integer> sweep(Caller caller) {
        access.auditedAction(caller, "RAN", "due-date sweep");
        return sweeping.sweepNow();
    }
}
