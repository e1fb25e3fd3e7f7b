package org.opendsr.reporting.publishing.domain;

import org.opendsr.reporting.measures.domain.Dimension;

/**
 * One figure as published, after disclosure control: every value is text ({@code "0"}, {@code "*"}, a multiple of 5,
 * a percentage with one decimal, {@code "-"}).
 *
 * @param value       COUNT: the count; PERCENT: the percentage of the published numerator and denominator, {@code "*"}
 *                    where either is suppressed, {@code "-"} where the denominator is 0; DAYS: how many were measured
 * @param suppressed  exactly when {@code value} is {@code "*"}
 * @param numerator   PERCENT only (else null), published
 * @param denominator PERCENT only (else null), published
 * @param average     DAYS only (else null): the average days, whole days, {@code "*"} unless 8 or more were measured
 * @param longest     DAYS only (else null): the longest, rounded to the nearest 5 days (at least 5, 0 only
 *                    if 0), {@code "*"} unless 8 or more were measured
 */
public record PublishedCell(String group, Dimension dimension, String category, String value, boolean suppressed,
                            String numerator, String denominator, String average, String longest) {
}
