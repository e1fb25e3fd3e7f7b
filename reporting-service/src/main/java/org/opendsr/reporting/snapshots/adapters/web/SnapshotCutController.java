package org.opendsr.reporting.snapshots.adapters.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.reporting.snapshots.application.MonthEndCuts;
import org.opendsr.reporting.snapshots.domain.Cut;

@Controller("/reports/snapshots/cuts")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Snapshots")
public class SnapshotCutController {

    private final MonthEndCuts cuts;

    public SnapshotCutController(MonthEndCuts cuts) {
        this.cuts = cuts;
    }

    @Post
    @Secured(DsrRoles.DSR_LEAD)
    @Operation(summary = "Cut every month-end snapshot that is due now (a lead; it also runs every few minutes)",
            description = "A month is cut once it has ended in England (Europe/London) and dsr.reporting.snapshots."
                    + "cut-after (1 hour) has passed, months in order; once cut, its figures are frozen. Running it "
                    + "again cuts nothing twice. Answers the months cut now (none if nothing was due). No personal data.")
    public CutsMade cut() {
        return new CutsMade(cuts.cutDueNow().stream().map(CutMade::of).toList());
    }

    /** The months cut now, in order: an empty list when nothing was due. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CutsMade(List<CutMade> cut) {
    }

    /** A month cut: when, up to which fact of the store, how many non-zero cells and restatements it froze. */
    @Serdeable
    public record CutMade(String month, String cutAt, long lastSeq, int cells, int restatements) {

        static CutMade of(Cut cut) {
            return new CutMade(cut.month().toString(), cut.cutAt().toString(), cut.lastSeq(), cut.cells(),
                    cut.restatements());
        }
    }
}
