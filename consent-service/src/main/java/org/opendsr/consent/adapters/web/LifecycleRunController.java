package org.opendsr.consent.adapters.web;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.opendsr.consent.application.RunningConsentLifecycle;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.kit.access.Caller;

/** Runs the daily consent lifecycle job now, e.g. after a missed night or to see a change at once. */
@Controller("/consents/lifecycle-runs")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Consent lifecycle")
public class LifecycleRunController {

    private final RunningConsentLifecycle lifecycle;

    public LifecycleRunController(RunningConsentLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Post
    @Secured({DsrRoles.DSR_LEAD, DsrRoles.ADMIN})
    @Operation(summary = "Run the daily consent lifecycle now and say what it moved",
            description = "Moves consents to renewal due, overdue or lapsed as their dates say and sends the reminders "
                    + "due today. Running it again the same day changes nothing.")
    public LifecycleRunView run(Caller caller) {
        return LifecycleRunView.of(lifecycle.run(caller.userId()));
    }
}
