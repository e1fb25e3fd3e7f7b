package org.opendsr.kit.testapp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.opendsr.contracts.referral.ReferralReceived;
import org.opendsr.kit.messaging.ReceivedEvent;
import org.opendsr.kit.messaging.UnprocessableEvent;
import org.opendsr.kit.observability.CorrelationId;
import org.opendsr.kit.rules.RuleBroken;

/** The test consumer's effect: one row per referral event applied, in the order applied. */
@Singleton
public class ReferralsSeen {

    /** Localities that make the handler misbehave, to exercise each failure path. */
    public static final String REJECTED = "REJECT";
    public static final String RULE_REFUSES = "RULE";
    public static final String DATABASE_BLIPS_TWICE = "DBBLIP";
    public static final String ALWAYS_BROKEN = "BROKEN";
    /** Fails like a bug until {@link #fixTheBug()}: for a dead letter replayed after its cause is fixed. */
    public static final String BROKEN_UNTIL_FIXED = "FIXABLE";

    private volatile boolean bugFixed;

    private final TransactionOperations<Connection> transactions;
    private final DataSource dataSource;
    private final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();

    public ReferralsSeen(TransactionOperations<Connection> transactions, DataSource dataSource, DataSourceResolver resolver) {
        this.transactions = transactions;
        this.dataSource = resolver.resolve(dataSource);
    }

    public void apply(ReceivedEvent<ReferralReceived> event) {
        ReferralReceived referral = event.payload();
        int attempt = attempts.computeIfAbsent(referral.referralId(), id -> new AtomicInteger()).incrementAndGet();
        switch (referral.locality()) {
            case REJECTED -> throw UnprocessableEvent.rejected("the test rejects this locality");
            case RULE_REFUSES -> throw RuleBroken.invalid("locality", "is not one the test serves");
            case DATABASE_BLIPS_TWICE -> {
                if (attempt <= 2) {
                    throw new IllegalStateException(new SQLTransientConnectionException("simulated outage", "08006"));
                }
            }
            case ALWAYS_BROKEN -> throw new IllegalStateException("a bug in the handler");
            case BROKEN_UNTIL_FIXED -> {
                if (!bugFixed) {
                    throw new IllegalStateException("a bug in the handler, fixed by the next release");
                }
            }
            default -> { }
        }
        Connection connection = (Connection) transactions.findTransactionStatus().orElseThrow().getConnection();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO referral_seen (event_id, referral_id, person_id, correlation_id) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, event.id());
            insert.setObject(2, referral.referralId());
            insert.setObject(3, referral.personId());
            insert.setString(4, CorrelationId.current().orElse(null));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The release with the fix is deployed. */
    public void fixTheBug() {
        bugFixed = true;
    }

    public void bugComesBack() {
        bugFixed = false;
    }

    public int attemptsFor(UUID referralId) {
        AtomicInteger count = attempts.get(referralId);
        return count == null ? 0 : count.get();
    }

    public int timesApplied(UUID referralId) {
        return query("SELECT count(*) FROM referral_seen WHERE referral_id = ?", referralId).get(0).intValue();
    }

    public String correlationIdOf(UUID referralId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT correlation_id FROM referral_seen WHERE referral_id = ?")) {
            select.setObject(1, referralId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The referral ids applied for a person, in the order they were applied. */
    public List<UUID> appliedInOrderFor(UUID personId) {
        List<UUID> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT referral_id FROM referral_seen WHERE person_id = ? ORDER BY seq")) {
            select.setObject(1, personId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    public int totalApplied() {
        return query("SELECT count(*) FROM referral_seen", null).get(0).intValue();
    }

    public int distinctEventsApplied() {
        return query("SELECT count(DISTINCT event_id) FROM referral_seen", null).get(0).intValue();
    }

    private List<Long> query(String sql, UUID parameter) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            if (parameter != null) {
                select.setObject(1, parameter);
            }
            try (ResultSet rows = select.executeQuery()) {
                List<Long> values = new ArrayList<>();
                while (rows.next()) {
                    values.add(rows.getLong(1));
                }
                return values;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
