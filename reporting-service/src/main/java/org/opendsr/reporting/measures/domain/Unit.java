package org.opendsr.reporting.measures.domain;

/** What a measure's cell holds. */
public enum Unit {
    /** A count of people or of things that happened. */
    COUNT,
    /** A share: a numerator (the cell's count) of a denominator, both counts. */
    PERCENT,
    /** Days: the cell's count is how many were measured, with the sum (for the average) and the longest. */
    DAYS
}
