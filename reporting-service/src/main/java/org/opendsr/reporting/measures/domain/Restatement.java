package org.opendsr.reporting.measures.domain;

import java.time.YearMonth;

/**
 * Things counted in this month that happened in an earlier, already published month: that month's figures are not
 * rewritten (its snapshot is frozen); they are counted here and said to belong there. ICB totals only.
 */
public record Restatement(Measure measure, String group, YearMonth occurredIn, long count) {
}
