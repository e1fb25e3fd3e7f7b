package org.opendsr.reporting.snapshots.adapters.persistence;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.opendsr.reporting.measures.domain.Dimension;
import org.opendsr.reporting.measures.domain.Measure;
import org.opendsr.reporting.measures.domain.MonthCells;
import org.opendsr.reporting.measures.domain.RawCell;
import org.opendsr.reporting.measures.domain.Restatement;
import org.opendsr.reporting.snapshots.application.Snapshots;
import org.opendsr.reporting.snapshots.domain.Figures;

/**
 * The snapshot tables (V3: {@code snapshot}, {@code snapshot_cell}, {@code snapshot_restatement}), frozen by their
 * triggers once written, and the store's {@code last_cut_seq}. Measures are stored by their published id.
 */
@Singleton
public class PostgresSnapshots implements Snapshots {

    private final TransactionOperations<Connection> transactions;

    public PostgresSnapshots(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<YearMonth> latestCut() {
        return month("SELECT max(month) FROM snapshot");
    }

    @Override
    public Optional<YearMonth> earliestArrival() {
        // The first entry of reporting_fact_by_arrival.
        return month("SELECT min(arrived_month) FROM reporting_fact");
    }

    @Override
    public long lastCutSeq() {
        return number("SELECT last_cut_seq FROM reporting_store_state");
    }

    @Override
    public boolean storeRebuilding() {
        try (Statement select = connection().createStatement();
             ResultSet row = select.executeQuery("SELECT rebuilding FROM reporting_store_state")) {
            return row.next() && row.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the store's state", e);
        }
    }

    @Override
    public long holdFactsAndReadMaxSeq(long lastCutSeq) {
        try (Statement lock = connection().createStatement()) {
            lock.execute("LOCK TABLE reporting_fact IN SHARE MODE");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not hold the facts still for a cut", e);
        }
        return Math.max(lastCutSeq, number("SELECT coalesce(max(seq), 0) FROM reporting_fact"));
    }

    @Override
    public void freeze(YearMonth month, Instant cutAt, long lastSeq, Figures figures) {
        Connection connection = connection();
        Date monthDate = Date.valueOf(month.atDay(1));
        try {
            // Cells and restatements first: once the snapshot row exists, its month takes no more rows (trigger).
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO snapshot_cell (month, measure, grp, dimension, category, count, denominator, "
                            + "sum_days, max_days) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (RawCell cell : figures.cells()) {
                    insert.setDate(1, monthDate);
                    insert.setString(2, cell.measure().id());
                    insert.setString(3, cell.group());
                    insert.setString(4, cell.dimension().name());
                    insert.setString(5, cell.category());
                    insert.setLong(6, cell.count());
                    setNullable(insert, 7, cell.denominator());
                    setNullable(insert, 8, cell.sumDays());
                    setNullable(insert, 9, cell.maxDays());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO snapshot_restatement (month, measure, grp, occurred_month, count) VALUES (?, ?, ?, ?, ?)")) {
                for (Restatement restatement : figures.restatements()) {
                    insert.setDate(1, monthDate);
                    insert.setString(2, restatement.measure().id());
                    insert.setString(3, restatement.group());
                    insert.setDate(4, Date.valueOf(restatement.occurredIn().atDay(1)));
                    insert.setLong(5, restatement.count());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO snapshot (month, cut_at, last_seq) VALUES (?, ?, ?)")) {
                insert.setDate(1, monthDate);
                insert.setTimestamp(2, Timestamp.from(cutAt));
                insert.setLong(3, lastSeq);
                insert.executeUpdate();
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE reporting_store_state SET last_cut_seq = ?")) {
                update.setLong(1, lastSeq);
                update.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not freeze the snapshot of " + month, e);
        }
    }

    @Override
    public List<MonthCells> frozen(YearMonth first, YearMonth last, Set<Measure> measures) {
        Connection connection = connection();
        Map<YearMonth, Instant> cutAt = new LinkedHashMap<>();
        Map<YearMonth, List<RawCell>> cells = new LinkedHashMap<>();
        Map<YearMonth, List<Restatement>> restatements = new LinkedHashMap<>();
        String[] ids = measures.stream().map(Measure::id).toArray(String[]::new);
        try {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT month, cut_at FROM snapshot WHERE month BETWEEN ? AND ? ORDER BY month")) {
                bindMonths(select, first, last);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        YearMonth month = YearMonth.from(rows.getDate(1).toLocalDate());
                        cutAt.put(month, rows.getTimestamp(2).toInstant());
                        cells.put(month, new ArrayList<>());
                        restatements.put(month, new ArrayList<>());
                    }
                }
            }
            // One range scan of the primary key for all the months.
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT month, measure, grp, dimension, category, count, denominator, sum_days, max_days "
                            + "FROM snapshot_cell WHERE month BETWEEN ? AND ? AND measure = ANY (?)")) {
                bindMonths(select, first, last);
                select.setArray(3, connection.createArrayOf("text", ids));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        YearMonth month = YearMonth.from(rows.getDate(1).toLocalDate());
                        Measure measure = Measure.byId(rows.getString(2)).orElse(null);
                        List<RawCell> monthCells = cells.get(month);
                        if (measure == null || monthCells == null) {
                            continue;
                        }
                        monthCells.add(new RawCell(measure, rows.getString(3), Dimension.valueOf(rows.getString(4)),
                                rows.getString(5), rows.getLong(6), nullableLong(rows, 7), nullableLong(rows, 8),
                                nullableLong(rows, 9)));
                    }
                }
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT month, measure, grp, occurred_month, count FROM snapshot_restatement "
                            + "WHERE month BETWEEN ? AND ? AND measure = ANY (?)")) {
                bindMonths(select, first, last);
                select.setArray(3, connection.createArrayOf("text", ids));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        YearMonth month = YearMonth.from(rows.getDate(1).toLocalDate());
                        Measure measure = Measure.byId(rows.getString(2)).orElse(null);
                        List<Restatement> monthRestatements = restatements.get(month);
                        if (measure == null || monthRestatements == null) {
                            continue;
                        }
                        monthRestatements.add(new Restatement(measure, rows.getString(3),
                                YearMonth.from(rows.getDate(4).toLocalDate()), rows.getLong(5)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the snapshots from " + first + " to " + last, e);
        }
        List<MonthCells> months = new ArrayList<>();
        cutAt.forEach((month, at) -> months.add(new MonthCells(month, false, at, SnapshotOrder.cells(cells.get(month)),
                SnapshotOrder.restatements(restatements.get(month)))));
        return months;
    }

    private Optional<YearMonth> month(String sql) {
        try (Statement select = connection().createStatement(); ResultSet row = select.executeQuery(sql)) {
            row.next();
            Date date = row.getDate(1);
            return date == null ? Optional.empty() : Optional.of(YearMonth.from(date.toLocalDate()));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the snapshots' months", e);
        }
    }

    private long number(String sql) {
        try (Statement select = connection().createStatement(); ResultSet row = select.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the store's seqs", e);
        }
    }

    private static void bindMonths(PreparedStatement select, YearMonth first, YearMonth last) throws SQLException {
        select.setDate(1, Date.valueOf(first.atDay(1)));
        select.setDate(2, Date.valueOf(last.atDay(1)));
    }

    private static void setNullable(PreparedStatement insert, int index, Long value) throws SQLException {
        if (value == null) {
            insert.setNull(index, Types.BIGINT);
        } else {
            insert.setLong(index, value);
        }
    }

    private static Long nullableLong(ResultSet rows, int column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }

    private Connection connection() {
        return Transactions.connection(transactions);
    }
}
