package org.opendsr.reporting.measures.application;

import java.time.YearMonth;
import java.util.Optional;

import org.opendsr.reporting.measures.domain.MonthCells;

/** A month's raw figures, for publishing: the frozen snapshot of a closed month, or live figures for an open one. */
public interface MonthFigures {

    /** Empty for a month after the current one (nothing to report yet). */
    Optional<MonthCells> of(YearMonth month);
}
