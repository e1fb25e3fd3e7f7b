package org.opendsr.reporting.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.contracts.EventTypes;
import org.opendsr.kit.security.DsrRoles;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import org.opendsr.reporting.store.adapters.health.StoreRebuildHealthIndicator;
import org.opendsr.reporting.store.application.Pseudonyms;
import org.opendsr.reporting.store.domain.Pseudonym;
import org.opendsr.testkit.ApiClient;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.DsrTestEnvironment;
import org.opendsr.testkit.TestTokens;

/**
 * The rebuild on the real broker and database: the store emptied and rebuilt from the beginning of the four topics
 * comes out equal to the store the live listeners kept; snapshots are not touched; events published while it runs are
 * applied exactly once by the live listeners once it is done; its progress is reported.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoreRebuildTest implements TestPropertyProvider {

    private static final String REBUILDS = "/reports/store/rebuilds";

    @Inject
    EmbeddedServer server;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    Pseudonyms pseudonyms;

    @Inject
    StoreRebuildHealthIndicator health;

    @Inject
    io.micrometer.core.instrument.MeterRegistry meters;

    private ApiClient api;
    private String lead;
    private StoreTables tables;
    private StoreEvents events;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DsrTestEnvironment.forService("reporting"));
        // A listener held off by the rebuild retries within a few seconds, not the production minute.
        properties.put("dsr.events.retry.initial-delay", "200ms");
        properties.put("dsr.events.retry.max-delay", "2s");
        return properties;
    }

    @BeforeAll
    void connect() {
        api = new ApiClient(server.getURL().toString());
        lead = TestTokens.get().tokenFor("sam.patel@bsw-icb.example", DsrRoles.DSR_LEAD);
        tables = new StoreTables(transactions);
        events = new StoreEvents();
    }

    @AfterAll
    void disconnect() {
        events.close();
    }

    @Test
    void theRebuiltStoreEqualsTheStoreBeforeAndTheListenersGoOnExactlyOnce() {
        List<Pseudonym> people = new ArrayList<>();
        List<StoreEvents.Event> published = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID person = UUID.randomUUID();
            people.add(pseudonyms.person(person));
            published.addAll(StoreEvents.everyTypeFor(person));
        }
        events.publish(published);
        await().atMost(Duration.ofSeconds(90)).until(() -> tables.factsOf(people).size() == 60);
        List<String> factsBefore = tables.factsOf(people);
        List<String> peopleBefore = tables.peopleOf(people);
        long snapshotRowsBefore = snapshotRows();
        List<String> indexesBefore = factIndexes();
        assertThat(indexesBefore).hasSizeGreaterThanOrEqualTo(4);

        ApiResponse started = api.post(REBUILDS, lead, Map.of());
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        String location = started.header("Location");
        assertThat(location).isEqualTo(REBUILDS + "/latest");
        assertThat(started.json().get("state").asText()).isIn("RUNNING", "DONE");
        // Published while it runs: the live listeners apply these once it is done (or the rebuild does), once.
        UUID later = UUID.randomUUID();
        Pseudonym laterPseudonym = pseudonyms.person(later);
        events.publish(StoreEvents.everyTypeFor(later));

        await().atMost(Duration.ofSeconds(120)).until(() -> !"RUNNING".equals(api.get(location, lead).json()
                .get("state").asText()));
        JsonNode done = api.get(REBUILDS + "/latest", lead).json();
        assertThat(done.get("state").asText()).isEqualTo("DONE");
        assertThat(done.get("finishedAt").isNull()).isFalse();
        assertThat(done.get("topics")).hasSize(4);
        for (JsonNode topic : done.get("topics")) {
            assertThat(topic.get("read").asLong()).as(topic.toString()).isEqualTo(topic.get("total").asLong());
        }
        assertThat(done.get("read").asLong()).isGreaterThanOrEqualTo(60);
        assertThat(done.get("eventsPerSecond").asDouble()).isPositive();

        assertThat(tables.factsOf(people)).isEqualTo(factsBefore);
        assertThat(tables.peopleOf(people)).isEqualTo(peopleBefore);
        assertThat(snapshotRows()).isEqualTo(snapshotRowsBefore);
        // Every fact replayed counts as already cut into the snapshot of its month, where that month is cut.
        assertThat(tables.count("SELECT last_cut_seq FROM reporting_store_state"))
                .isEqualTo(tables.count("SELECT COALESCE(max(seq), 0) FROM reporting_fact WHERE seq <= "
                        + "(SELECT last_cut_seq FROM reporting_store_state)"))
                .isGreaterThan(0);
        assertThat(tables.count("SELECT count(*) FROM reporting_store_state WHERE rebuilding")).isZero();
        // The facts' indexes, set aside while it wrote, are built again as they were; no definition is left kept.
        assertThat(factIndexes()).isEqualTo(indexesBefore);
        assertThat(tables.count("SELECT count(*) FROM store_rebuild_index")).isZero();

        // The events published during the rebuild, then a marker after them on the same partitions: once the marker is
        // in, every one of them has been settled, and each is there once.
        await().atMost(Duration.ofSeconds(90)).until(() -> tables.kindsOf(laterPseudonym).size() >= 20);
        events.publish(List.of(StoreEvents.of(EventTypes.RISK_RATING_CHANGED_V1, later),
                StoreEvents.of(EventTypes.PERSON_ADMISSION_REPORTED_V1, later)));
        await().atMost(Duration.ofSeconds(90)).until(() -> tables.kindsOf(laterPseudonym).size() >= 22);
        assertThat(tables.kindsOf(laterPseudonym)).containsExactlyInAnyOrder(
                "REFERRAL_RECEIVED", "REFERRAL_ACCEPTED", "REFERRAL_DECLINED", "REFERRAL_WITHDRAWN", "FIRST_CONTACT",
                "ADMISSION", "ADMISSION", "DISCHARGE", "KEYWORKER_SUGGESTED", "LEFT_REGISTER",
                "CONSENT", "CONSENT", "CONSENT", "CONSENT",
                "RATING", "RATING", "UPDATE_POSTED", "OBLIGATION_DUE", "OBLIGATION_COMPLETED",
                "RECOMMENDATION_MADE", "RECOMMENDATION_MET", "RECOMMENDATION_UNMET");
        // And the facts of before, still once each.
        assertThat(tables.factsOf(people)).isEqualTo(factsBefore);
    }

    @Test
    void whileTheStoreIsBeingRebuiltTheListenersHoldOffAndThenApplyEachEventOnce() {
        UUID person = UUID.randomUUID();
        Pseudonym pseudonym = pseudonyms.person(person);
        double retriesBefore = riskListenerRetries();
        rebuildingFlag(true);
        try {
            events.publish(List.of(StoreEvents.of(EventTypes.RISK_RATING_CHANGED_V1, person)));
            // Refused with the kit's transient failure: retried later, nothing written meanwhile.
            await().atMost(Duration.ofSeconds(60)).until(() -> riskListenerRetries() > retriesBefore);
            assertThat(tables.kindsOf(pseudonym)).isEmpty();
        } finally {
            rebuildingFlag(false);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> !tables.kindsOf(pseudonym).isEmpty());
        events.publish(List.of(StoreEvents.of(EventTypes.RISK_UPDATE_POSTED_V1, person)));
        await().atMost(Duration.ofSeconds(60)).until(() -> tables.kindsOf(pseudonym).size() >= 2);
        assertThat(tables.kindsOf(pseudonym)).containsExactly("RATING", "UPDATE_POSTED");
    }

    private double riskListenerRetries() {
        return meters.find("dsr.events.retries").tag("consumer", "reporting-service.risk-events").counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
    }

    @Test
    void aRebuildIsRefusedWhileLateFactsWaitForTheNextCutAndNothingIsEmptied() {
        // A month cut, and a fact that arrived in it after its cut (seq > last_cut_seq): the next cut counts it.
        sql("INSERT INTO snapshot (month, cut_at, last_seq) SELECT DATE '2026-11-01', now(), 0 "
                + "WHERE NOT EXISTS (SELECT 1 FROM snapshot)");
        sql("INSERT INTO reporting_fact (pseudonym, kind, occurred_on, arrived_month) "
                + "SELECT sha256('late fact'::bytea), 'ADMISSION', max(month), max(month) FROM snapshot");
        long factsBefore = count("SELECT count(*) FROM reporting_fact");
        long rebuildsBefore = count("SELECT count(*) FROM store_rebuild");
        try {
            ApiResponse refused = api.post(REBUILDS, lead, Map.of());

            assertThat(refused.status()).as(refused.text()).isEqualTo(409);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.text()).contains("next cut");
            assertThat(count("SELECT count(*) FROM reporting_fact")).isEqualTo(factsBefore);
            assertThat(count("SELECT count(*) FROM store_rebuild")).isEqualTo(rebuildsBefore);
        } finally {
            // As the next cut would: the late fact taken, so the other tests may rebuild.
            sql("UPDATE reporting_store_state SET last_cut_seq = (SELECT max(seq) FROM reporting_fact)");
        }
    }

    @Test
    void aFailedOrStalledRebuildHoldingTheStoreIsReportedDown() {
        long id = count("INSERT INTO store_rebuild (state, started_at, heartbeat_at) VALUES ('RUNNING', now(), now()) "
                + "RETURNING id");
        try {
            rebuildingFlag(true);
            assertThat(health.result().getStatus()).as("a rebuild on its way").isEqualTo(HealthStatus.UP);

            sql("UPDATE store_rebuild SET heartbeat_at = now() - interval '5 minutes' WHERE id = " + id);
            assertThat(health.result().getStatus()).as("no heartbeat for 5 minutes").isEqualTo(StoreRebuildHealthIndicator.STORE_HELD);

            sql("UPDATE store_rebuild SET state = 'FAILED', finished_at = now(), heartbeat_at = now() WHERE id = " + id);
            HealthResult failed = health.result();
            assertThat(failed.getStatus()).isEqualTo(StoreRebuildHealthIndicator.STORE_HELD);
            assertThat(String.valueOf(failed.getDetails()))
                    .contains("store rebuild failed/stalled: start a new rebuild");

            rebuildingFlag(false);
            assertThat(health.result().getStatus()).as("the store is not held").isEqualTo(HealthStatus.UP);
        } finally {
            rebuildingFlag(false);
            sql("UPDATE store_rebuild SET state = 'FAILED', finished_at = now() WHERE state = 'RUNNING' AND id = " + id);
        }
    }

    @Test
    void theFactIndexesSetAsideByARebuildThatDiedAreBuiltByTheNext() {
        List<String> indexesBefore = factIndexes();
        // What a rebuild that died after emptying the store leaves: the definitions kept, the indexes gone.
        sql("INSERT INTO store_rebuild_index (index_relation, definition) SELECT c.relname, pg_get_indexdef(i.indexrelid) "
                + "FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                + "WHERE i.indrelid = 'reporting_fact'::regclass AND NOT i.indisprimary");
        sql("DROP INDEX reporting_fact_by_person, reporting_fact_by_arrival");
        assertThat(factIndexes()).hasSize(indexesBefore.size() - 2);

        ApiResponse started = api.post(REBUILDS, lead, Map.of());
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(120)).until(() -> !"RUNNING".equals(api.get(REBUILDS + "/latest", lead).json()
                .get("state").asText()));
        assertThat(api.get(REBUILDS + "/latest", lead).json().get("state").asText()).isEqualTo("DONE");
        assertThat(factIndexes()).isEqualTo(indexesBefore);
        assertThat(tables.count("SELECT count(*) FROM store_rebuild_index")).isZero();
    }

    @Test
    void onlyAPlainIndexOfTheFactsCanBeKeptAside() {
        // The definitions kept are run as SQL when a rebuild finishes: V5's CHECKs hold them to a btree index's shape.
        assertThatThrownBy(() -> sql("INSERT INTO store_rebuild_index VALUES ('reporting_fact_x', "
                + "'CREATE INDEX reporting_fact_x ON reporting_fact USING btree (seq); DROP TABLE snapshot')"))
                .hasRootCauseInstanceOf(java.sql.SQLException.class);
        assertThatThrownBy(() -> sql("INSERT INTO store_rebuild_index VALUES ('snapshot_x', "
                + "'CREATE INDEX snapshot_x ON snapshot USING btree (month)')"))
                .hasRootCauseInstanceOf(java.sql.SQLException.class);
        assertThat(tables.count("SELECT count(*) FROM store_rebuild_index")).isZero();
    }

    /** reporting_fact's indexes but its primary key, as PostgreSQL defines them, in name order. */
    private List<String> factIndexes() {
        List<String> definitions = new ArrayList<>();
        transactions.executeRead(status -> {
            try (java.sql.Statement select = status.getConnection().createStatement();
                 java.sql.ResultSet rows = select.executeQuery("SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i "
                         + "JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = 'reporting_fact'::regclass "
                         + "AND NOT i.indisprimary ORDER BY c.relname")) {
                while (rows.next()) {
                    definitions.add(rows.getString(1));
                }
                return null;
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        return definitions;
    }

    private void sql(String statement) {
        transactions.executeWrite(status -> {
            try (java.sql.Statement update = status.getConnection().createStatement()) {
                return update.execute(statement);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private long count(String query) {
        return transactions.executeWrite(status -> {
            try (java.sql.Statement select = status.getConnection().createStatement();
                 java.sql.ResultSet row = select.executeQuery(query)) {
                row.next();
                return row.getLong(1);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private void rebuildingFlag(boolean rebuilding) {
        transactions.executeWrite(status -> {
            try (java.sql.PreparedStatement update = status.getConnection().prepareStatement(
                    "UPDATE reporting_store_state SET rebuilding = ?")) {
                update.setBoolean(1, rebuilding);
                return update.executeUpdate();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void onlyALeadMayRebuildOrSeeTheProgress() {
        String analyst = TestTokens.get().tokenFor("chris.lee@bsw-icb.example", DsrRoles.ANALYST);
        assertThat(api.post(REBUILDS, analyst, Map.of()).status()).isEqualTo(403);
        assertThat(api.get(REBUILDS + "/latest", analyst).status()).isEqualTo(403);
        assertThat(api.post(REBUILDS, null, Map.of()).status()).isEqualTo(401);
    }

    /** Rows of the frozen snapshots (V3, SNAPSHOTS' tables), where this build has them. */
    private long snapshotRows() {
        long rows = 0;
        for (String table : List.of("snapshot", "snapshot_cell", "snapshot_restatement")) {
            if (tables.tableExists(table)) {
                rows += tables.count("SELECT count(*) FROM " + table);
            }
        }
        return rows;
    }
}
