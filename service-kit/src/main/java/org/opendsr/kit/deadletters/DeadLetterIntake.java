package org.opendsr.kit.deadletters;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.configuration.kafka.config.KafkaDefaultConfiguration;
import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.opendsr.contracts.Topics;
import org.opendsr.kit.messaging.DsrEventListener;
import org.opendsr.kit.messaging.DsrTopicListener;
import org.opendsr.kit.messaging.KafkaClientProperties;
import org.opendsr.kit.messaging.RetryBackoff;
import org.opendsr.kit.observability.SafeThrowables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings this service's dead letters into its {@link DeadLetterOffice}: one consumer (group
 * {@code <service>.dead-letter-office}, shared by the replicas) of the dead-letter topics of exactly the topics this
 * service's listeners read ({@code <topic>.dlt}; for a pattern, such as the agency inbound topics, the pattern's
 * {@code .dlt} topics), keeping those whose {@code dsr.dlt.consumer-group} is one of this service's groups (another
 * service reading the same topic keeps its own). Offsets are committed only once what was read is kept, so a crash
 * reads them again, which keeps nothing twice. Switched off with {@code dsr.dead-letters.office-enabled=false}.
 */
@Singleton
@Requires(bean = KafkaDefaultConfiguration.class)
@Requires(property = "dsr.dead-letters.office-enabled", notEquals = "false")
public class DeadLetterIntake {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterIntake.class);

    private final BeanContext beans;
    private final KafkaClientProperties kafka;
    private final DeadLetterOffice office;
    private final String service;
    private final Duration topicRefresh;
    private final RetryBackoff backoff;
    private final AtomicBoolean running = new AtomicBoolean();
    /** Counted down when the service stops: ends a pause between attempts at once. */
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    public DeadLetterIntake(BeanContext beans, KafkaClientProperties kafka, DeadLetterOffice office,
                            @Value("${micronaut.application.name}") String service,
                            @Value("${dsr.dead-letters.topic-refresh:1m}") Duration topicRefresh,
                            RetryBackoff backoff) {
        // Through an outage it backs off as the service's listeners do, with the same settings.
        this.backoff = backoff;
        this.beans = beans;
        this.kafka = kafka;
        this.office = office;
        this.service = service;
        this.topicRefresh = topicRefresh;
    }

    /** The consumer groups of this service's listeners, and the dead-letter topics of what they read. */
    record Listened(Set<String> groups, Pattern deadLetterTopics) {
    }

    Listened listened() {
        Set<String> groups = new LinkedHashSet<>();
        List<String> topics = new ArrayList<>();
        List<String> patterns = new ArrayList<>();
        for (BeanDefinition<DsrTopicListener> listener : beans.getBeanDefinitions(DsrTopicListener.class)) {
            listener.stringValue(KafkaListener.class, "groupId")
                    .or(() -> listener.stringValue(DsrEventListener.class, "groupId"))
                    .ifPresent(groups::add);
            for (AnnotationValue<Topic> topic : listener.getAnnotationValuesByType(Topic.class)) {
                topics.addAll(List.of(topic.stringValues()));
                patterns.addAll(List.of(topic.stringValues("patterns")));
            }
        }
        return new Listened(Set.copyOf(groups), deadLetterTopicsOf(topics, patterns));
    }

    /** One pattern for the dead-letter topics of these topics and of the topics these patterns match; null if none. */
    static Pattern deadLetterTopicsOf(List<String> topics, List<String> patterns) {
        List<String> alternatives = new ArrayList<>();
        topics.forEach(topic -> alternatives.add(Pattern.quote(Topics.deadLetterTopicOf(topic))));
        patterns.forEach(pattern -> alternatives.add("(?:" + pattern + ")" + Pattern.quote(Topics.deadLetterTopicOf(""))));
        return alternatives.isEmpty() ? null : Pattern.compile(String.join("|", alternatives));
    }

    @EventListener
    void onStartup(StartupEvent started) {
        Listened listened = listened();
        if (listened.deadLetterTopics() == null || listened.groups().isEmpty()) {
            return;
        }
        running.set(true);
        thread = new Thread(() -> keepReading(listened), "dead-letter-office");
        thread.setDaemon(true);
        thread.start();
    }

    private void keepReading(Listened listened) {
        int failures = 0;
        while (running.get()) {
            try (KafkaConsumer<String, byte[]> reading = newConsumer()) {
                consumer = reading;
                reading.subscribe(listened.deadLetterTopics());
                while (running.get()) {
                    ConsumerRecords<String, byte[]> records = reading.poll(Duration.ofSeconds(1));
                    for (ConsumerRecord<String, byte[]> record : records) {
                        office.receive(record, listened.groups());
                    }
                    if (!records.isEmpty()) {
                        reading.commitSync();
                    }
                    failures = 0;
                }
            } catch (WakeupException stopping) {
                return;
            } catch (RuntimeException failure) {
                // The database or the broker is unavailable: start again from the last commit after a pause.
                Duration pause = backoff.after(++failures);
                LOG.warn("The dead-letter office could not keep what it read; will read it again in {}: {}", pause,
                        SafeThrowables.summary(failure));
                try {
                    if (stopped.await(pause.toMillis(), TimeUnit.MILLISECONDS)) {
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } finally {
                consumer = null;
            }
        }
    }

    private KafkaConsumer<String, byte[]> newConsumer() {
        var properties = kafka.consumer(service + "-dead-letter-office", service + ".dead-letter-office");
        // A dead-letter topic created after the service started (a new agency's) is found this soon.
        properties.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, (int) topicRefresh.toMillis());
        return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running.set(false);
        stopped.countDown();
        KafkaConsumer<String, byte[]> reading = consumer;
        if (reading != null) {
            reading.wakeup();
        }
        if (thread != null) {
            thread.join(10_000);
        }
    }
}
