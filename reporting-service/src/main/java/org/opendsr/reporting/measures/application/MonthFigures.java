package org.opendsr.reporting.measures.application;

import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.opendsr.reporting.measures.domain.Measure;
import org.opendsr.reporting.measures.domain.MonthCells;

/** A month's raw figures, for publishing: the frozen snapshot of a closed month, or live figures for an open one. */
public interface MonthFigures {

    /** Empty for a month after the current one (nothing to report yet). */
    default Optional<MonthCells> of(YearMonth month) {
        return of(month, EnumSet.allOf(Measure.class));
    }

    /**
     * Only those measures' cells and restatements: a month still open is worked out live for those measures only (one
     * query each), so asking for one measure of this month is cheap. Empty for a month after the current one.
     */
    Optional<MonthCells> of(YearMonth month, Set<Measure> measures);

    /**
     * Every month from {@code first} to {@code last} (in order; months after the current one left out), with only those
     * measures: the cut months read from their snapshots in one query, any open month worked out live.
     */
    default List<MonthCells> months(YearMonth first, YearMonth last, Set<Measure> measures) {
        return Stream.iterate(first, month -> !month.isAfter(last), month -> month.plusMonths(1))
                .map(month -> of(month, measures)).flatMap(Optional::stream).toList();
    }
}
