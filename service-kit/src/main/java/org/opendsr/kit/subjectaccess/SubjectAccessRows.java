package org.opendsr.kit.subjectaccess;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads one section of a {@link SubjectAccessPart} straight from the service's tables: every row a map from column
 * label to a plain value (text, number, true/false, or null; times as ISO-8601 instants, dates as ISO dates, JSON as
 * its text), in the order the query gives. The query names exactly the columns to show: a column not selected is
 * never shown, which is how third-party data is kept out (say so in the part's redactions).
 */
public final class SubjectAccessRows {

    private SubjectAccessRows() {
    }

    /** The rows of {@code sql}, whose only parameter (every {@code ?}) is the person's id. */
    public static List<Map<String, Object>> about(Connection connection, String sql, UUID personId) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int parameters = statement.getParameterMetaData().getParameterCount();
            for (int i = 1; i <= parameters; i++) {
                statement.setObject(i, personId);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return read(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read a subject access section", e);
        }
    }

    static List<Map<String, Object>> read(ResultSet rows) throws SQLException {
        ResultSetMetaData columns = rows.getMetaData();
        List<Map<String, Object>> read = new ArrayList<>();
        while (rows.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= columns.getColumnCount(); i++) {
                row.put(columns.getColumnLabel(i), plain(rows.getObject(i)));
            }
            read.add(row);
        }
        return read;
    }

    private static Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) {
            return value;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().toString();
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        if (value instanceof java.sql.Array array) {
            try {
                Object[] items = (Object[]) array.getArray();
                List<Object> plainItems = new ArrayList<>();
                for (Object item : items) {
                    plainItems.add(plain(item));
                }
                return String.join(", ", plainItems.stream().map(String::valueOf).toList());
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read an array column", e);
            }
        }
        return value.toString();
    }
}
