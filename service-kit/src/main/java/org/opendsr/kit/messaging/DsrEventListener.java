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
 * The one way a DSR service listens to a topic. Its methods take a {@code ConsumerRecord<String, byte[]>} and
 * hand it to {@link InboundEvents}, which runs the handler and the idempotency record in one transaction and
 * sends what can never succeed to the dead-letter topic.
 *
 * <ul>
 *   <li>a new group starts from the earliest offset: no event published before a service first started is missed;</li>
 *   <li>the offset of a record is committed synchronously after its transaction has committed;</li>
 *   <li>only {@link TransientInfrastructureFailure} (database or broker unavailable) is retried by seeking back,
 *       for as long as the outage lasts, without committing. The framework re-polls the record every second;
 *       {@link TransientRetries} turns those ticks into a backoff doubling from 1 s to at most 60 s
 *       ({@code dsr.events.retry.initial-delay}, {@code dsr.events.retry.max-delay}), logs every real retry and
 *       exposes how long a partition has been stalled. micronaut-kafka's own exponential strategy is not used: it
 *       has no cap. Anything else thrown out of a listener goes to {@link DeadLetteringListenerExceptionHandler}
 *       (a listener using {@link InboundEvents} throws nothing else).</li>
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@KafkaListener(
        offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC_PER_RECORD,
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
