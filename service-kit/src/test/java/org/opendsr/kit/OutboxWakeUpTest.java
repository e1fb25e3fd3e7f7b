package org.opendsr.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.contracts.referral.ReferralReceived;
import org.opendsr.kit.outbox.OutboxRelayRunner;
import org.opendsr.kit.testapp.TestReferrals;

/**
 * A commit on the replica whose relay leads wakes that relay in-process, after the commit: no trigger, no
 * notification, and nothing for a rolled-back transaction. The relay's poll is set far longer than the test waits,
 * so only the wake-up can publish in time.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxWakeUpTest implements TestPropertyProvider {

    @Inject
    TestReferrals referrals;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    OutboxRelayRunner runner;

    @Inject
    MeterRegistry meters;

    @Inject
    DataSource dataSource;

    @Inject
    DataSourceResolver resolver;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = KitTestContext.properties(true);
        properties.put("dsr.outbox.poll-interval", "5m");
        return properties;
    }

    @Test
    void aCommittedEventWakesTheLocalLeaderInProcessAndARolledBackOneWakesNothing() throws Exception {
        await().atMost(Duration.ofSeconds(15)).until(runner::isLeading);
        double inProcessBefore = wakeUps("in-process");
        UUID personId = UUID.randomUUID();

        assertThatThrownBy(() -> transactions.executeWrite(status -> {
            referrals.receiveWithoutTransaction(personId, "WILTSHIRE");
            throw new IllegalStateException("the use case fails after writing its event");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(wakeUps("in-process")).as("no wake-up for a rolled-back write").isEqualTo(inProcessBefore);

        ReferralReceived committed = referrals.receive(personId, "SWINDON");
        await().atMost(Duration.ofSeconds(20)).until(() -> isPublished(committed));
        ReferralReceived next = referrals.receive(personId, "SWINDON");
        await().atMost(Duration.ofSeconds(20)).until(() -> isPublished(next));

        assertThat(wakeUps("in-process")).isEqualTo(inProcessBefore + 2);
        assertThat(wakeUps("notify")).as("the leader is local: no notification").isZero();
        assertThat(rowsAbout(personId)).as("the rolled-back event was never written").isEqualTo(2);
    }

    private double wakeUps(String via) {
        return meters.counter("dsr.outbox.wakeups", "via", via).count();
    }

    private boolean isPublished(ReferralReceived referral) throws SQLException {
        try (Connection connection = resolver.resolve(dataSource).getConnection();
             var select = connection.prepareStatement("SELECT published_at IS NOT NULL FROM dsr_kit.outbox_event "
                     + "WHERE payload ->> 'referralId' = ?")) {
            select.setString(1, referral.referralId().toString());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }

    private long rowsAbout(UUID personId) throws SQLException {
        try (Connection connection = resolver.resolve(dataSource).getConnection();
             var select = connection.prepareStatement(
                     "SELECT count(*) FROM dsr_kit.outbox_event WHERE aggregateid = ?")) {
            select.setString(1, personId.toString());
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
