package org.opendsr.benchmarks.chaos;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.opendsr.local.LocalDsr;

/** Reads what the system holds at the end: every service's database, every topic, the DLT, the consumers' lag. */
final class Evidence {

    static final List<String> DATABASES = List.of("referral", "consent", "risk", "meeting", "reporting");
    static final String REFERRAL_EVENTS = "dsr.referral.events";
    static final String REFERRAL_RECEIVED = "dsr.referral.received.v1";
    static final String AGENCY_DLT = AgencyEvents.TOPIC + ".dlt";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalDsr dsr;

    Evidence(LocalDsr dsr) {
        this.dsr = dsr;
    }

    Reconciliation.Observations gather(Ledger ledger, Map<String, Long> lagging, Map<Integer, Long> agencyCommitted)
            throws SQLException {
        Set<String> referralIds = new HashSet<>(column("referral", "SELECT id::text FROM referral"));
        Map<String, Integer> byAgencyRef = new HashMap<>();
        query("referral", "SELECT agency_reference, count(*) FROM referral WHERE agency_reference IS NOT NULL GROUP BY 1",
                row -> byAgencyRef.put(row.getString(1), row.getInt(2)));
        Map<String, Long> unpublished = new HashMap<>();
        Map<String, Set<String>> publishedIds = new HashMap<>();
        Map<String, Set<String>> applied = new HashMap<>();
        for (String database : DATABASES) {
            String service = database + "-service";
            query(database, "SELECT count(*) FROM dsr_kit.outbox_event WHERE published_at IS NULL",
                    row -> unpublished.put(service, row.getLong(1)));
            query(database, "SELECT topic, id::text FROM dsr_kit.outbox_event WHERE published_at IS NOT NULL",
                    row -> publishedIds.computeIfAbsent(row.getString(1), t -> new HashSet<>()).add(row.getString(2)));
            query(database, "SELECT consumer, event_id FROM dsr_kit.processed_event",
                    row -> applied.computeIfAbsent(row.getString(1), c -> new HashSet<>()).add(row.getString(2)));
        }
        long[] reportTotal = {0};
        query("reporting", "SELECT coalesce(sum(referrals), 0) FROM referrals_received_monthly",
                row -> reportTotal[0] = row.getLong(1));
        Set<String> consentOpen = new HashSet<>(column("consent", "SELECT referral_id::text FROM known_person_open_referral"));

        Map<String, Map<String, Integer>> idsOnTopics = new HashMap<>();
        Map<String, String> referralsReceived = new HashMap<>();
        Set<String> topics = new HashSet<>(publishedIds.keySet());
        topics.add(REFERRAL_EVENTS);
        for (String topic : topics) {
            Map<String, Integer> ids = new HashMap<>();
            read(topic, record -> {
                JsonNode event = json(record.value());
                String id = event.path("id").asText(null);
                if (id != null) {
                    ids.merge(id, 1, Integer::sum);
                }
                if (topic.equals(REFERRAL_EVENTS) && REFERRAL_RECEIVED.equals(event.path("type").asText())) {
                    referralsReceived.put(event.path("data").path("referralId").asText(), id);
                }
            });
            idsOnTopics.put(topic, ids);
        }
        Map<String, String> deadLettered = new HashMap<>();
        read(AGENCY_DLT, record -> deadLettered.put(originOf(record), reasonOf(record)));

        return new Reconciliation.Observations(Set.copyOf(ledger.acceptedReferralIds),
                List.copyOf(ledger.validAgencyEvents), List.copyOf(ledger.badAgencyEvents), referralIds, byAgencyRef,
                unpublished, publishedIds, idsOnTopics, referralsReceived, applied, reportTotal[0], consentOpen,
                deadLettered, lagging, agencyCommitted, List.copyOf(ledger.unexpected5xx));
    }

    /** "partition:offset" of the original record: from the dsr.dlt.* headers, or from the dead letter's own fields. */
    static String originOf(ConsumerRecord<String, byte[]> record) {
        String partition = header(record, "dsr.dlt.original-partition");
        String offset = header(record, "dsr.dlt.original-offset");
        if (partition == null || offset == null) {
            JsonNode value = json(record.value());
            partition = firstField(value, "partition");
            offset = firstField(value, "offset");
        }
        return partition + ":" + offset;
    }

    static String reasonOf(ConsumerRecord<String, byte[]> record) {
        String reason = header(record, "dsr.dlt.reason");
        return reason != null ? reason : firstField(json(record.value()), "reason");
    }

    private static String firstField(JsonNode node, String namePart) {
        var fields = node.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            if (field.getKey().toLowerCase().contains(namePart) && field.getValue().isValueNode()) {
                return field.getValue().asText();
            }
        }
        return null;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static JsonNode json(byte[] value) {
        try {
            return value == null ? JSON.createObjectNode() : JSON.readTree(value);
        } catch (Exception notJson) {
            return JSON.createObjectNode();
        }
    }

    /** Reads a topic from its beginning to its end as they are now; a topic that does not exist is empty. */
    private void read(String topic, java.util.function.Consumer<ConsumerRecord<String, byte[]>> each) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, dsr.kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1_048_576),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            if (partitions.isEmpty()) {
                return;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " to its end within 120 s");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(each);
            }
        } catch (org.apache.kafka.common.errors.UnknownTopicOrPartitionException absent) {
            // nothing was ever written there
        }
    }

    private interface Row {
        void read(ResultSet row) throws SQLException;
    }

    private void query(String database, String sql, Row row) throws SQLException {
        try (Connection connection = DriverManager.getConnection(dsr.jdbcUrl(database), dsr.postgresUsername(),
                dsr.postgresPassword());
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                row.read(result);
            }
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState()) || "3F000".equals(e.getSQLState())) {
                return; // a service without that table (no outbox yet): nothing to reconcile there
            }
            throw e;
        }
    }

    private List<String> column(String database, String sql) throws SQLException {
        List<String> values = new java.util.ArrayList<>();
        query(database, sql, row -> values.add(row.getString(1)));
        return values;
    }
}
