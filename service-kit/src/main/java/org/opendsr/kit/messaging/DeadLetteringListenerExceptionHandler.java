package org.opendsr.kit.messaging;

import io.micronaut.configuration.kafka.exceptions.DefaultKafkaListenerExceptionHandler;
import io.micronaut.configuration.kafka.exceptions.KafkaListenerException;
import io.micronaut.configuration.kafka.exceptions.KafkaListenerExceptionHandler;
import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.opendsr.kit.observability.SafeThrowables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces micronaut-kafka's default handler, which only logs and so would let a record be skipped silently.
 * It is the last resort for a failure that escapes a listener and is not a retried outage; a listener that hands
 * its records to {@link InboundEvents} never gets here, because {@code process} settles every record itself and
 * throws nothing but {@link TransientInfrastructureFailure}.
 *
 * <p>The record goes to the dead-letter topic with the reason. If even that is impossible, the consumer seeks back
 * to the record, so that it is delivered again in this session; but micronaut-kafka (5.x,
 * {@code ConsumerStateSingle.processRecords}) commits the record's offset after this handler returns, so after a
 * restart or rebalance it would be lost. That is why the kit's own path must not end here. A batch listener that
 * fails as a whole has its partitions pointed back at the batch's first records, so that the commit that follows
 * commits nothing new and the batch is delivered again.
 */
@Singleton
@Replaces(DefaultKafkaListenerExceptionHandler.class)
public class DeadLetteringListenerExceptionHandler implements KafkaListenerExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetteringListenerExceptionHandler.class);

    private final DeadLetters deadLetters;

    public DeadLetteringListenerExceptionHandler(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void handle(KafkaListenerException exception) {
        Throwable failure = exception.getCause() == null ? exception : exception.getCause();
        var maybeRecord = exception.getConsumerRecord();
        if (maybeRecord.isEmpty()) {
            var maybeBatch = exception.getConsumerRecords();
            if (maybeBatch.isPresent() && !maybeBatch.get().isEmpty()) {
                // A batch listener failed as a whole. micronaut-kafka (5.x, ConsumerStateBatch) commits the consumer's
                // positions after this handler returns: point them back at each partition's first record of the
                // batch, so that what is committed is only what was committed before, and the batch comes again.
                LOG.error("A Kafka batch listener failed; its {} record(s) will be delivered again",
                        maybeBatch.get().count(), SafeThrowables.redacted(failure));
                for (TopicPartition partition : maybeBatch.get().partitions()) {
                    exception.getKafkaConsumer().seek(partition, maybeBatch.get().records(partition).get(0).offset());
                }
                return;
            }
            LOG.error("A Kafka listener failed outside any record", SafeThrowables.redacted(failure));
            return;
        }
        ConsumerRecord<?, ?> record = maybeRecord.get();
        String group = exception.getKafkaConsumer().groupMetadata().groupId();
        if (!(record.value() == null || record.value() instanceof byte[])
                || !(record.key() == null || record.key() instanceof String)) {
            LOG.error("Listener of group {} does not take ConsumerRecord<String, byte[]>; record {}-{}@{} not dead-lettered",
                    group, record.topic(), record.partition(), record.offset());
            seekBack(exception, record);
            return;
        }
        try {
            deadLetters.send((ConsumerRecord<String, byte[]>) record, group, new UnprocessableEvent(
                    UnprocessableEvent.Reason.RETRIES_EXHAUSTED,
                    "the listener failed: " + SafeThrowables.summary(failure), failure));
        } catch (RuntimeException deadLetterUnavailable) {
            LOG.error("Could not dead-letter record {}-{}@{} of group {}; it will be delivered again",
                    record.topic(), record.partition(), record.offset(), group);
            seekBack(exception, record);
        }
    }

    private static void seekBack(KafkaListenerException exception, ConsumerRecord<?, ?> record) {
        exception.getKafkaConsumer().seek(new TopicPartition(record.topic(), record.partition()), record.offset());
    }
}
