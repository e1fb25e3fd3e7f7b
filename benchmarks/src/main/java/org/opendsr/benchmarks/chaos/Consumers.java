package org.opendsr.benchmarks.chaos;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** The consumer groups on the broker, their committed offsets and lag, read with the admin client. */
final class Consumers implements AutoCloseable {

    private final Admin admin;

    Consumers(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000));
    }

    Collection<String> groups() throws Exception {
        return admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS).stream()
                .map(ConsumerGroupListing::groupId).sorted().toList();
    }

    /** The groups of one service: named after it ("consent-service", "referral-service.agency-inbound"). */
    Collection<String> groupsOf(String service) throws Exception {
        return groups().stream().filter(group -> group.equals(service) || group.startsWith(service + ".")).toList();
    }

    Map<TopicPartition, Long> committed(String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, Long> committed = new HashMap<>();
        offsets.forEach((partition, offset) -> {
            if (offset != null) {
                committed.put(partition, offset.offset());
            }
        });
        return committed;
    }

    Map<TopicPartition, Long> ends(Collection<TopicPartition> partitions) throws Exception {
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all().get(10, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    /** "group topic-partition" -> lag, for every partition of every group with a lag above zero. */
    Map<String, Long> lagging() throws Exception {
        Map<String, Long> lagging = new HashMap<>();
        for (String group : groups()) {
            Map<TopicPartition, Long> committed = committed(group);
            if (committed.isEmpty()) {
                continue;
            }
            Map<TopicPartition, Long> ends = ends(committed.keySet());
            committed.forEach((partition, offset) -> {
                long lag = ends.getOrDefault(partition, offset) - offset;
                if (lag > 0) {
                    lagging.put(group + " " + partition, lag);
                }
            });
        }
        return lagging;
    }

    @Override
    public void close() {
        admin.close();
    }
}
