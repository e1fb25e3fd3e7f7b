package org.opendsr.reporting.publishing.adapters.web;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.opendsr.reporting.measures.application.MonthFigures;
import org.opendsr.reporting.measures.domain.Measure;
import org.opendsr.reporting.measures.domain.MonthCells;
import org.opendsr.reporting.publishing.domain.ReportingPeriod;

/**
 * The months' figures as a test gives them, in place of the snapshots (the port publishing reads): a month the test did
 * not give is a cut month with nothing in it, or the open month if it is this month; a month after this one has none.
 */
@Singleton
@Replaces(MonthFigures.class)
@Requires(property = "spec.name", value = "ReportsApiTest")
public class InMemoryMonthFigures implements MonthFigures {

    private final Map<YearMonth, MonthCells> months = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemoryMonthFigures(Clock clock) {
        this.clock = clock;
    }

    public void put(MonthCells month) {
        months.put(month.month(), month);
    }

    /** When the test's months are said to have been cut: an hour into the next month. */
    public static Instant cutAtOf(YearMonth month) {
        return month.plusMonths(1).atDay(1).atStartOfDay(ReportingPeriod.ENGLAND).toInstant().plusSeconds(3600);
    }

    @Override
    public Optional<MonthCells> of(YearMonth month, Set<Measure> measures) {
        YearMonth thisMonth = YearMonth.now(clock.withZone(ReportingPeriod.ENGLAND));
        if (month.isAfter(thisMonth)) {
            return Optional.empty();
        }
        MonthCells given = months.get(month);
        if (given != null) {
            // Only the measures asked for, as the snapshots answer.
            return Optional.of(new MonthCells(month, given.provisional(), given.cutAt(),
                    given.cells().stream().filter(cell -> measures.contains(cell.measure())).toList(),
                    given.restatements().stream().filter(r -> measures.contains(r.measure())).toList()));
        }
        boolean open = month.equals(thisMonth);
        return Optional.of(new MonthCells(month, open, open ? null : cutAtOf(month), List.of(), List.of()));
    }
}
