package org.opendsr.kit.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opendsr.kit.KitTestContext;

/**
 * The inbox's once-only rule on real PostgreSQL, for runs below and above {@link ProcessedEvents#OPTIMISTIC_FROM}
 * (above, a plain insert under a savepoint, then ON CONFLICT where it fails): first deliveries are recorded and
 * returned, redeliveries and an id twice in a run are not returned again, and what the transaction did before the
 * run is kept either way.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProcessedEventsTest implements TestPropertyProvider {

    private static final String TYPE = "dsr.test.happened.v1";

    @Inject
    ProcessedEvents processedEvents;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    DataSource dataSource;

    @Inject
    DataSourceResolver resolver;

    @Override
    public Map<String, String> getProperties() {
        return KitTestContext.properties(false);
    }

    @ParameterizedTest(name = "a run of {0}")
    @ValueSource(ints = {3, ProcessedEvents.OPTIMISTIC_FROM, 1000})
    void aRunOfFirstDeliveriesIsRecordedAndReturnedWhole(int size) {
        String consumer = consumer();
        List<String> ids = ids(size);

        Set<String> recorded = record(consumer, ids);

        assertThat(recorded).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(recordedFor(consumer)).containsExactlyInAnyOrderElementsOf(ids);
    }

    @ParameterizedTest(name = "a run of {0}")
    @ValueSource(ints = {3, ProcessedEvents.OPTIMISTIC_FROM, 1000})
    void aRedeliveryInTheRunIsNotReturnedAndTheRestAre(int size) {
        String consumer = consumer();
        List<String> ids = ids(size);
        String redelivered = ids.get(size / 2);
        record(consumer, List.of(redelivered));
        String before = UUID.randomUUID().toString();

        Set<String> recorded = transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            // Done in the transaction before the run: the savepoint's rollback must not take it away.
            processedEvents.recordFirstDelivery(connection, consumer, before, TYPE);
            return processedEvents.recordFirstDeliveries(connection, consumer, ids, types(ids.size()));
        });

        List<String> firstTime = new ArrayList<>(ids);
        firstTime.remove(redelivered);
        assertThat(recorded).containsExactlyInAnyOrderElementsOf(firstTime);
        assertThat(recordedFor(consumer)).hasSize(size + 1).containsAll(ids).contains(before);
    }

    @ParameterizedTest(name = "a run of {0}")
    @ValueSource(ints = {3, ProcessedEvents.OPTIMISTIC_FROM, 1000})
    void anIdTwiceInTheRunIsRecordedOnce(int size) {
        String consumer = consumer();
        List<String> ids = ids(size - 1);
        List<String> run = new ArrayList<>(ids);
        run.add(ids.get(0));
        Collections.shuffle(run);

        Set<String> recorded = record(consumer, run);

        assertThat(recorded).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(recordedFor(consumer)).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void aWholeRunRedeliveredIsNotReturnedAgain() {
        String consumer = consumer();
        List<String> ids = ids(ProcessedEvents.OPTIMISTIC_FROM * 2);
        record(consumer, ids);

        assertThat(record(consumer, ids)).isEmpty();
        assertThat(recordedFor(consumer)).hasSize(ids.size());
    }

    @Test
    void anotherConsumersRecordsAreItsOwn() {
        List<String> ids = ids(ProcessedEvents.OPTIMISTIC_FROM);
        record(consumer(), ids);

        assertThat(record(consumer(), ids)).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void aLargeRunOnAConnectionInAutoCommitIsRecordedWithoutASavepoint() throws SQLException {
        String consumer = consumer();
        List<String> ids = ids(ProcessedEvents.OPTIMISTIC_FROM);
        try (Connection connection = resolver.resolve(dataSource).getConnection()) {
            connection.setAutoCommit(true);
            assertThat(processedEvents.recordFirstDeliveries(connection, consumer, ids, types(ids.size())))
                    .containsExactlyInAnyOrderElementsOf(ids);
        }
        assertThat(recordedFor(consumer)).containsExactlyInAnyOrderElementsOf(ids);
    }

    private Set<String> record(String consumer, List<String> ids) {
        return transactions.executeWrite(status ->
                processedEvents.recordFirstDeliveries(status.getConnection(), consumer, ids, types(ids.size())));
    }

    private List<String> recordedFor(String consumer) {
        return transactions.executeRead(status -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement select = status.getConnection().prepareStatement(
                    "SELECT event_id FROM dsr_kit.processed_event WHERE consumer = ?")) {
                select.setString(1, consumer);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return ids;
        });
    }

    private static String consumer() {
        return "processed-events-test-" + UUID.randomUUID();
    }

    private static List<String> ids(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        return ids;
    }

    private static List<String> types(int count) {
        return Collections.nCopies(count, TYPE);
    }
}
