package org.opendsr.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.opendsr.contracts.EventCatalogue;
import org.opendsr.contracts.EventContract;
import org.opendsr.contracts.Topics;

/**
 * A backlog of events on the four topics reporting-service reads, for the rebuild measurement: every event type its
 * store turns into a fact or a person's attributes, each made from its contract's golden sample (so it is valid
 * against the contract's schema) with a fresh event id, fresh record ids and a person from a pool, published in a
 * shuffled order by a batching producer keyed by personId, as the services' relays key their events. Seeded: every
 * run publishes the same mix.
 */
final class ReportingBacklog {

    /** The topics reporting-service's store is built from (its four listeners', and the rebuild's). */
    static final List<String> TOPICS = List.of(Topics.REFERRAL_EVENTS, Topics.CONSENT_EVENTS, Topics.RISK_EVENTS,
            Topics.MEETING_EVENTS);

    /**
     * The mix: event type -> share of the backlog (normalised), roughly as a year of the DSR's events would be:
     * updates and ratings most, referrals and their decisions, consent, obligations, recommendations.
     */
    static final Map<String, Double> MIX = mix(
            "dsr.referral.received.v1", 5, "dsr.referral.accepted.v1", 4, "dsr.referral.contacted.v1", 4,
            "dsr.referral.declined.v1", 1, "dsr.referral.withdrawn.v1", 0.5, "dsr.register.person-removed.v1", 0.5,
            "dsr.person.moved.v1", 1, "dsr.person.turned-18.v1", 0.5, "dsr.person.admission-reported.v1", 1.5,
            "dsr.person.discharge-reported.v1", 1.5, "dsr.person.keyworker-referral-suggested.v1", 1,
            "dsr.register.admitted-not-on-register.v1", 0.5,
            "dsr.risk.rating-changed.v1", 12, "dsr.risk.update-posted.v1", 30, "dsr.risk.obligation-due.v1", 8,
            "dsr.risk.obligation-completed.v1", 7,
            "dsr.consent.recorded.v1", 6, "dsr.consent.overdue.v1", 1.5, "dsr.consent.lapsed.v1", 0.5,
            "dsr.consent.withdrawn.v1", 0.5,
            "dsr.meeting.recommendation-made.v1", 6, "dsr.meeting.recommendation-met.v1", 3,
            "dsr.meeting.recommendation-unmet.v1", 2);

    private static final Pattern UUID_TEXT = Pattern.compile(
            "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String bootstrapServers;
    /** Type -> its contract's golden sample; only the types of the MIX the contracts (of this build) know. */
    private final Map<String, ObjectNode> samples = new LinkedHashMap<>();
    private final List<String> unknownTypes = new ArrayList<>();

    ReportingBacklog(String bootstrapServers) throws IOException {
        this.bootstrapServers = bootstrapServers;
        for (String type : MIX.keySet()) {
            var contract = EventCatalogue.byType(type);
            if (contract.isEmpty() || !TOPICS.contains(contract.get().topic())) {
                unknownTypes.add(type);
                continue;
            }
            try (InputStream sample = EventContract.class.getClassLoader()
                    .getResourceAsStream(contract.get().sampleResource())) {
                if (sample == null) {
                    unknownTypes.add(type);
                    continue;
                }
                samples.put(type, (ObjectNode) JSON.readTree(sample));
            }
        }
    }

    /** Types of the mix this build's contracts do not have (e.g. one another branch adds): left out of the backlog. */
    List<String> unknownTypes() {
        return unknownTypes;
    }

    /**
     * How many events of each type a backlog of {@code events} has: the mix's shares of the known types, rounded by
     * the largest remainder so that they add up to {@code events} exactly.
     */
    static Map<String, Integer> counts(Map<String, Double> shares, int events) {
        double total = shares.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Double> remainders = new LinkedHashMap<>();
        int allotted = 0;
        for (Map.Entry<String, Double> share : shares.entrySet()) {
            double exact = events * share.getValue() / total;
            int whole = (int) Math.floor(exact);
            counts.put(share.getKey(), whole);
            remainders.put(share.getKey(), exact - whole);
            allotted += whole;
        }
        Iterator<String> largestFirst = remainders.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(Map.Entry::getKey).iterator();
        for (int left = events - allotted; left > 0; left--) {
            counts.merge(largestFirst.next(), 1, Integer::sum);
        }
        return counts;
    }

    /** What was published. */
    record Published(int events, Map<String, Integer> byType, Map<String, Integer> byTopic, int people,
                     double seconds, List<String> leftOut) {

        Map<String, Object> asJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("events", events);
            json.put("people", people);
            json.put("publishSeconds", Latencies.round(seconds));
            json.put("byTopic", byTopic);
            json.put("byType", byType);
            json.put("typesNotInThisBuildsContracts", leftOut);
            return json;
        }
    }

    /** Publishes {@code events} events (about one person per ten events) and waits until the broker has them all. */
    Published publish(int events) throws Exception {
        Map<String, Double> known = new LinkedHashMap<>();
        MIX.forEach((type, share) -> {
            if (samples.containsKey(type)) {
                known.put(type, share);
            }
        });
        Map<String, Integer> counts = counts(known, events);
        List<String> schedule = new ArrayList<>(events);
        counts.forEach((type, count) -> {
            for (int i = 0; i < count; i++) {
                schedule.add(type);
            }
        });
        Random random = new Random(14);
        java.util.Collections.shuffle(schedule, random);
        int people = Math.max(1, events / 10);
        List<String> personIds = new ArrayList<>(people);
        for (int i = 0; i < people; i++) {
            personIds.add(new UUID(random.nextLong(), random.nextLong()).toString());
        }
        Map<String, Integer> byTopic = new LinkedHashMap<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long started = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (String type : schedule) {
                String personId = personIds.get(random.nextInt(people));
                String topic = EventCatalogue.of(type).topic();
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, personId,
                        event(samples.get(type), personId).toString().getBytes(StandardCharsets.UTF_8));
                record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
                producer.send(record, (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
                byTopic.merge(topic, 1, Integer::sum);
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("Could not publish the reporting backlog", failure.get());
        }
        return new Published(events, counts, byTopic, people, (System.nanoTime() - started) / 1e9, unknownTypes);
    }

    /** The sample with fresh ids (every UUID-valued "...Id" in its data), this person, and the time now. */
    static ObjectNode event(ObjectNode sample, String personId) {
        ObjectNode event = sample.deepCopy();
        String samplePerson = sample.path("data").path("personId").asText(null);
        event.put("id", UUID.randomUUID().toString());
        event.put("time", Instant.now().toString());
        if (event.has("correlationid")) {
            event.put("correlationid", UUID.randomUUID().toString());
        }
        if (samplePerson != null && samplePerson.equals(event.path("subject").asText())) {
            event.put("subject", personId);
        }
        ObjectNode data = (ObjectNode) event.get("data");
        List<String> fields = new ArrayList<>();
        data.fieldNames().forEachRemaining(fields::add);
        for (String field : fields) {
            JsonNode value = data.get(field);
            if (field.equals("personId")) {
                data.put(field, personId);
            } else if (field.endsWith("Id") && value.isTextual() && UUID_TEXT.matcher(value.asText()).matches()) {
                data.put(field, UUID.randomUUID().toString());
            }
        }
        return event;
    }

    private KafkaProducer<String, byte[]> producer() {
        Map<String, Object> properties = new HashMap<>();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "benchmark-reporting-backlog");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        properties.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000);
        return new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
    }

    /** The events the topics hold (end offsets summed; nothing is deleted during a run). */
    static long eventsOn(String bootstrapServers, Collection<String> topics) throws Exception {
        try (Admin admin = admin(bootstrapServers)) {
            return endOffsets(admin, topics).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * How many events of the topics the live consumer groups have not committed yet: reporting-service's
     * ({@code reporting-service.<topic>}, one per listener; a partition it has committed nothing on counts whole) and
     * every other service's group reading them (the backlog reaches their listeners too: measured while they were
     * still at it, the rebuild would share the machine and PostgreSQL with them).
     */
    static long liveLag(String bootstrapServers) throws Exception {
        return lagByGroup(bootstrapServers).values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * {@link #liveLag}, group by group (only those behind), so that a run whose wait times out says which listener
     * was still at it.
     */
    static Map<String, Long> lagByGroup(String bootstrapServers) throws Exception {
        try (Admin admin = admin(bootstrapServers)) {
            Map<TopicPartition, Long> ends = endOffsets(admin, TOPICS);
            Map<String, Long> behind = new TreeMap<>();
            for (String topic : TOPICS) {
                String group = liveGroupOf(topic);
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                long lag = 0;
                for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                    if (end.getKey().topic().equals(topic)) {
                        OffsetAndMetadata offset = committed.get(end.getKey());
                        lag += end.getValue() - (offset == null ? 0 : offset.offset());
                    }
                }
                if (lag > 0) {
                    behind.put(group, lag);
                }
            }
            for (var listing : admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS)) {
                String group = listing.groupId();
                if (group.startsWith("reporting-service.")) {
                    continue;
                }
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                long lag = 0;
                for (Map.Entry<TopicPartition, OffsetAndMetadata> offset : committed.entrySet()) {
                    Long end = ends.get(offset.getKey());
                    if (end != null && offset.getValue() != null) {
                        lag += Math.max(0, end - offset.getValue().offset());
                    }
                }
                if (lag > 0) {
                    behind.merge(group, lag, Long::sum);
                }
            }
            return behind;
        }
    }

    /** The consumer group of reporting-service's listener of a topic, e.g. reporting-service.referral-events. */
    static String liveGroupOf(String topic) {
        return "reporting-service." + topic.replaceFirst("^dsr\\.", "").replace('.', '-');
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, Collection<String> topics) throws Exception {
        Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        List<String> present = topics.stream().filter(existing::contains).toList();
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        admin.describeTopics(present).allTopicNames().get(30, TimeUnit.SECONDS).forEach((topic, description) ->
                description.partitions().forEach(partition ->
                        request.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest())));
        return admin.listOffsets(request).all().get(30, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    private static Admin admin(String bootstrapServers) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000));
    }

    private static Map<String, Double> mix(Object... pairs) {
        Map<String, Double> mix = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            mix.put((String) pairs[i], ((Number) pairs[i + 1]).doubleValue());
        }
        return java.util.Collections.unmodifiableMap(mix);
    }
}
