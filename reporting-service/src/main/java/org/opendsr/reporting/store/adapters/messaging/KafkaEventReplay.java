package org.opendsr.reporting.store.adapters.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import io.micronaut.configuration.kafka.config.KafkaDefaultConfiguration;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.opendsr.contracts.EventCatalogue;
import org.opendsr.kit.messaging.CloudEventCodec;
import org.opendsr.kit.messaging.CloudEventCodec.ReceivedCloudEvent;
import org.opendsr.kit.messaging.EventDataTree;
import org.opendsr.kit.messaging.ReceivedEvent;
import org.opendsr.kit.messaging.UnprocessableEvent;
import org.opendsr.reporting.store.application.EventReplay;
import org.opendsr.reporting.store.application.StoreConsumers;

/**
 * The replay as a plain {@link KafkaConsumer} in no group: every partition of the topics assigned, sought to its
 * beginning, read up to the end offsets captured when it opened (events published later are the live listeners'),
 * nothing committed. Records are read as the listeners read them, with the kit's codec ({@link CloudEventCodec}: the
 * envelope and the data checked against the published schemas) and mapped to the contract records from the parsed
 * tree ({@link EventDataTree}).
 */
@Singleton
public class KafkaEventReplay implements EventReplay {

    private final KafkaDefaultConfiguration kafka;
    private final JsonMapper json;
    private final int maxPollRecords;

    public KafkaEventReplay(KafkaDefaultConfiguration kafka, JsonMapper json,
                            @Value("${dsr.reporting.rebuild.max-poll-records:5000}") int maxPollRecords) {
        this.kafka = kafka;
        this.json = json;
        this.maxPollRecords = maxPollRecords;
    }

    @Override
    public Map<String, Long> firstOffsets(List<String> topics) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            Map<String, Long> firstByTopic = new HashMap<>();
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                firstByTopic.put(topic, 0L);
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
                if (infos != null) {
                    infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                }
            }
            consumer.beginningOffsets(partitions, Duration.ofSeconds(30))
                    .forEach((partition, first) -> firstByTopic.merge(partition.topic(), first, Math::max));
            return firstByTopic;
        }
    }

    @Override
    public Replay open(List<String> topics) {
        return new KafkaReplay(consumer(), topics);
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Map<String, Object> properties = new HashMap<>();
        Properties shared = kafka.getConfig();
        shared.stringPropertyNames().stream()
                .filter(name -> !name.startsWith("health"))
                .forEach(name -> properties.put(name, shared.getProperty(name)));
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "reporting-service-store-rebuild");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        properties.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private final class KafkaReplay implements Replay {

        private final KafkaConsumer<String, byte[]> consumer;
        private final Map<TopicPartition, Long> ends;
        private final Map<String, Long> totals = new HashMap<>();

        KafkaReplay(KafkaConsumer<String, byte[]> consumer, List<String> topics) {
            this.consumer = consumer;
            try {
                List<TopicPartition> partitions = new ArrayList<>();
                for (String topic : topics) {
                    List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
                    if (infos != null) {
                        infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                    }
                    totals.put(topic, 0L);
                }
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions, Duration.ofSeconds(30));
                this.ends = new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(30)));
                for (TopicPartition partition : partitions) {
                    totals.merge(partition.topic(), ends.get(partition) - beginnings.get(partition), Long::sum);
                }
                ends.entrySet().removeIf(end -> end.getValue() <= beginnings.get(end.getKey()));
                consumer.pause(partitions.stream().filter(partition -> !ends.containsKey(partition)).toList());
            } catch (RuntimeException e) {
                consumer.close();
                throw e;
            }
        }

        @Override
        public Map<String, Long> totals() {
            return Map.copyOf(totals);
        }

        @Override
        public boolean done() {
            return ends.isEmpty();
        }

        @Override
        public Batch next() {
            if (done()) {
                return new Batch(List.of(), Map.of(), 0);
            }
            ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
            List<ReceivedEvent<?>> events = new ArrayList<>(records.count());
            Map<String, Long> read = new HashMap<>();
            long unreadable = 0;
            for (TopicPartition partition : records.partitions()) {
                Long end = ends.get(partition);
                if (end == null) {
                    continue;
                }
                Set<String> types = StoreConsumers.TYPES_OF_TOPIC.get(partition.topic());
                for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                    if (record.offset() >= end) {
                        break;
                    }
                    read.merge(partition.topic(), 1L, Long::sum);
                    try {
                        ReceivedEvent<?> event = decode(record, types);
                        if (event != null) {
                            events.add(event);
                        }
                    } catch (UnprocessableEvent unreadableEvent) {
                        unreadable++;
                    }
                }
            }
            // Past a partition's end (or at it: a compacted or transactional topic may leave gaps), it is done.
            for (TopicPartition partition : List.copyOf(ends.keySet())) {
                if (consumer.position(partition) >= ends.get(partition)) {
                    ends.remove(partition);
                    consumer.pause(List.of(partition));
                }
            }
            return new Batch(events, read, unreadable);
        }

        /** The event, or null for a type the store does not apply. */
        private ReceivedEvent<?> decode(ConsumerRecord<String, byte[]> record, Set<String> types) {
            ReceivedCloudEvent cloudEvent = CloudEventCodec.read(record.value());
            if (!types.contains(cloudEvent.type())) {
                return null;
            }
            Class<?> payloadType = EventCatalogue.of(cloudEvent.type()).payloadType();
            Object payload;
            try {
                payload = json.readValueFromTree(EventDataTree.of(cloudEvent.data()), payloadType);
            } catch (Exception e) {
                throw new UnprocessableEvent(UnprocessableEvent.Reason.UNREADABLE_DATA,
                        "data cannot be read as " + payloadType.getSimpleName(), e);
            }
            return new ReceivedEvent<>(cloudEvent.id(), cloudEvent.type(), cloudEvent.source(), cloudEvent.subject(),
                    cloudEvent.time(), cloudEvent.correlationId(), payload, record.topic());
        }

        @Override
        public void close() {
            consumer.close(Duration.ofSeconds(5));
        }
    }
}
