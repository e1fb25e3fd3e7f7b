package org.opendsr.reporting.publishing.domain;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.opendsr.reporting.measures.domain.Dimension;
import org.opendsr.reporting.measures.domain.Measure;
import org.opendsr.reporting.measures.domain.MonthCells;
import org.opendsr.reporting.measures.domain.RawCell;
import org.opendsr.reporting.measures.domain.Restatement;
import org.opendsr.reporting.measures.domain.Timing;

/**
 * A period's raw figures, its months added up as each figure's {@link Timing} says: what happened in the months
 * ({@link Timing#IN_MONTH}) is the sum of the months, numerators and denominators summed for a percentage, counts and
 * days summed and the longest the longest of any month; what stood at month end ({@link Timing#AT_MONTH_END}) is the
 * last month of the period that has figures. Never published as it is: {@link Publication} applies disclosure control.
 */
public final class PeriodFigures {

    /** One cell's raw figure over the period. */
    public record Figure(long count, long denominator, long sumDays, long maxDays) {

        public static final Figure NONE = new Figure(0, 0, 0, 0);

        Figure plus(RawCell cell) {
            return new Figure(count + cell.count(), denominator + orZero(cell.denominator()),
                    sumDays + orZero(cell.sumDays()), Math.max(maxDays, orZero(cell.maxDays())));
        }

        private static long orZero(Long value) {
            return value == null ? 0 : value;
        }
    }

    /** Things counted in the period that happened in an earlier month (ICB totals), summed over the period. */
    public record RestatementTotal(Measure measure, String group, YearMonth occurredIn, long count) {
    }

    private record Key(Measure measure, String group, Dimension dimension, String category) {
    }

    private record RestatedKey(Measure measure, String group, YearMonth occurredIn) {
    }

    private final ReportingPeriod period;
    private final List<MonthCells> months;
    private final Map<Key, Figure> figures = new HashMap<>();
    private final Map<Measure, Map<Dimension, Set<String>>> seen = new EnumMap<>(Measure.class);
    private final Map<Measure, Set<String>> groupsSeen = new EnumMap<>(Measure.class);
    private final List<RestatementTotal> restatements;

    private PeriodFigures(ReportingPeriod period, List<MonthCells> months) {
        this.period = period;
        this.months = List.copyOf(months);
        YearMonth last = months.isEmpty() ? null : months.get(months.size() - 1).month();
        Map<RestatedKey, Long> restated = new HashMap<>();
        for (MonthCells month : months) {
            for (RawCell cell : month.cells()) {
                seen.computeIfAbsent(cell.measure(), measure -> new EnumMap<>(Dimension.class))
                        .computeIfAbsent(cell.dimension(), dimension -> new TreeSet<>()).add(cell.category());
                groupsSeen.computeIfAbsent(cell.measure(), measure -> new TreeSet<>()).add(cell.group());
                boolean stock = cell.measure().timing(cell.group()) == Timing.AT_MONTH_END;
                if (stock && !month.month().equals(last)) {
                    continue;
                }
                figures.merge(new Key(cell.measure(), cell.group(), cell.dimension(), cell.category()),
                        Figure.NONE.plus(cell), (sum, one) -> sum.plus(cell));
            }
            for (Restatement restatement : month.restatements()) {
                restated.merge(new RestatedKey(restatement.measure(), restatement.group(), restatement.occurredIn()),
                        restatement.count(), Long::sum);
            }
        }
        this.restatements = restated.entrySet().stream()
                .map(entry -> new RestatementTotal(entry.getKey().measure(), entry.getKey().group(),
                        entry.getKey().occurredIn(), entry.getValue()))
                .sorted(Comparator.comparing((RestatementTotal total) -> total.measure().ordinal())
                        .thenComparing(total -> groupOrder(total.measure(), total.group()))
                        .thenComparing(RestatementTotal::group)
                        .thenComparing(RestatementTotal::occurredIn))
                .toList();
    }

    /**
     * The period's figures from the figures of its months that have any (a month not yet begun has none).
     *
     * @param months the months' figures, each a month of the period, in any order
     */
    public static PeriodFigures of(ReportingPeriod period, List<MonthCells> months) {
        Objects.requireNonNull(period, "period");
        List<MonthCells> sorted = new ArrayList<>(months);
        sorted.sort(Comparator.comparing(MonthCells::month));
        for (MonthCells month : sorted) {
            if (month.month().isBefore(period.firstMonth()) || month.month().isAfter(period.lastMonth())) {
                throw new IllegalArgumentException("a month's figures outside the period");
            }
        }
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).month().equals(sorted.get(i - 1).month())) {
                throw new IllegalArgumentException("a month's figures given twice");
            }
        }
        return new PeriodFigures(period, sorted);
    }

    /** A group's place in its measure's order; a group the measure does not list comes after the others. */
    static int groupOrder(Measure measure, String group) {
        int index = measure.groups().indexOf(group);
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    public ReportingPeriod period() {
        return period;
    }

    /** The figure of a cell; {@link Figure#NONE} where nothing was counted. */
    public Figure figure(Measure measure, String group, Dimension dimension, String category) {
        return figures.getOrDefault(new Key(measure, group, dimension, category), Figure.NONE);
    }

    /**
     * The categories of a dimension that the measure's figures hold in any month of the period. Per measure, so that
     * a measure's cells are the same whether it is asked for alone or with the others.
     */
    public Set<String> seen(Measure measure, Dimension dimension) {
        return seen.getOrDefault(measure, Map.of()).getOrDefault(dimension, Set.of());
    }

    /** A measure's groups in the order shown: its own list, then any other group its figures hold. */
    public List<String> groups(Measure measure) {
        List<String> groups = new ArrayList<>(measure.groups());
        groupsSeen.getOrDefault(measure, Set.of()).stream().filter(group -> !groups.contains(group))
                .forEach(groups::add);
        return groups;
    }

    /** Restatements, by measure, group and the month they belong to. */
    public List<RestatementTotal> restatements() {
        return restatements;
    }

    /** Final once every month of the period has been cut; provisional while any is open or still to come. */
    public boolean isFinal() {
        return months.size() == period.kind().months() && months.stream().noneMatch(MonthCells::provisional);
    }

    /** When the latest of the period's cut months was cut; null if none has been. */
    public Instant cutAt() {
        return months.stream().filter(month -> !month.provisional() && month.cutAt() != null)
                .map(MonthCells::cutAt).max(Comparator.naturalOrder()).orElse(null);
    }

    /** The months that had figures, in order. */
    public List<YearMonth> monthsWithFigures() {
        return months.stream().map(MonthCells::month).toList();
    }
}
