package org.opendsr.kit.messaging;

import java.time.Duration;
import java.util.Properties;

import io.micronaut.configuration.kafka.config.AbstractKafkaConsumerConfiguration;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * The kit's consumer settings, applied to every consumer configuration micronaut-kafka builds a listener's consumer
 * from (the default one and any per-group {@code kafka.consumers.<group>}). A raw Kafka property set in the service's
 * configuration ({@code kafka.session.timeout.ms}, {@code kafka.consumers.<group>.max.poll.records}, ...) wins.
 *
 * <p><b>Failover.</b> A consumer killed without leaving its group keeps its partitions until the group coordinator
 * gives up on its heartbeats: the session timeout, 45 s by default, during which nobody's consent or referral moves
 * on. The kit uses the <em>classic</em> group protocol (the default of the 3.9 clients, pinned here so that a client
 * upgrade does not switch it silently): with it the client chooses its session timeout, within the broker's
 * {@code group.min.session.timeout.ms} (6 s by default, on Kafka 4.1 too). Under the new consumer protocol
 * (KIP-848) the session timeout is the broker's {@code group.consumer.session.timeout.ms}, 45 s by default, which a
 * service cannot shorten. So: a session timeout of 8 s with a heartbeat every 2 s; a dead member is noticed within
 * 8 s and the survivors rejoin at their next heartbeat or poll, about 10 s in all. The heartbeat runs on the client's
 * own thread, so a long batch does not count against it (that is {@code max.poll.interval.ms}, left at 5 minutes).
 * <ul>
 *   <li>Static membership ({@code group.instance.id}) was not chosen: it makes a restart with the same id rejoin
 *       without a rebalance, but a member that does not come back still holds its partitions for the whole session
 *       timeout, and each listener of each replica would need its own stable id (two listeners of one group in one
 *       process must not share one).</li>
 *   <li>A cooperative assignor was not chosen: it keeps the other members consuming during a rebalance, but does
 *       not shorten the time it takes to notice a dead one, which is what stalled partitions here.</li>
 * </ul>
 *
 * <p><b>Polls.</b> {@code fetch.min.bytes} 1: the broker answers a fetch as soon as there is anything, so at low load
 * an event is consumed as soon as it is written; {@code fetch.max.wait.ms} only bounds how long an idle long-poll
 * waits. Under load batches grow by themselves (records pile up while the previous poll is applied) up to
 * {@code max.poll.records} 1,000 per poll and {@code max.partition.fetch.bytes} 1 MiB per partition (over a thousand
 * events of the usual size): one transaction and one commit then cover hundreds of events.
 */
@Singleton
public class DsrConsumerSettings implements BeanCreatedEventListener<AbstractKafkaConsumerConfiguration<?, ?>> {

    private final Duration sessionTimeout;
    private final Duration heartbeatInterval;
    private final int maxPollRecords;
    private final int fetchMinBytes;
    private final Duration fetchMaxWait;
    private final int maxPartitionFetchBytes;

    public DsrConsumerSettings(@Value("${dsr.events.consumer.session-timeout:8s}") Duration sessionTimeout,
                               @Value("${dsr.events.consumer.heartbeat-interval:2s}") Duration heartbeatInterval,
                               @Value("${dsr.events.consumer.max-poll-records:1000}") int maxPollRecords,
                               @Value("${dsr.events.consumer.fetch-min-bytes:1}") int fetchMinBytes,
                               @Value("${dsr.events.consumer.fetch-max-wait:500ms}") Duration fetchMaxWait,
                               @Value("${dsr.events.consumer.max-partition-fetch-bytes:1048576}") int maxPartitionFetchBytes) {
        if (heartbeatInterval.multipliedBy(3).compareTo(sessionTimeout) > 0) {
            throw new IllegalArgumentException("dsr.events.consumer.heartbeat-interval must be at most a third of "
                    + "dsr.events.consumer.session-timeout, or one lost heartbeat ends the session");
        }
        this.sessionTimeout = sessionTimeout;
        this.heartbeatInterval = heartbeatInterval;
        this.maxPollRecords = maxPollRecords;
        this.fetchMinBytes = fetchMinBytes;
        this.fetchMaxWait = fetchMaxWait;
        this.maxPartitionFetchBytes = maxPartitionFetchBytes;
    }

    @Override
    public AbstractKafkaConsumerConfiguration<?, ?> onCreated(BeanCreatedEvent<AbstractKafkaConsumerConfiguration<?, ?>> event) {
        applyTo(event.getBean().getConfig());
        return event.getBean();
    }

    /** Adds the kit's settings to consumer properties, leaving any the service set itself. */
    public void applyTo(Properties consumer) {
        consumer.putIfAbsent(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
        consumer.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, Long.toString(sessionTimeout.toMillis()));
        consumer.putIfAbsent(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, Long.toString(heartbeatInterval.toMillis()));
        consumer.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(maxPollRecords));
        consumer.putIfAbsent(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, Integer.toString(fetchMinBytes));
        consumer.putIfAbsent(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, Long.toString(fetchMaxWait.toMillis()));
        consumer.putIfAbsent(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(maxPartitionFetchBytes));
    }
}
