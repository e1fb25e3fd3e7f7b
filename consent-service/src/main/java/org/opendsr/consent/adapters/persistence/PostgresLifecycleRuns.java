package org.opendsr.consent.adapters.persistence;

import java.time.Instant;

import jakarta.inject.Singleton;
import org.opendsr.consent.application.LifecycleRunReport;
import org.opendsr.consent.application.LifecycleRuns;
import org.opendsr.consent.domain.ConsentState;

/** Each lifecycle run as a row of {@code consent_lifecycle_run}. */
@Singleton
public class PostgresLifecycleRuns implements LifecycleRuns {

    private final LifecycleRunRows rows;

    public PostgresLifecycleRuns(LifecycleRunRows rows) {
        this.rows = rows;
    }

    @Override
    public void record(LifecycleRunReport report, Instant startedAt, Instant finishedAt) {
        rows.save(new LifecycleRunRow(report.runId(), report.ranOn(), report.runBy(), startedAt, finishedAt,
                (int) report.movedTo(ConsentState.RENEWAL_DUE), (int) report.movedTo(ConsentState.OVERDUE),
                (int) report.movedTo(ConsentState.LAPSED), report.reminders().size()));
    }
}
