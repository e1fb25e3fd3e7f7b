package org.opendsr.referral.shared.adapters.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import org.opendsr.referral.shared.application.PageCursor;
import org.opendsr.referral.shared.application.PageRequest;

/**
 * The parts every keyset-paged listing of this service repeats: its total, the seek past the previous page's last
 * (time, id) and the binding of positional parameters. Each listing keeps its own SQL and row mapping.
 */
public final class KeysetSql {

    private KeysetSql() {
    }

    /** How many rows {@code from} (a FROM ... WHERE ... clause) selects. */
    public static long count(JdbcOperations jdbc, String from, List<Object> parameters) {
        return jdbc.prepareStatement("SELECT count(*)" + from, count -> {
            bind(count, parameters);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    /**
     * The condition that seeks past the page's cursor, a (time, id) pair, on the columns given ({@code ">"} for
     * ascending order, {@code "<"} for descending), its two values added to {@code seek}; empty for the first page.
     */
    public static String after(PageRequest page, String timeColumn, String idColumn, String comparator,
                               List<Object> seek) {
        if (page.after() == null) {
            return "";
        }
        List<String> key = PageCursor.key(page.after(), 2);
        seek.add(Timestamp.from(PageCursor.instantPart(key.get(0))));
        seek.add(PageCursor.uuidPart(key.get(1)));
        return " AND (" + timeColumn + ", " + idColumn + ") " + comparator + " (?, ?)";
    }

    public static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
    }
}
