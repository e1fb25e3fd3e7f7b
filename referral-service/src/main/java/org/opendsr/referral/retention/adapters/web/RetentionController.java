package org.opendsr.referral.retention.adapters.web;

import java.util.List;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.referral.audit.application.Actor;
import org.opendsr.referral.retention.application.RetentionRuns;
import org.opendsr.referral.retention.application.RunningRetention;

/**
 * The retention rules (issue 16): archive 6 months and erase 6 years after the DSR's work with a person ended
 * ({@code dsr.retention.*}), run daily and by a lead on demand. Counts only, no one's data: a lead's alone.
 */
@Controller("/retention/runs")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(DsrRoles.DSR_LEAD)
@Tag(name = "Retention")
public class RetentionController {

    private final RunningRetention running;

    public RetentionController(RunningRetention running) {
        this.running = running;
    }

    @Post
    @Operation(summary = "Run the retention rules now (they also run daily): how many records were archived, brought"
            + " back and erased, and audit entries purged; safe to repeat (ranHere false: another run held the job)")
    public RetentionRuns.Run run(Caller caller) {
        return running.run(Actor.of(caller));
    }

    @Get
    @Operation(summary = "The latest retention runs, newest first")
    public List<RetentionRuns.Run> runs(@QueryValue(defaultValue = "20") @Min(1) @Max(200) int limit) {
        return running.newest(limit);
    }
}
