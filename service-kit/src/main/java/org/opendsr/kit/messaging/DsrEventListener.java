package org.opendsr.kit.messaging;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.context.annotation.AliasFor;

/**
 * The one way a DSR service listens to a topic. The listener receives a whole poll
 * ({@code ConsumerRecords<String, byte[]>}, see {@link DsrTopicListener#receive}) and hands it to
 * {@link InboundEvents}, which applies each partition's events with their idempotency records in one transaction per
 * run and sends what can never succeed to the dead-letter topic.
 *
 * <ul>
 *   <li>a new group starts from the earliest offset: no event published before a service first started is missed;</li>
 *   <li>batch mode, offsets committed synchronously <em>once per poll</em>, after every record of the poll is settled
 *       (applied, a duplicate, skipped or dead-lettered). A commit costs several milliseconds on a KRaft broker
 *       ({@code group.coordinator.append.linger.ms}); once per record it capped a consumer at about 130 records/s;</li>
 *   <li>only {@link TransientInfrastructureFailure} (database or broker unavailable) is retried: the poll's offsets
 *       below the first unsettled record of each partition are committed, the partitions are sought back, and the
 *       framework pauses them for a second and polls again; records already settled are passed over. Those ticks
 *       become a backoff doubling from 1 s to at most 60 s ({@link TransientRetries},
 *       {@code dsr.events.retry.initial-delay}, {@code dsr.events.retry.max-delay}), with every real retry logged and
 *       how long a partition has been stalled exposed. micronaut-kafka's own exponential strategy is not used: it has
 *       no cap. Anything else thrown out of a listener goes to {@link DeadLetteringListenerExceptionHandler}
 *       (a listener using {@link InboundEvents} throws nothing else).</li>
 * </ul>
 * How fast a dead consumer's partitions move to another, and how big a poll gets, is set by
 * {@link DsrConsumerSettings} ({@code dsr.events.consumer.*}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@KafkaListener(
        batch = true,
        offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC,
        errorStrategy = @ErrorStrategy(
                value = ErrorStrategyValue.RETRY_ON_ERROR,
                retryCount = Integer.MAX_VALUE,
                retryDelay = "1s",
                exceptionTypes = TransientInfrastructureFailure.class))
public @interface DsrEventListener {

    /** The consumer group: the service's name, so its replicas share the work. */
    @AliasFor(annotation = KafkaListener.class, member = "groupId")
    String groupId();
}
