package org.opendsr.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
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

        assertThatThrownBy(() -> inbound.process(record("not an event"), handlers().build()))
                .isExactlyInstanceOf(TransientInfrastructureFailure.class);
        assertThat(deadLetterProducer.history()).isEmpty();
    }

    @Test
    void whereEveryTypeMustBeKnownAnUnknownTypeIsDeadLetteredWithItsReason() {
        inbound.process(record(eventOfType("dsr.agency.refferal-submitted.v1")),
                handlers().deadLetterUnknownTypes().build());

        assertThat(deadLetterProducer.history()).hasSize(1);
        ProducerRecord<String, byte[]> deadLetter = deadLetterProducer.history().get(0);
        assertThat(deadLetter.topic()).isEqualTo(Topics.deadLetterTopicOf(Topics.REFERRAL_EVENTS));
        assertThat(header(deadLetter, DeadLetters.REASON_CODE)).isEqualTo("UNKNOWN_TYPE");
        assertThat(header(deadLetter, DeadLetters.REASON)).contains("dsr.agency.refferal-submitted.v1");
    }

    @Test
    void byDefaultAnUnknownTypeIsSkippedAndCounted() {
        inbound.process(record(eventOfType("dsr.referral.something-new.v1")), handlers().build());

        assertThat(deadLetterProducer.history()).isEmpty();
        assertThat(meters.counter("dsr.events.consumed", "consumer", "settling-test",
                "type", "dsr.referral.something-new.v1", "outcome", "skipped").count()).isEqualTo(1);
    }

    private static EventHandlers.Builder handlers() {
        return EventHandlers.forConsumer("settling-test")
                .on(EventTypes.REFERRAL_RECEIVED_V1, ReferralReceived.class, event -> { });
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
