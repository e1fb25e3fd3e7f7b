package org.opendsr.kit.calendar.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * England and Wales bank holidays: GOV.UK's published dates for every year it publishes, the statutory pattern
 * ({@link StatutoryBankHolidays}) for any other year. GOV.UK publishes whole years, so a year is either published
 * or computed, never mixed.
 */
public final class BankHolidays {

    private final Map<Integer, Set<LocalDate>> publishedByYear;
    private final Map<Integer, Set<LocalDate>> computed = new ConcurrentHashMap<>();

    private BankHolidays(Map<Integer, Set<LocalDate>> publishedByYear) {
        this.publishedByYear = Map.copyOf(publishedByYear);
    }

    /** The published dates (e.g. GOV.UK's england-and-wales events); their years count as published. */
    public static BankHolidays published(Collection<LocalDate> dates) {
        Map<Integer, Set<LocalDate>> byYear = new HashMap<>();
        for (LocalDate date : dates) {
            byYear.computeIfAbsent(date.getYear(), year -> new TreeSet<>()).add(date);
        }
        byYear.replaceAll((year, days) -> Set.copyOf(days));
        return new BankHolidays(byYear);
    }

    public static BankHolidays statutoryOnly() {
        return new BankHolidays(Map.of());
    }

    /** These dates, and for the years the newer publication covers, its dates instead of this one's. */
    public BankHolidays updatedBy(BankHolidays newer) {
        Map<Integer, Set<LocalDate>> merged = new HashMap<>(publishedByYear);
        merged.putAll(newer.publishedByYear);
        return new BankHolidays(merged);
    }

    public boolean isBankHoliday(LocalDate date) {
        return inYear(date.getYear()).contains(date);
    }

    public Set<LocalDate> inYear(int year) {
        Set<LocalDate> published = publishedByYear.get(year);
        return published != null ? published : computed.computeIfAbsent(year, StatutoryBankHolidays::inYear);
    }

    public boolean isPublished(int year) {
        return publishedByYear.containsKey(year);
    }

    public SortedSet<Integer> publishedYears() {
        return new TreeSet<>(publishedByYear.keySet());
    }
}
