package org.opendsr.reporting.publishing.domain;

import java.time.YearMonth;

import org.opendsr.reporting.measures.domain.Measure;

/** Counted in the period, but happened in an earlier month (ICB total), published after disclosure control. */
public record PublishedRestatement(Measure measure, String group, YearMonth occurredIn, String value,
                                   boolean suppressed) {
}
