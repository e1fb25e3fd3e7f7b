package org.opendsr.referral;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What referral-service has written, read over a plain JDBC connection of the test's own (not the service's
 * transaction-aware data source), so a test sees only what was committed.
 */
public final class ReferralDatabase {

    /** Every table referral-service writes: a refused request must change none of them. */
    static final String[] TABLES = {"person", "person_contact", "key_professional", "referral", "eligibility_assessment",
            "register_entry", "consent_standing", "age_milestone", "keyworker_suggestion", "possible_duplicate",
            "referral_detail_to_review", "admission_report", "move_out_of_area", "communication_preferences", "notification",
            "referral_outcome_to_tell", "dsr_kit.audit_entry", "dsr_kit.outbox_event"};

    /**
     * The notifier's sender runs on its own schedule and audits each read of contact details as it sends a message
     * queued earlier (actor {@code notifier}): not written by the request being checked.
     */
    private static final String AUDIT_BY_REQUESTS = "dsr_kit.audit_entry WHERE actor <> 'notifier'";

    private final String url;
    private final String user;
    private final String password;

    public ReferralDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** Rows in each table referral-service writes: people, their record, referrals, the register, audit, outbox. */
    public Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, count("SELECT count(*) FROM "
                    + (table.equals("dsr_kit.audit_entry") ? AUDIT_BY_REQUESTS : table)));
        }
        return counts;
    }

    public long peopleWithNhsNumber(String digits) {
        return count("SELECT count(*) FROM person WHERE nhs_number = ?", digits);
    }

    /**
     * Events of the type written to the outbox for the person, whether relayed yet or not. An event is written in the
     * transaction that causes it, so this is exact as soon as the request returns, where waiting on the topic for an
     * event that should not come can only ever wait too little.
     */
    public long outboxEvents(String type, String personId) {
        return count("SELECT count(*) FROM dsr_kit.outbox_event WHERE type = ? AND aggregateid = ?", type, personId);
    }

    /**
     * Waits until the consumer group has handled the event: its id is recorded in the same transaction as the event's
     * effects, so from then on everything the event caused can be counted exactly.
     */
    public void awaitHandled(String consumerGroup, String eventId) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> count("SELECT count(*) FROM dsr_kit.processed_event WHERE consumer = ? AND event_id = ?",
                        consumerGroup, eventId) == 1);
    }

    public long referralsOfPerson(String personId) {
        return count("SELECT count(*) FROM referral WHERE person_id = ?::uuid", personId);
    }

    public long count(String sql, String... parameters) {
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

    /** Changes rows directly, for what a test cannot reach through the API (e.g. time passing for one row). */
    public int update(String sql, String... parameters) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setString(i + 1, parameters[i]);
            }
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not change the referral database", e);
        }
    }

    /** The first column of every row, as text. */
    public List<String> column(String sql, String... parameters) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the referral database", e);
        }
    }

    /** As if the DSR had known the person since then (for age milestones). */
    public void personFirstRecordedAt(String personId, Instant at) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE person SET created_at = ? WHERE id = ?::uuid")) {
            update.setTimestamp(1, Timestamp.from(at));
            update.setString(2, personId);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("no such person");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not change the referral database", e);
        }
    }
}
