package org.opendsr.gateway.routing;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.opendsr.contracts.EventCatalogue;
import org.opendsr.contracts.EventContract;
import org.opendsr.contracts.EventTypes;
import org.opendsr.kit.observability.SafeThrowables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the gateway's access record of each API call ({@code dsr.gateway.access-recorded.v1} on
 * {@code dsr.gateway.access}) so that referral-service keeps it in its audit store, where a lead reads it per person
 * and per user. The log line ({@code dsr.audit.access}) is written whatever happens here.
 *
 * <p><b>Never in the request's way.</b> A record is handed to one publishing thread through a bounded queue and the
 * request goes on: sending (which may wait up to {@code max.block.ms} for the broker's metadata) never slows or
 * fails a call. A full queue drops the record and counts it.
 *
 * <p><b>At least once, while the broker is reachable.</b> The producer is idempotent with {@code acks=all} and
 * retries until {@code delivery.timeout.ms} (2 minutes): a record the broker acknowledged is on every in-sync
 * replica; a retry after a lost acknowledgement may deliver it twice, which referral-service ignores (one entry per
 * event id). The gateway has no database, so it has no outbox: a record still unsent when the delivery timeout ends
 * (the broker down for longer), when the queue is full, or when the gateway is killed with records in memory is
 * <b>lost from the audit store</b> and counted in {@code dsr_gateway_access_records_failed_total}; its log line
 * remains, so central logging still holds it. Keeping it would need the gateway to keep state, which it must not.
 */
@Singleton
public class AccessRecords {

    private static final Logger LOG = LoggerFactory.getLogger(AccessRecords.class);
    /** The person a path names: {@code .../people/{personId}...}. Other ids (referrals, consents) are not people. */
    private static final Pattern PERSON_IN_PATH = Pattern.compile(
            "/people/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(?:/|$)");
    /** CloudEvents subject limit of the DSR's envelope schema. */
    private static final int SUBJECT_LIMIT = 100;
    private static final int PATH_LIMIT = 2000;

    private final EventContract contract = EventCatalogue.of(EventTypes.GATEWAY_ACCESS_RECORDED_V1);
    private final JsonMapper json;
    private final @Nullable Producer<String, byte[]> producer;
    private final @Nullable ThreadPoolExecutor publishing;
    private final Counter dropped;
    private final Counter failed;

    public AccessRecords(Environment environment, JsonMapper json, MeterRegistry meters,
                         @Value("${dsr.gateway.access-records.enabled:true}") boolean enabled,
                         @Value("${dsr.gateway.access-records.queue-size:10000}") int queueSize) {
        this.json = json;
        this.dropped = Counter.builder("dsr.gateway.access-records.failed").tag("reason", "queue-full")
                .description("Access records not published to Kafka (their log line remains)").register(meters);
        this.failed = Counter.builder("dsr.gateway.access-records.failed").tag("reason", "send-failed")
                .description("Access records not published to Kafka (their log line remains)").register(meters);
        Optional<String> bootstrap = environment.getProperty("kafka.bootstrap.servers", String.class)
                .filter(servers -> !servers.isBlank());
        if (!enabled || bootstrap.isEmpty()) {
            LOG.warn("The gateway's access records are logged only, not published to {}: {}", contract.topic(),
                    enabled ? "no kafka.bootstrap.servers (KAFKA_BOOTSTRAP_SERVERS)" : "dsr.gateway.access-records.enabled=false");
            this.producer = null;
            this.publishing = null;
            return;
        }
        this.producer = new KafkaProducer<>(producerProperties(environment, bootstrap.get()),
                new StringSerializer(), new ByteArraySerializer());
        this.publishing = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queueSize), runnable -> {
                    Thread thread = new Thread(runnable, "dsr-access-records");
                    thread.setDaemon(true);
                    return thread;
                }, (runnable, executor) -> dropped.increment());
    }

    /** The kit's reliable producer settings, and the Kafka security settings a service gets from the chassis. */
    private static Map<String, Object> producerProperties(Environment environment, String bootstrapServers) {
        Map<String, Object> properties = new HashMap<>();
        for (String name : List.of("security.protocol", "sasl.mechanism", "sasl.jaas.config", "ssl.truststore.type",
                "ssl.truststore.location")) {
            environment.getProperty("kafka." + name, String.class).filter(value -> !value.isBlank())
                    .ifPresent(value -> properties.put(name, value));
        }
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "gateway-access-records");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return properties;
    }

    /** The person a path names, if any. */
    static Optional<UUID> personIn(String path) {
        Matcher matcher = PERSON_IN_PATH.matcher(path);
        return matcher.find() ? Optional.of(UUID.fromString(matcher.group(1))) : Optional.empty();
    }

    /**
     * Hands the record of one answered call to the publishing thread and returns at once.
     *
     * @param path the normalised raw path (or, for a path refused as ambiguous, the raw path), never a query string
     */
    public void publish(String subject, List<String> roles, String method, String path, int status, Instant at,
                        @Nullable String correlationId) {
        if (publishing == null) {
            return;
        }
        publishing.execute(() -> send(subject, roles, method, path, status, at, correlationId));
    }

    private void send(String subject, List<String> roles, String method, String path, int status, Instant at,
                      @Nullable String correlationId) {
        try {
            String pathOnly = path.length() > PATH_LIMIT ? path.substring(0, PATH_LIMIT) : path;
            Optional<UUID> personId = personIn(pathOnly);
            String key = personId.map(UUID::toString).orElse(subject);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("subject", subject);
            data.put("roles", roles);
            data.put("method", method);
            data.put("path", pathOnly);
            personId.ifPresent(id -> data.put("personId", id.toString()));
            data.put("status", status);
            data.put("occurredAt", at.toString());
            if (correlationId != null) {
                data.put("correlationId", correlationId);
            }
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("specversion", "1.0");
            event.put("id", UUID.randomUUID().toString());
            event.put("source", contract.source());
            event.put("type", contract.type());
            if (key.length() <= SUBJECT_LIMIT) {
                event.put("subject", key);
            }
            event.put("time", at.toString());
            event.put("datacontenttype", "application/json");
            event.put("dataschema", contract.dataSchema().toString());
            if (correlationId != null) {
                event.put("correlationid", correlationId);
            }
            event.put("data", data);
            producer.send(new ProducerRecord<>(contract.topic(), key, json.writeValueAsBytes(event)),
                    (metadata, failure) -> {
                        if (failure != null) {
                            failed.increment();
                            LOG.warn("An access record was not published (its log line remains): {}",
                                    SafeThrowables.summary(failure));
                        }
                    });
        } catch (Exception e) {
            // send() itself refused (no metadata within max.block.ms, producer closed...): counted, never thrown.
            failed.increment();
            LOG.warn("An access record was not published (its log line remains): {}", SafeThrowables.summary(e));
        }
    }

    /** Lets queued records go out (a few seconds at most) before the producer closes. */
    @PreDestroy
    void close() {
        if (publishing == null) {
            return;
        }
        publishing.shutdown();
        try {
            publishing.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
