package org.opendsr.reporting.snapshots.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.opendsr.kit.sweep.DueDateSweep;
import org.opendsr.reporting.snapshots.domain.Cut;
import org.opendsr.reporting.snapshots.domain.CutSchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The month-end sweep: cuts every month that is due, in order, each in its own transaction
 * ({@link CuttingSnapshots#cutNextIfDue}). Run on a schedule ({@code SnapshotCutSchedule}) and by a lead through
 * {@code POST /reports/snapshots/cuts}; running it again, or on two replicas at once, cuts each month once.
 */
@Singleton
public class MonthEndCuts implements DueDateSweep {

    private static final Logger LOG = LoggerFactory.getLogger(MonthEndCuts.class);

    private final CuttingSnapshots cutting;
    private final CutSchedule schedule;
    private final Clock clock;

    MonthEndCuts(CuttingSnapshots cutting, Clock clock,
                 @Value("${dsr.reporting.snapshots.cut-after:1h}") Duration cutAfter) {
        this.cutting = cutting;
        this.clock = clock;
        this.schedule = new CutSchedule(cutAfter);
    }

    @Override
    public String name() {
        return "month-end-snapshots";
    }

    @Override
    public int sweep(Instant now) {
        return cutDue(now).size();
    }

    /** Cuts what is due now, by the service's clock. */
    public List<Cut> cutDueNow() {
        return cutDue(clock.instant());
    }

    /** @return the months cut in this pass, in order */
    public List<Cut> cutDue(Instant now) {
        List<Cut> cuts = new ArrayList<>();
        for (Optional<Cut> cut = cutting.cutNextIfDue(schedule, now); cut.isPresent();
             cut = cutting.cutNextIfDue(schedule, now)) {
            cuts.add(cut.get());
            LOG.info("month-end snapshot of {} cut up to fact {}: {} cells, {} restatements", cut.get().month(),
                    cut.get().lastSeq(), cut.get().cells(), cut.get().restatements());
        }
        return cuts;
    }
}
