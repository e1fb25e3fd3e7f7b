package org.opendsr.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.kit.inbox.ProcessedEventsPurge;

/** The idempotent consumer forgets an event id only once its retention (90 days by default) has passed. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProcessedEventsPurgeTest implements TestPropertyProvider {

    @Inject
    ProcessedEventsPurge purge;

    @Inject
    DataSource dataSource;

    @Inject
    DataSourceResolver resolver;

    @Override
    public Map<String, String> getProperties() {
        return KitTestContext.properties(false);
    }

    @Test
    void idsOlderThanTheRetentionAreForgottenAndYoungerOnesKept() throws SQLException {
        String expired = recordProcessedDaysAgo(91);
        String kept = recordProcessedDaysAgo(89);

        assertThat(purge.purge()).isGreaterThanOrEqualTo(1);

        assertThat(isRemembered(expired)).isFalse();
        assertThat(isRemembered(kept)).isTrue();
    }

    private String recordProcessedDaysAgo(int days) throws SQLException {
        String eventId = UUID.randomUUID().toString();
        try (Connection connection = resolver.resolve(dataSource).getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO dsr_kit.processed_event (consumer, event_id, event_type, processed_at) "
                             + "VALUES ('purge-test', ?, 'dsr.referral.received.v1', now() - make_interval(days => ?))")) {
            insert.setString(1, eventId);
            insert.setInt(2, days);
            insert.executeUpdate();
        }
        return eventId;
    }

    private boolean isRemembered(String eventId) throws SQLException {
        try (Connection connection = resolver.resolve(dataSource).getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT count(*) FROM dsr_kit.processed_event WHERE consumer = 'purge-test' AND event_id = ?")) {
            select.setString(1, eventId);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1) == 1;
            }
        }
    }
}
