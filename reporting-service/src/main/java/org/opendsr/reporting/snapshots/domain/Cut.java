package org.opendsr.reporting.snapshots.domain;

import java.time.Instant;
import java.time.YearMonth;

/**
 * A month cut and frozen: when, up to which fact ({@code lastSeq}, H'), and how many cells and restatements it holds.
 * No personal data.
 */
public record Cut(YearMonth month, Instant cutAt, long lastSeq, int cells, int restatements) {
}
