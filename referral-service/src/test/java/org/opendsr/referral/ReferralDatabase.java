package org.opendsr.referral;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What referral-service has written, read over a plain JDBC connection of the test's own (not the service's
 * transaction-aware data source), so a test sees only what was committed.
 */
public final class ReferralDatabase {

    private final String url;
    private final String user;
    private final String password;

    public ReferralDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** Rows in each table a referral writes: people, referrals and the outbox. */
    public Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : new String[] {"person", "referral", "dsr_kit.outbox_event"}) {
            counts.put(table, count("SELECT count(*) FROM " + table));
        }
        return counts;
    }

    public long peopleWithNhsNumber(String digits) {
        return count("SELECT count(*) FROM person WHERE nhs_number = ?", digits);
    }

    public long referralsOfPerson(String personId) {
        return count("SELECT count(*) FROM referral WHERE person_id = ?::uuid", personId);
    }

    private long count(String sql, String... parameters) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the referral database", e);
        }
    }
}
