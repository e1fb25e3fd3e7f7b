package org.opendsr.reporting.snapshots.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;

/**
 * When a month may be cut: {@code cutAfter} (a margin for events of the month's last minutes still on their way) after
 * the month ends in England, i.e. after midnight starting the next month in Europe/London: 23:00 UTC on the last day
 * in summer time (BST), 00:00 UTC in winter (GMT).
 */
public record CutSchedule(Duration cutAfter) {

    public static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    public CutSchedule {
        Objects.requireNonNull(cutAfter, "cutAfter");
        if (cutAfter.isNegative()) {
            throw new IllegalArgumentException("a month is never cut before it ends");
        }
    }

    /** The first instant the month may be cut. */
    public Instant dueAt(YearMonth month) {
        return month.plusMonths(1).atDay(1).atStartOfDay(ENGLAND).toInstant().plus(cutAfter);
    }

    public boolean isDue(YearMonth month, Instant now) {
        return !now.isBefore(dueAt(month));
    }

    /** The month it is in England at that instant. */
    public static YearMonth monthAt(Instant instant) {
        return YearMonth.from(instant.atZone(ENGLAND));
    }
}
