package org.opendsr.consent.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** consent-service's audit trail as the database holds it, read directly by the tests. */
public final class ConsentAuditTrail {

    /** One audit entry; the values are the JSON text stored. */
    public record Entry(String actor, String action, UUID personId, String what, String purpose, String outcome,
                        String before, String after) {
    }

    private final String url;
    private final String user;
    private final String password;

    public ConsentAuditTrail(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** Every entry about the person, oldest first. */
    public List<Entry> about(UUID personId) {
        return select("person_id = ?", personId);
    }

    /** Every entry naming a record (e.g. "consent 3d5e..."), oldest first. */
    public List<Entry> naming(String what) {
        return select("what = ?", what);
    }

    private List<Entry> select(String condition, Object value) {
        try (Connection connection = connect();
             PreparedStatement select = connection.prepareStatement("SELECT actor, action, person_id, what, purpose, "
                     + "outcome, old_values::text, new_values::text FROM dsr_kit.audit_entry WHERE " + condition
                     + " ORDER BY seq")) {
            select.setObject(1, value);
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(new Entry(rows.getString(1), rows.getString(2), rows.getObject(3, UUID.class),
                            rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7),
                            rows.getString(8)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** Runs a statement as the service's own database user, e.g. an attempt to alter the trail. */
    public void execute(String sql) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }
}
