package org.opendsr.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.configuration.kafka.exceptions.KafkaListenerException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.opendsr.contracts.Topics;

/** The last resort for a batch listener that fails as a whole: nothing of the batch may be committed past. */
class DeadLetteringListenerExceptionHandlerTest {

    private static final TopicPartition PARTITION = new TopicPartition(Topics.REFERRAL_EVENTS, 0);

    @Test
    void aBatchListenerThatFailsAsAWholeHasItsPartitionsPointedBackAtTheBatchSoThatTheCommitAfterItSkipsNothing() {
        MockConsumer<String, byte[]> consumer = new MockConsumer<>(OffsetResetStrategy.EARLIEST);
        consumer.assign(List.of(PARTITION));
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        consumer.seek(PARTITION, 12);
        ConsumerRecords<String, byte[]> batch = new ConsumerRecords<>(Map.of(PARTITION, List.of(record(10), record(11))));
        MockProducer<String, byte[]> deadLetters = new MockProducer<>(true, new StringSerializer(), new ByteArraySerializer());
        DeadLetteringListenerExceptionHandler handler = new DeadLetteringListenerExceptionHandler(
                new DeadLetters(deadLetters, new SimpleMeterRegistry()));

        handler.handle(new KafkaListenerException("the listener failed", new IllegalStateException("a bug"), new Object(),
                consumer, batch, null));

        assertThat(consumer.position(PARTITION)).isEqualTo(10);
        assertThat(deadLetters.history()).isEmpty();
    }

    private static ConsumerRecord<String, byte[]> record(long offset) {
        return new ConsumerRecord<>(PARTITION.topic(), PARTITION.partition(), offset, "key",
                "value".getBytes(StandardCharsets.UTF_8));
    }
}
