package org.opendsr.reporting.store.adapters.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.reporting.store.application.RebuildProgress;
import org.opendsr.reporting.store.application.RebuildingTheStore;

/** The rebuild of the pseudonymised store from the topics: started by a DSR lead, its progress read by one. */
@Controller("/reports/store/rebuilds")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Store rebuilds")
@Secured(DsrRoles.DSR_LEAD)
public class StoreRebuildController {

    private final RebuildingTheStore rebuilding;

    public StoreRebuildController(RebuildingTheStore rebuilding) {
        this.rebuilding = rebuilding;
    }

    @Post
    @Operation(summary = "Rebuild the reporting store from the beginning of the topics",
            description = "Empties the pseudonymised store and reprocesses every event of the referral, consent, risk "
                    + "and meeting topics into it, in the background (202, Location: its progress). Frozen month-end "
                    + "snapshots are not touched. One at a time: 409 while one is running. Also 409, nothing emptied: "
                    + "while late facts wait for the next month-end cut (they would be in no snapshot), and when "
                    + "retention has deleted the first events of a topic (named; the rebuild would lose them).")
    public HttpResponse<RebuildView> start() {
        long id = rebuilding.start();
        RebuildView view = rebuilding.progress(id).map(RebuildView::of)
                .orElseThrow(() -> RuleBroken.notFound("rebuild"));
        // Its progress is the latest rebuild's: one runs at a time, and this one is now the latest.
        return HttpResponse.accepted(URI.create("/reports/store/rebuilds/latest")).body(view);
    }

    @Get("/latest")
    @Operation(summary = "The latest rebuild's progress",
            description = "State RUNNING, DONE or FAILED; NONE (with no counts) where the store has never been rebuilt.")
    public RebuildView latest() {
        return rebuilding.latest().map(RebuildView::of).orElse(RebuildView.NONE);
    }

    /**
     * A rebuild's progress: RUNNING, DONE or FAILED (a failed rebuild leaves the store held for another rebuild), or
     * NONE before the first;
     * events read of the total per topic (the total as the topics stood when it started); events read per second;
     * events skipped (unreadable or refused, as the live listeners would dead-letter them).
     */
    @Serdeable
    public record RebuildView(long id, String state, Instant startedAt, Instant finishedAt, long read, long total,
                              double eventsPerSecond, long skipped, List<TopicView> topics) {

        static final RebuildView NONE = new RebuildView(0, "NONE", null, null, 0, 0, 0, 0, List.of());

        static RebuildView of(RebuildProgress progress) {
            return new RebuildView(progress.id(), progress.state().name(), progress.startedAt(), progress.finishedAt(),
                    progress.read(), progress.total(), Math.round(progress.eventsPerSecond() * 10) / 10.0,
                    progress.skipped(), progress.topics().stream()
                            .map(topic -> new TopicView(topic.topic(), topic.read(), topic.total())).toList());
        }
    }

    @Serdeable
    public record TopicView(String topic, long read, long total) {
    }
}
