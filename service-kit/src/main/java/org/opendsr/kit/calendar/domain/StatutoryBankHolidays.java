package org.opendsr.kit.calendar.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * England and Wales bank holidays by their usual pattern (Banking and Financial Dealings Act 1971 and the yearly
 * royal proclamation): New Year's Day, Good Friday, Easter Monday, the first and last Mondays of May, the last Monday
 * of August, Christmas Day and Boxing Day. When New Year's Day, Christmas Day or Boxing Day falls at a weekend, the
 * next weekday that is not already a bank holiday is the substitute day.
 *
 * <p>Used only for years GOV.UK has not published yet: one-off days (2020-05-08 moved, 2022-06-03, 2022-09-19,
 * 2023-05-08) cannot be computed, which is why production refreshes the published list.
 */
public final class StatutoryBankHolidays {

    private StatutoryBankHolidays() {
    }

    public static Set<LocalDate> inYear(int year) {
        Set<LocalDate> days = new TreeSet<>();
        LocalDate easter = easterSunday(year);
        days.add(easter.minusDays(2));
        days.add(easter.plusDays(1));
        LocalDate may = LocalDate.of(year, Month.MAY, 1);
        days.add(may.with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)));
        days.add(may.with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        days.add(LocalDate.of(year, Month.AUGUST, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        // Fixed days: weekday ones first, so a substitute never lands on another holiday (Christmas on a Sunday:
        // Boxing Day keeps Monday 26th, Christmas moves to Tuesday 27th).
        List<LocalDate> fixed = List.of(LocalDate.of(year, Month.JANUARY, 1), LocalDate.of(year, Month.DECEMBER, 25),
                LocalDate.of(year, Month.DECEMBER, 26));
        for (LocalDate day : fixed) {
            if (!isWeekend(day)) {
                days.add(day);
            }
        }
        for (LocalDate day : fixed) {
            if (isWeekend(day)) {
                LocalDate substitute = day.plusDays(1);
                while (isWeekend(substitute) || days.contains(substitute)) {
                    substitute = substitute.plusDays(1);
                }
                days.add(substitute);
            }
        }
        return days;
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm of Meeus, Jones and Butcher). */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }

    static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
