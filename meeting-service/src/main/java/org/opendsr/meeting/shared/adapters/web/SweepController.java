package org.opendsr.meeting.shared.adapters.web;

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
import org.opendsr.meeting.shared.application.MeetingAccess;
import org.opendsr.kit.sweep.SweepingDueDates;

@Controller("/meetings/sweeps")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Due dates")
public class SweepController {

    private final SweepingDueDates sweeping;
    private final MeetingAccess access;

    public SweepController(SweepingDueDates sweeping, MeetingAccess access) {
        this.sweeping = sweeping;
        this.access = access;
    }

    @Post
    @Secured(DsrRoles.DSR_LEAD)
    @Operation(summary = "Assemble due agendas and mark overdue actions now (a lead; it also runs every few minutes)",
            description = "Assembles every agenda past its cut-off and announces each newly overdue action once; running it again announces nothing "
                    + "twice. Answers how many changed, per sweep. No personal data.")
    public Map<String, Integer> sweep(Caller caller) {
        access.auditedAction(caller, "RAN", "due-date sweep");
        return sweeping.sweepNow();
    }
}
