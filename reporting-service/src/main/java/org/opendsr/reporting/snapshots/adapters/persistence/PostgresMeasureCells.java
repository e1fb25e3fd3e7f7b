package org.opendsr.reporting.snapshots.adapters.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.opendsr.reporting.measures.domain.Dimension;
import org.opendsr.reporting.measures.domain.Measure;
import org.opendsr.reporting.measures.domain.RawCell;
import org.opendsr.reporting.measures.domain.Restatement;
import org.opendsr.reporting.snapshots.application.MeasureCells;
import org.opendsr.reporting.snapshots.domain.FactWindow;
import org.opendsr.reporting.snapshots.domain.Figures;

/** Runs each asked measure's statement ({@link MeasureQueries}) for the window, in the caller's transaction. */
@Singleton
public class PostgresMeasureCells implements MeasureCells {

    private final TransactionOperations<Connection> transactions;

    public PostgresMeasureCells(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public Figures workOut(FactWindow window, Set<Measure> measures) {
        List<RawCell> cells = new ArrayList<>();
        List<Restatement> restatements = new ArrayList<>();
        Connection connection = Transactions.connection(transactions);
        for (Measure measure : Measure.values()) {
            if (!measures.contains(measure)) {
                continue;
            }
            String sql = bind(MeasureQueries.statement(measure), window);
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
                while (rows.next()) {
                    String group = rows.getString("grp");
                    if ("R".equals(rows.getString("row_kind"))) {
                        restatements.add(new Restatement(measure, group, YearMonth.parse(rows.getString("category")),
                                rows.getLong(5)));
                    } else {
                        cells.add(new RawCell(measure, group, Dimension.valueOf(rows.getString("dimension")),
                                rows.getString("category"), rows.getLong(5), nullableLong(rows, 6),
                                nullableLong(rows, 7), nullableLong(rows, 8)));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not work out " + measure.id() + " for " + window.month(), e);
            }
        }
        return new Figures(SnapshotOrder.cells(cells), SnapshotOrder.restatements(restatements));
    }

    /** The window's values as literals: dates and numbers from typed values, nothing a caller can write. */
    static String bind(String sql, FactWindow window) {
        YearMonth month = window.month();
        String lateBefore = window.lateArrivedBefore().map(m -> date(m.atDay(1).toString())).orElse("DATE '-infinity'");
        return sql.replace(":month_start", date(month.atDay(1).toString()))
                .replace(":month_end", date(month.atEndOfMonth().toString()))
                .replace(":after_seq", Long.toString(window.afterSeq()))
                .replace(":upto_seq", Long.toString(window.uptoSeq()))
                .replace(":late_before", lateBefore);
    }

    private static String date(String isoDate) {
        return "DATE '" + isoDate + "'";
    }

    private static Long nullableLong(ResultSet rows, int column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }
}
