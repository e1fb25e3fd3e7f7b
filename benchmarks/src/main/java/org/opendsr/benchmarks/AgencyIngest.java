package org.opendsr.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Referrals arriving from agency systems on the demo agency's {@code dsr.agency.inbound.wiltshire-council} instead of through the gateway: referral-service
 * validates each event against its schema, matches and stores the person and the referral with its inbox and outbox
 * rows, and its relay publishes a ReferralReceived event on {@code dsr.referral.events}. The events are published
 * as a backlog (a batching producer, as an agency system's bulk upload would), and the rate is the number of events
 * over the time from the first send until the last one's ReferralReceived was seen: what the consumer path sustains.
 *
 * <p>Each event is the contract's golden sample (read from the repository, so it cannot drift from the schema) with a
 * fresh event id, agency reference and NHS number from the never-issued 999 range (Modulus 11 valid), and the
 * name and date of birth of {@link ReferralSample} referral {@code index}: a different new person each.
 */
final class AgencyIngest {

    /** The demo agency's own topic (issue 11: one per agency; the sample's source is /agency/wiltshire-council). */
    static final String AGENCY_INBOUND = "dsr.agency.inbound.wiltshire-council";
    private static final String SAMPLE = "event-contracts/src/main/resources/dsr/samples/dsr.agency.referral-submitted.v1.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong NEXT_NHS_NUMBER = new AtomicLong(999_000_000L);

    private final String bootstrapServers;
    private final JsonNode sample;

    AgencyIngest(String bootstrapServers, Path repositoryRoot) throws IOException {
        this.bootstrapServers = bootstrapServers;
        this.sample = JSON.readTree(repositoryRoot.resolve(SAMPLE).toFile());
    }

    /**
     * @param events          events published
     * @param seen            their ReferralReceived events seen on the topic in time
     * @param elapsedNanos    first send -> last ReferralReceived seen (or the timeout)
     * @param publishNanos    first send -> all acknowledged by the broker
     * @param cpu             where the CPU went over the whole ingest
     */
    record Result(int events, int seen, long elapsedNanos, long publishNanos, CpuMeter.Usage cpu) {

        double perSecond() {
            return seen < events ? Double.NaN : events / (elapsedNanos / 1e9);
        }
    }

    Result ingest(int events, int firstIndex, Duration timeout, CpuMeter cpu) throws Exception {
        AtomicInteger seen = new AtomicInteger();
        AtomicLong lastSeen = new AtomicLong();
        // Referral-received events carry no agency reference (it is personal to the agency), so count by route; the
        // watcher starts at the end, so only this ingest's agency referrals are counted.
        try (TopicWatcher watcher = TopicWatcher.start(bootstrapServers, ReferralJourney.REFERRAL_EVENTS, true,
                (record, seenNanos, seenAt) -> count(record, seenNanos, seen, lastSeen));
             KafkaProducer<String, byte[]> producer = producer()) {
            CpuMeter.Reading before = cpu.read();
            AtomicReference<Exception> failure = new AtomicReference<>();
            long start = System.nanoTime();
            for (int i = 0; i < events; i++) {
                String nhsNumber = nextNhsNumber();
                ObjectNode event = event(firstIndex + i, nhsNumber);
                producer.send(new ProducerRecord<>(AGENCY_INBOUND, nhsNumber,
                        event.toString().getBytes(StandardCharsets.UTF_8)), (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
            }
            producer.flush();
            long published = System.nanoTime() - start;
            if (failure.get() != null) {
                throw new IllegalStateException("Could not publish the agency events", failure.get());
            }
            long deadline = start + timeout.toNanos();
            while (seen.get() < events && System.nanoTime() < deadline) {
                watcher.checkHealthy();
                Thread.sleep(20);
            }
            long elapsed = (seen.get() < events ? System.nanoTime() : lastSeen.get()) - start;
            return new Result(events, seen.get(), elapsed, published, CpuMeter.between(before, cpu.read()));
        }
    }

    /** Untimed: warms the consumer path (schema validation, matching, inbox) before it is measured. */
    void warmUp(int events, int firstIndex, CpuMeter cpu) throws Exception {
        ingest(events, firstIndex, Duration.ofMinutes(2), cpu);
    }

    private static void count(ConsumerRecord<String, byte[]> record, long seenNanos, AtomicInteger seen, AtomicLong lastSeen) {
        try {
            JsonNode event = JSON.readTree(record.value());
            if (ReferralJourney.REFERRAL_RECEIVED.equals(event.path("type").asText())
                    && "AGENCY_SYSTEM".equals(event.path("data").path("route").asText())) {
                lastSeen.accumulateAndGet(seenNanos, Math::max);
                seen.incrementAndGet();
            }
        } catch (IOException notJson) {
            // not an event of ours
        }
    }

    private ObjectNode event(int index, String nhsNumber) {
        ObjectNode event = sample.deepCopy();
        String reference = "BENCH-" + UUID.randomUUID();
        event.put("id", UUID.randomUUID().toString());
        event.put("time", Instant.now().toString());
        event.put("subject", reference);
        event.put("correlationid", UUID.randomUUID().toString());
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("agencyReference", reference);
        ObjectNode person = (ObjectNode) data.get("person");
        person.put("nhsNumber", nhsNumber);
        person.put("givenName", ReferralSample.givenName(index));
        person.put("familyName", ReferralSample.familyName(index));
        person.put("dateOfBirth", ReferralSample.dateOfBirth(index));
        return event;
    }

    /** The next never-issued (999 range) NHS number that passes the Modulus 11 check. */
    static String nextNhsNumber() {
        while (true) {
            String nine = Long.toString(NEXT_NHS_NUMBER.getAndIncrement());
            int check = modulus11CheckDigit(nine);
            if (check != 10) {
                return nine + check;
            }
        }
    }

    static int modulus11CheckDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += Character.digit(nineDigits.charAt(i), 10) * (10 - i);
        }
        int check = 11 - (sum % 11);
        return check == 11 ? 0 : check;
    }

    private KafkaProducer<String, byte[]> producer() {
        Map<String, Object> properties = new HashMap<>();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "benchmark-agency-system");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
    }
}
