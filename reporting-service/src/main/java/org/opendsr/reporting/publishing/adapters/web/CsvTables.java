package org.opendsr.reporting.publishing.adapters.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.opendsr.reporting.publishing.domain.PublishedCell;
import org.opendsr.reporting.publishing.domain.PublishedMeasure;
import org.opendsr.reporting.publishing.domain.PublishedReport;
import org.opendsr.reporting.publishing.domain.PublishedRestatement;

/**
 * A measure as one tidy table (RFC 4180, a header row, one row per cell): period, measure, group, dimension, category,
 * value, suppressed; a PERCENT measure adds its published numerator and denominator, a DAYS measure the average and
 * longest; every table ends with the report's status (FINAL or PROVISIONAL). The period's restatements are a table of
 * their own: period, measure, group, occurredIn, value, suppressed, status.
 */
final class CsvTables {

    static final String CONTENT_TYPE = "text/csv; charset=UTF-8";

    private static final List<String> COLUMNS = List.of("period", "measure", "group", "dimension", "category",
            "value", "suppressed");

    /** The columns of the restatements' table, in order. */
    static final List<String> RESTATEMENT_COLUMNS = List.of("period", "measure", "group", "occurredIn", "value",
            "suppressed", "status");

    private CsvTables() {
    }

    /** The columns of a measure's table, in order. */
    static List<String> columns(PublishedMeasure measure) {
        List<String> columns = new ArrayList<>(COLUMNS);
        switch (measure.measure().unit()) {
            case PERCENT -> columns.addAll(List.of("numerator", "denominator"));
            case DAYS -> columns.addAll(List.of("average", "longest"));
            case COUNT -> {
                // the value is the count
            }
        }
        columns.add("status");
        return columns;
    }

    static String of(PublishedReport report, PublishedMeasure measure) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(columns(measure).toArray(String[]::new)).get();
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (PublishedCell cell : measure.cells()) {
                List<String> row = new ArrayList<>(List.of(report.period().label(), measure.measure().id(),
                        cell.group(), cell.dimension().name(), cell.category(), cell.value(),
                        Boolean.toString(cell.suppressed())));
                switch (measure.measure().unit()) {
                    case PERCENT -> row.addAll(List.of(cell.numerator(), cell.denominator()));
                    case DAYS -> row.addAll(List.of(cell.average(), cell.longest()));
                    case COUNT -> {
                        // nothing more
                    }
                }
                row.add(report.status().name());
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The period's restatements, in the JSON's order (a header row only when there are none). */
    static String restatements(PublishedReport report) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(RESTATEMENT_COLUMNS.toArray(String[]::new)).get();
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (PublishedRestatement restatement : report.restatements()) {
                printer.printRecord(report.period().label(), restatement.measure().id(), restatement.group(),
                        restatement.occurredIn().toString(), restatement.value(),
                        Boolean.toString(restatement.suppressed()), report.status().name());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
