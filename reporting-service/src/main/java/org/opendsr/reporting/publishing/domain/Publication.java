package org.opendsr.reporting.publishing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.opendsr.reporting.measures.domain.Dimension;
import org.opendsr.reporting.measures.domain.Measure;
import org.opendsr.reporting.publishing.domain.PeriodFigures.Figure;

/**
 * How a period's figures are published (DOMAIN.md "Reporting", NHS Digital's method): disclosure control on every
 * cell, totals included; every group x dimension x category shown, 0 where it is 0; percentages worked out from the
 * published (rounded) numerator and denominator and suppressed where either is; days shown only where enough were
 * measured, averaged to whole days and the longest rounded like a count (never exact: it is one person's).
 * Nothing leaves the service but what this returns.
 */
public final class Publication {

    /** A percentage of nothing (the denominator is 0): there is no figure to show, and nothing is hidden. */
    public static final String NO_VALUE = "-";

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final DisclosureControl control;
    private final Categories categories;

    public Publication(DisclosureControl control, Categories categories) {
        this.control = control;
        this.categories = categories;
    }

    /** The report of a period from its figures, for the measures asked for, in the measures' order. */
    public PublishedReport publish(PeriodFigures figures, Collection<Measure> measures) {
        List<PublishedMeasure> published = new ArrayList<>();
        for (Measure measure : Measure.values()) {
            if (measures.contains(measure)) {
                published.add(publish(figures, measure));
            }
        }
        List<PublishedRestatement> restatements = figures.restatements().stream()
                .filter(restatement -> measures.contains(restatement.measure()))
                .map(restatement -> {
                    String value = control.publish(restatement.count());
                    return new PublishedRestatement(restatement.measure(), restatement.group(),
                            restatement.occurredIn(), value, isSuppressed(value));
                }).toList();
        return new PublishedReport(figures.period(),
                figures.isFinal() ? PublishedReport.Status.FINAL : PublishedReport.Status.PROVISIONAL,
                figures.cutAt(), control.describe(), published, restatements);
    }

    private PublishedMeasure publish(PeriodFigures figures, Measure measure) {
        List<PublishedCell> cells = new ArrayList<>();
        for (String group : figures.groups(measure)) {
            for (Dimension dimension : measure.dimensions()) {
                for (String category : categories.of(dimension, figures.seen(measure, dimension))) {
                    cells.add(cell(measure, group, dimension, category,
                            figures.figure(measure, group, dimension, category)));
                }
            }
        }
        return new PublishedMeasure(measure, cells);
    }

    /** One cell of a measure as published. */
    public PublishedCell cell(Measure measure, String group, Dimension dimension, String category, Figure figure) {
        return switch (measure.unit()) {
            case COUNT -> {
                String value = control.publish(figure.count());
                yield new PublishedCell(group, dimension, category, value, isSuppressed(value), null, null, null,
                        null);
            }
            case PERCENT -> {
                String numerator = control.publish(figure.count());
                String denominator = control.publish(figure.denominator());
                String value = percentage(numerator, denominator);
                yield new PublishedCell(group, dimension, category, value, isSuppressed(value), numerator,
                        denominator, null, null);
            }
            case DAYS -> {
                String value = control.publish(figure.count());
                boolean enough = control.allowsDetailOf(figure.count());
                // Neither exact: an exact longest is one person's exact day (a total's longest above every published
                // category's longest is someone's in a suppressed category).
                String average = enough ? control.publishAverage(figure.sumDays(), figure.count())
                        : DisclosureControl.SUPPRESSED;
                String longest = enough ? control.publishLongest(figure.maxDays()) : DisclosureControl.SUPPRESSED;
                yield new PublishedCell(group, dimension, category, value, isSuppressed(value), null, null, average,
                        longest);
            }
        };
    }

    /** The percentage of two published figures: never of the raw counts, which would undo their rounding. */
    static String percentage(String numerator, String denominator) {
        if (isSuppressed(numerator) || isSuppressed(denominator)) {
            return DisclosureControl.SUPPRESSED;
        }
        long of = Long.parseLong(denominator);
        if (of == 0) {
            return NO_VALUE;
        }
        return oneDecimal(BigDecimal.valueOf(Long.parseLong(numerator)).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(of), 1, RoundingMode.HALF_UP));
    }

    private static String oneDecimal(BigDecimal value) {
        return value.setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    private static boolean isSuppressed(String value) {
        return DisclosureControl.SUPPRESSED.equals(value);
    }
}
