package org.opendsr.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.contracts.referral.ReferralReceived;

/**
 * How {@link InboundEvents} settles records it cannot apply, without a broker: every outcome is either settled
 * (so the offset may be committed) or a {@link TransientInfrastructureFailure} (so the record is retried).
 * Records never reach the database here; those paths are covered against real servers in InboundEventsTest.
 */
class InboundEventsSettlingTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MockProducer<String, byte[]> deadLetterProducer =
            new MockProducer<>(true, new StringSerializer(), new ByteArraySerializer());
    private final InboundEvents inbound = new InboundEvents(null, null,
            new DeadLetters(deadLetterProducer, meters), null, meters,
            new TransientRetries(new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60)), Clock.systemUTC(), meters));

    @Test
    void aRecordThatCannotBeDeadLetteredIsRetriedNotSkippedWhateverTheProducerThrows() {
        // e.g. the dead-letter producer was closed, or failed in a way the client does not call retriable
        deadLetterProducer.sendException = new KafkaException("producer closed");

        assertThatThrownBy(() -> settle(inbound, record("not an event"), handlers().build()))
                .isExactlyInstanceOf(TransientInfrastructureFailure.class);
        assertThat(deadLetterProducer.history()).isEmpty();
    }

    @Test
    void aRecordTheDeadLetterTopicRefusesForGoodIsReplacedByASubstituteWithoutItsPayloadAndThePartitionMovesOn() {
        MockProducer<String, byte[]> refusingLargeRecords = new RefusingLargeRecords(1_000);
        InboundEvents inbound = inboundWith(refusingLargeRecords);
        String eventId = UUID.randomUUID().toString();
        ConsumerRecord<String, byte[]> tooLarge = record("""
                {"id":"%s","type":"dsr.referral.received.v1","junk":"%s"}""".formatted(eventId, "x".repeat(5_000)));

        settle(inbound, tooLarge, handlers().build());

        assertThat(refusingLargeRecords.history()).singleElement().satisfies(substitute -> {
            assertThat(substitute.topic()).isEqualTo(Topics.deadLetterTopicOf(Topics.REFERRAL_EVENTS));
            assertThat(substitute.key()).isEqualTo(tooLarge.key());
            assertThat(substitute.value()).isNull();
            assertThat(header(substitute, DeadLetters.SUBSTITUTED_BECAUSE)).isEqualTo("RecordTooLargeException");
            assertThat(header(substitute, DeadLetters.EVENT_ID)).isEqualTo(eventId);
            assertThat(header(substitute, DeadLetters.REASON_CODE)).isEqualTo("INVALID_ENVELOPE");
            assertThat(header(substitute, DeadLetters.ORIGINAL_TOPIC)).isEqualTo(Topics.REFERRAL_EVENTS);
            assertThat(header(substitute, DeadLetters.ORIGINAL_PARTITION)).isEqualTo("0");
            assertThat(header(substitute, DeadLetters.ORIGINAL_OFFSET)).isEqualTo("42");
        });
        assertThat(meters.counter("dsr.events.dead.letter.substituted", "topic", Topics.REFERRAL_EVENTS,
                "reason", "INVALID_ENVELOPE", "refusal", "RecordTooLargeException").count()).isEqualTo(1);
    }

    @Test
    void aRecordThatFitsIsDeadLetteredWhole() {
        MockProducer<String, byte[]> refusingLargeRecords = new RefusingLargeRecords(1_000);

        settle(inboundWith(refusingLargeRecords), record("not an event"), handlers().build());

        assertThat(refusingLargeRecords.history()).singleElement().satisfies(deadLetter -> {
            assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8)).isEqualTo("not an event");
            assertThat(deadLetter.headers().lastHeader(DeadLetters.SUBSTITUTED_BECAUSE)).isNull();
        });
    }

    @Test
    void ifEvenTheSubstituteIsRefusedTheRecordIsRetriedNotSkipped() {
        // Refused whatever the record: the dead-letter topic itself is wrong, which no record can fix.
        deadLetterProducer.sendException = new InvalidTopicException("no such topic name is allowed");

        assertThatThrownBy(() -> settle(inbound, record("not an event"), handlers().build()))
                .isExactlyInstanceOf(TransientInfrastructureFailure.class);
        assertThat(deadLetterProducer.history()).isEmpty();
    }

    @Test
    void theEventIdOfASubstituteIsReadWhereThereIsOne() {
        assertThat(DeadLetters.eventIdOf("""
                {"data":{"id":"not this one"},"id":"this-one"}""".getBytes(StandardCharsets.UTF_8))).isEqualTo("this-one");
        assertThat(DeadLetters.eventIdOf("not json".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(DeadLetters.eventIdOf("{\"id\":42}".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(DeadLetters.eventIdOf(null)).isNull();
    }

    @Test
    void whereEveryTypeMustBeKnownAnUnknownTypeIsDeadLetteredWithItsReason() {
        settle(inbound, record(eventOfType("dsr.agency.refferal-submitted.v1")),
                handlers().deadLetterUnknownTypes().build());

        assertThat(deadLetterProducer.history()).hasSize(1);
        ProducerRecord<String, byte[]> deadLetter = deadLetterProducer.history().get(0);
        assertThat(deadLetter.topic()).isEqualTo(Topics.deadLetterTopicOf(Topics.REFERRAL_EVENTS));
        assertThat(header(deadLetter, DeadLetters.REASON_CODE)).isEqualTo("UNKNOWN_TYPE");
        assertThat(header(deadLetter, DeadLetters.REASON)).contains("dsr.agency.refferal-submitted.v1");
    }

    @Test
    void byDefaultAnUnknownTypeIsSkippedAndCounted() {
        settle(inbound, record(eventOfType("dsr.referral.something-new.v1")), handlers().build());

        assertThat(deadLetterProducer.history()).isEmpty();
        assertThat(meters.counter("dsr.events.consumed", "consumer", "settling-test",
                "type", "dsr.referral.something-new.v1", "outcome", "skipped").count()).isEqualTo(1);
    }

    private InboundEvents inboundWith(MockProducer<String, byte[]> producer) {
        return new InboundEvents(null, null, new DeadLetters(producer, meters), null, meters,
                new TransientRetries(new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60)), Clock.systemUTC(), meters));
    }

    /** Refuses what the real producer refuses before sending: a record over its max.request.size, uncompressed. */
    private static final class RefusingLargeRecords extends MockProducer<String, byte[]> {
        private final int maxBytes;

        RefusingLargeRecords(int maxBytes) {
            super(true, new StringSerializer(), new ByteArraySerializer());
            this.maxBytes = maxBytes;
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<String, byte[]> record, Callback callback) {
            if (record.value() != null && record.value().length > maxBytes) {
                return CompletableFuture.failedFuture(new RecordTooLargeException("The message is "
                        + record.value().length + " bytes when serialized which is larger than " + maxBytes));
            }
            return super.send(record, callback);
        }
    }

    private static EventHandlers.Builder handlers() {
        return EventHandlers.forConsumer("settling-test")
                .on(EventTypes.REFERRAL_RECEIVED_V1, ReferralReceived.class, event -> { });
    }

    /** One record as a poll of its own, as the listener hands it over. */
    private static void settle(InboundEvents inbound, ConsumerRecord<String, byte[]> record, EventHandlers handlers) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        inbound.processBatch(new ConsumerRecords<>(Map.of(partition, List.of(record))), handlers, null);
    }

    private static ConsumerRecord<String, byte[]> record(String value) {
        return new ConsumerRecord<>(Topics.REFERRAL_EVENTS, 0, 42L, UUID.randomUUID().toString(),
                value.getBytes(StandardCharsets.UTF_8));
    }

    private static String eventOfType(String type) {
        return """
                {"specversion":"1.0","id":"%s","source":"/dsr/referral-service","type":"%s",
                 "subject":"%s","time":"2026-11-02T10:15:30Z","datacontenttype":"application/json","data":{"anything":1}}
                """.formatted(UUID.randomUUID(), type, UUID.randomUUID());
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
