package org.opendsr.reporting.domain;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

import org.opendsr.kit.rules.RuleBroken;

/**
 * What a report may cover: one whole calendar month, or one calendar quarter (January to March, April to June, July
 * to September, October to December), in England. Nothing in between: arbitrary overlapping windows could be
 * differenced (January to March minus January to February) to take a small, suppressed number out of its cell, so
 * only the periods NHS publications use are offered. DSR reports are monthly with a month-end cut, so an event belongs
 * to the month of its time in Europe/London.
 */
public record ReportingPeriod(YearMonth from, YearMonth to) {

    public static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    private static final int QUARTER_IN_MONTHS = 3;

    public ReportingPeriod {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from must not be after to");
        }
        if (!isMonth(from, to) && !isQuarter(from, to)) {
            throw new IllegalArgumentException("a reporting period is one calendar month or one calendar quarter");
        }
    }

    /** One calendar month. */
    public static ReportingPeriod month(YearMonth month) {
        return new ReportingPeriod(month, month);
    }

    /** The calendar quarter a month is in. */
    public static ReportingPeriod quarterOf(YearMonth month) {
        YearMonth first = month.withMonth((month.getMonthValue() - 1) / QUARTER_IN_MONTHS * QUARTER_IN_MONTHS + 1);
        return new ReportingPeriod(first, first.plusMonths(QUARTER_IN_MONTHS - 1));
    }

    /**
     * The period a caller asked for, or the rule it breaks, naming the field to change: {@code from} when it is after
     * {@code to} or three months that are not a calendar quarter, {@code to} for any other span.
     */
    public static ReportingPeriod asked(YearMonth from, YearMonth to) {
        if (from.isAfter(to)) {
            throw RuleBroken.invalid("from", "must not be after to");
        }
        if (isMonth(from, to) || isQuarter(from, to)) {
            return new ReportingPeriod(from, to);
        }
        if (months(from, to) == QUARTER_IN_MONTHS) {
            throw RuleBroken.invalid("from", "a quarter starts in January, April, July or October");
        }
        throw RuleBroken.invalid("to", "a report covers one whole calendar month (to the same as from) or one calendar "
                + "quarter (from its first month to its last, e.g. 2026-04 to 2026-06)");
    }

    public static YearMonth monthOf(Instant instant) {
        return YearMonth.from(instant.atZone(ENGLAND));
    }

    public long months() {
        return months(from, to);
    }

    public boolean isQuarter() {
        return isQuarter(from, to);
    }

    private static long months(YearMonth from, YearMonth to) {
        return from.until(to, java.time.temporal.ChronoUnit.MONTHS) + 1;
    }

    private static boolean isMonth(YearMonth from, YearMonth to) {
        return from.equals(to);
    }

    private static boolean isQuarter(YearMonth from, YearMonth to) {
        return (from.getMonthValue() - 1) % QUARTER_IN_MONTHS == 0 && to.equals(from.plusMonths(QUARTER_IN_MONTHS - 1));
    }
}
