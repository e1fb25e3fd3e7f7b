package org.opendsr.kit.outbox;

import java.time.Clock;
import java.util.Map;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.runtime.event.annotation.EventListener;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.opendsr.kit.messaging.KafkaClientProperties;

/** Runs this replica's outbox relay from startup to shutdown (standby until it holds the leadership lock). */
@Singleton
public class OutboxRelayRunner {

    private final OutboxConfiguration configuration;
    private final DataSource dataSource;
    private final DataSourceResolver dataSourceResolver;
    private final KafkaClientProperties kafka;
    private final MeterRegistry meters;
    private final String serviceName;
    private final Tracer tracer;
    private final OutboxWakeUp wakeUp;
    private OutboxRelay relay;

    public OutboxRelayRunner(OutboxConfiguration configuration, DataSource dataSource,
                             DataSourceResolver dataSourceResolver, KafkaClientProperties kafka, MeterRegistry meters,
                             @Value("${micronaut.application.name}") String serviceName, OpenTelemetry openTelemetry,
                             OutboxWakeUp wakeUp) {
        this.wakeUp = wakeUp;
        this.tracer = openTelemetry.getTracer("org.opendsr.kit.outbox");
        this.configuration = configuration;
        this.dataSource = dataSource;
        this.dataSourceResolver = dataSourceResolver;
        this.kafka = kafka;
        this.meters = meters;
        this.serviceName = serviceName;
    }

    @EventListener
    synchronized void onStartup(StartupEvent event) {
        if (!configuration.isRelayEnabled() || relay != null) {
            return;
        }
        Map<String, Object> producerProperties = kafka.reliableProducer(serviceName + "-outbox-relay");
        relay = new OutboxRelay(serviceName, dataSourceResolver.resolve(dataSource),
                () -> new KafkaProducer<>(producerProperties, new StringSerializer(), new ByteArraySerializer()),
                configuration.toSettings().withMaxRecordBytes(maxRequestSize(producerProperties)),
                OutboxRelay.PublishObserver.NONE, meters, Clock.systemUTC(), tracer);
        // Registered before it starts: from the moment it leads, local commits wake it in-process.
        wakeUp.register(relay);
        relay.start();
    }

    @EventListener
    synchronized void onShutdown(ShutdownEvent event) {
        if (relay != null) {
            wakeUp.unregister(relay);
            relay.stop();
            relay = null;
        }
    }

    /** The producer's {@code max.request.size}, so that the relay parks a larger record without sending it. */
    private static int maxRequestSize(Map<String, Object> producerProperties) {
        Object configured = producerProperties.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        return configured == null ? OutboxRelay.Settings.DEFAULT_MAX_RECORD_BYTES
                : Integer.parseInt(configured.toString().trim());
    }

    public synchronized boolean isLeading() {
        return relay != null && relay.isLeading();
    }
}
