package org.opendsr.reporting.publishing.domain;

import java.time.Instant;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.opendsr.kit.rules.RuleBroken;

/**
 * What a report may cover: one whole calendar month ({@code 2026-11}), one calendar quarter ({@code 2026-Q4}: January
 * to March, April to June, July to September, October to December) or one NHS financial year ({@code FY2026-27}:
 * April 2026 to March 2027), in England. Nothing in between: arbitrary overlapping windows could be differenced
 * (January to March minus January to February) to take a small, suppressed number out of its cell, so only the
 * periods NHS publications use are offered. DSR reports are monthly with a month-end cut, so an event belongs to the
 * month of its time in Europe/London.
 */
public record ReportingPeriod(Kind kind, YearMonth firstMonth, YearMonth lastMonth) {

    public static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    /** The field a refused period is reported under. */
    public static final String FIELD = "period";

    private static final int QUARTER_IN_MONTHS = 3;
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern FINANCIAL_YEAR = Pattern.compile("FY(\\d{4})-(\\d{2})");
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2999;

    /** The three kinds of period NHS publications use. */
    public enum Kind {
        MONTH(1), QUARTER(3), FINANCIAL_YEAR(12);

        private final int months;

        Kind(int months) {
            this.months = months;
        }

        public int months() {
            return months;
        }
    }

    public ReportingPeriod {
        if (kind == null || firstMonth == null || lastMonth == null
                || !lastMonth.equals(firstMonth.plusMonths(kind.months() - 1L))) {
            throw new IllegalArgumentException("a reporting period is one month, quarter or financial year");
        }
        if (kind == Kind.QUARTER && (firstMonth.getMonthValue() - 1) % QUARTER_IN_MONTHS != 0) {
            throw new IllegalArgumentException("a calendar quarter starts in January, April, July or October");
        }
        if (kind == Kind.FINANCIAL_YEAR && firstMonth.getMonth() != Month.APRIL) {
            throw new IllegalArgumentException("a financial year starts in April");
        }
    }

    /** One calendar month. */
    public static ReportingPeriod month(YearMonth month) {
        return new ReportingPeriod(Kind.MONTH, month, month);
    }

    /** The calendar quarter a month is in. */
    public static ReportingPeriod quarterOf(YearMonth month) {
        YearMonth first = month.withMonth((month.getMonthValue() - 1) / QUARTER_IN_MONTHS * QUARTER_IN_MONTHS + 1);
        return new ReportingPeriod(Kind.QUARTER, first, first.plusMonths(QUARTER_IN_MONTHS - 1));
    }

    /** The financial year (April to March) a month is in. */
    public static ReportingPeriod financialYearOf(YearMonth month) {
        int startYear = month.getMonthValue() >= Month.APRIL.getValue() ? month.getYear() : month.getYear() - 1;
        YearMonth first = YearMonth.of(startYear, Month.APRIL);
        return new ReportingPeriod(Kind.FINANCIAL_YEAR, first, first.plusMonths(11));
    }

    /**
     * The period a caller named ({@code 2026-11}, {@code 2026-Q4}, {@code FY2026-27}), or the rule it breaks, naming
     * {@code period}. The text is never quoted back.
     */
    public static ReportingPeriod parse(String text) {
        if (text == null || text.isBlank()) {
            throw refused("is required");
        }
        Matcher month = MONTH.matcher(text);
        if (month.matches()) {
            int monthValue = Integer.parseInt(month.group(2));
            if (monthValue < 1 || monthValue > 12) {
                throw refused("has no such month: a month is 01 to 12");
            }
            return month(YearMonth.of(year(month.group(1)), monthValue));
        }
        Matcher quarter = QUARTER.matcher(text);
        if (quarter.matches()) {
            int q = Integer.parseInt(quarter.group(2));
            return quarterOf(YearMonth.of(year(quarter.group(1)), (q - 1) * QUARTER_IN_MONTHS + 1));
        }
        Matcher financialYear = FINANCIAL_YEAR.matcher(text);
        if (financialYear.matches()) {
            int start = year(financialYear.group(1));
            if (Integer.parseInt(financialYear.group(2)) != (start + 1) % 100) {
                throw refused("is a financial year of two consecutive years, April to March, e.g. FY2026-27");
            }
            return financialYearOf(YearMonth.of(start, Month.APRIL));
        }
        throw refused("must be a month (2026-11), a calendar quarter (2026-Q4) or a financial year (FY2026-27)");
    }

    public static YearMonth monthOf(Instant instant) {
        return YearMonth.from(instant.atZone(ENGLAND));
    }

    /** The months of the period, in order. */
    public List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>(kind.months());
        for (YearMonth month = firstMonth; !month.isAfter(lastMonth); month = month.plusMonths(1)) {
            months.add(month);
        }
        return months;
    }

    /** The period as it is written in URLs and reports: {@code 2026-11}, {@code 2026-Q4}, {@code FY2026-27}. */
    public String label() {
        return switch (kind) {
            case MONTH -> firstMonth.toString();
            case QUARTER -> firstMonth.getYear() + "-Q" + ((firstMonth.getMonthValue() - 1) / QUARTER_IN_MONTHS + 1);
            case FINANCIAL_YEAR -> String.format("FY%d-%02d", firstMonth.getYear(), lastMonth.getYear() % 100);
        };
    }

    /** Whether any of the period is after the given month (a month not yet begun has nothing to report). */
    public boolean startsAfter(YearMonth month) {
        return firstMonth.isAfter(month);
    }

    @Override
    public String toString() {
        return label();
    }

    private static int year(String digits) {
        int year = Integer.parseInt(digits);
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw refused("is outside the years reported on (" + FIRST_YEAR + " to " + LAST_YEAR + ")");
        }
        return year;
    }

    private static RuleBroken refused(String rule) {
        return RuleBroken.invalid(FIELD, "The period " + rule);
    }
}
