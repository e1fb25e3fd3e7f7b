package org.opendsr.reporting.measures.domain;

import java.util.Objects;

/**
 * One figure of a month before disclosure control: never published as it is. Only non-zero cells are kept; a
 * category with no cell is 0.
 *
 * @param count       the count (COUNT), the numerator (PERCENT), or how many were measured (DAYS)
 * @param denominator PERCENT only: of how many
 * @param sumDays     DAYS only: the days added up, for the average
 * @param maxDays     DAYS only: the longest
 */
public record RawCell(Measure measure, String group, Dimension dimension, String category, long count,
                      Long denominator, Long sumDays, Long maxDays) {

    public RawCell {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(category, "category");
        if (count < 0 || (denominator != null && denominator < count)) {
            throw new IllegalArgumentException("a count is never negative nor more than its denominator");
        }
    }

    public static RawCell count(Measure measure, String group, Dimension dimension, String category, long count) {
        return new RawCell(measure, group, dimension, category, count, null, null, null);
    }
}
