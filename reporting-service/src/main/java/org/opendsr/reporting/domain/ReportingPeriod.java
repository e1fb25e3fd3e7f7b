package org.opendsr.reporting.domain;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * Calendar months in England, from a first to a last month inclusive. DSR reports are monthly with a month-end
 * cut, so an event belongs to the month of its time in Europe/London.
 */
public record ReportingPeriod(YearMonth from, YearMonth to) {

    public static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    public static final int LONGEST_IN_MONTHS = 60;

    public ReportingPeriod {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from must not be after to");
        }
    }

    public static YearMonth monthOf(Instant instant) {
        return YearMonth.from(instant.atZone(ENGLAND));
    }

    public long months() {
        return from.until(to, java.time.temporal.ChronoUnit.MONTHS) + 1;
    }
}
