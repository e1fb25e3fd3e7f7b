package org.opendsr.referral.shared.adapters.persistence;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

import io.micronaut.data.jdbc.runtime.JdbcOperations;

/**
 * Several rows of one table in one {@code INSERT ... VALUES (...), (...)}: one statement and one round trip whatever
 * the number of rows, where a row per statement (or a JDBC batch the driver may or may not rewrite) costs the
 * database a statement each. Runs in the caller's transaction. Values are bound with {@code setObject}, so pass
 * {@code java.sql.Timestamp} for instants.
 */
public final class MultiRowInsert {

    // PostgreSQL's protocol takes at most 32767 parameters a statement; far more rows than a transaction here writes.
    private static final int MOST_PARAMETERS = 32_000;

    private MultiRowInsert() {
    }

    /**
     * @param into    the table and its columns, e.g. {@code person_audit (person_id, action)}
     * @param columns how many columns each row has
     * @param suffix  what follows the values, e.g. {@code ON CONFLICT DO NOTHING}, or empty
     * @param values  a row's values in column order
     * @return the rows inserted
     */
    public static <T> int insert(JdbcOperations jdbc, String into, int columns, String suffix, List<T> rows,
                                 Function<T, Object[]> values) {
        int perStatement = MOST_PARAMETERS / columns;
        int inserted = 0;
        for (int from = 0; from < rows.size(); from += perStatement) {
            List<T> chunk = rows.subList(from, Math.min(rows.size(), from + perStatement));
            inserted += jdbc.prepareStatement(sql(into, columns, chunk.size(), suffix), insert -> {
                bind(insert, chunk, values, columns);
                return insert.executeUpdate();
            });
        }
        return inserted;
    }

    static String sql(String into, int columns, int rows, String suffix) {
        String row = "(" + "?, ".repeat(columns - 1) + "?)";
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(into).append(" VALUES ");
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append(row);
        }
        return suffix.isEmpty() ? sql.toString() : sql.append(' ').append(suffix).toString();
    }

    private static <T> void bind(PreparedStatement insert, List<T> rows, Function<T, Object[]> values, int columns)
            throws SQLException {
        int parameter = 1;
        for (T row : rows) {
            Object[] rowValues = values.apply(row);
            if (rowValues.length != columns) {
                throw new IllegalArgumentException("a row has " + rowValues.length + " values for " + columns + " columns");
            }
            for (Object value : rowValues) {
                insert.setObject(parameter++, value);
            }
        }
    }
}
