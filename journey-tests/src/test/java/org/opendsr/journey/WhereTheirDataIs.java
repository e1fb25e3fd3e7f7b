package org.opendsr.journey;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.opendsr.testkit.DatabaseCoordinates;

/**
 * Where a person's data is: every table of every service's database (each row read as text) and every record of every
 * topic, searched for given values (their name, NHS number, date of birth, e-mail, or their personId). What an erasure
 * must leave empty is found this way rather than from a list of tables, so that a table or topic added later is
 * searched too.
 */
final class WhereTheirDataIs {

    private WhereTheirDataIs() {
    }

    /** Rows containing any of the values (case-insensitive), counted by "database: schema.table". */
    static Map<String, Long> rowsContaining(Map<String, DatabaseCoordinates> databases, List<String> values) {
        Map<String, Long> found = new TreeMap<>();
        for (Map.Entry<String, DatabaseCoordinates> database : databases.entrySet()) {
            DatabaseCoordinates at = database.getValue();
            try (Connection connection = DriverManager.getConnection(at.jdbcUrl(), at.username(), at.password())) {
                Array patterns = connection.createArrayOf("text",
                        values.stream().map(value -> "%" + value.replace("%", "\\%").replace("_", "\\_") + "%")
                                .toArray());
                for (String table : tables(connection)) {
                    try (PreparedStatement count = connection.prepareStatement(
                            "SELECT count(*) FROM " + table + " t WHERE t::text ILIKE ANY (?)")) {
                        count.setArray(1, patterns);
                        try (ResultSet row = count.executeQuery()) {
                            row.next();
                            if (row.getLong(1) > 0) {
                                found.put(database.getKey() + ": " + table, row.getLong(1));
                            }
                        }
                    }
                }
            } catch (SQLException e) {
                throw new AssertionError("could not search " + database.getKey() + "'s database: " + e.getMessage(), e);
            }
        }
        return found;
    }

    /** The service's own tables and the kit's (Flyway's history aside: it holds migrations, nothing about anyone). */
    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables "
                        + "WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') "
                        + "AND table_name NOT LIKE 'flyway_schema_history%' ORDER BY 1");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    /**
     * Records whose key, value or headers contain any of the values (case-insensitive), counted by topic, over every
     * topic {@code searched} accepts, from the beginning of each partition to where it ended when the search began.
     */
    static Map<String, Long> recordsContaining(String bootstrapServers, List<String> values, Predicate<String> searched) {
        List<String> wanted = values.stream().map(value -> value.toLowerCase(Locale.ROOT)).toList();
        Map<String, Long> found = new TreeMap<>();
        Set<String> topics;
        Map<String, Object> adminConfig = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(adminConfig)) {
            topics = admin.listTopics().names().get();
        } catch (Exception e) {
            throw new AssertionError("could not list the topics: " + e.getMessage(), e);
        }
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                if (topic.startsWith("__") || !searched.test(topic)) {
                    continue;
                }
                for (PartitionInfo partition : consumer.partitionsFor(topic)) {
                    partitions.add(new TopicPartition(topic, partition.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions));
            ends.entrySet().removeIf(end -> end.getValue() == 0);
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (!ends.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read every topic to its end within 2 minutes: " + ends.keySet());
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (contains(record, wanted)) {
                        found.merge(record.topic(), 1L, Long::sum);
                    }
                }
                ends.entrySet().removeIf(end -> consumer.position(end.getKey()) >= end.getValue());
            }
        }
        return found;
    }

    private static boolean contains(ConsumerRecord<String, String> record, List<String> wanted) {
        StringBuilder text = new StringBuilder();
        text.append(record.key()).append('\n').append(record.value()).append('\n');
        record.headers().forEach(header -> text.append(header.key()).append('=')
                .append(header.value() == null ? "" : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8))
                .append('\n'));
        String lower = text.toString().toLowerCase(Locale.ROOT);
        return wanted.stream().anyMatch(lower::contains);
    }
}
