package org.opendsr.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionCallback;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.contracts.referral.ReferralReceived;
import org.opendsr.kit.inbox.ProcessedEvents;
import org.opendsr.kit.rules.RuleBroken;
import org.slf4j.LoggerFactory;

/**
 * How {@link InboundEvents} applies a poll: one transaction per partition run, a failing event taken out of the run
 * so that only it is dead-lettered and every good one is applied once, and an outage that commits nothing past the
 * first unsettled record. The database is an in-memory stand-in that commits or rolls back like one; the same paths
 * run against real PostgreSQL and Kafka in InboundEventsTest.
 */
class InboundBatchesTest {

    private static final String GROUP = "batch-test";
    private static final TopicPartition P0 = new TopicPartition(Topics.REFERRAL_EVENTS, 0);
    private static final TopicPartition P1 = new TopicPartition(Topics.REFERRAL_EVENTS, 1);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MockProducer<String, byte[]> deadLetterProducer =
            new MockProducer<>(true, new StringSerializer(), new ByteArraySerializer());
    private final InMemoryDatabase database = new InMemoryDatabase();
    private final Map<String, Integer> attempts = new HashMap<>();
    private final InboundEvents inbound = new InboundEvents(database, database.processedEvents,
            new DeadLetters(deadLetterProducer, meters), JsonMapper.createDefault(), meters,
            new TransientRetries(new RetryBackoff(Duration.ofMillis(1), Duration.ofMillis(2)), Clock.systemUTC(), meters));
    private final EventHandlers handlers = EventHandlers.forConsumer(GROUP)
            .on(EventTypes.REFERRAL_RECEIVED_V1, ReferralReceived.class, event -> {
                String locality = event.payload().locality();
                int attempt = attempts.merge(event.id(), 1, Integer::sum);
                switch (locality) {
                    case "REJECT" -> throw UnprocessableEvent.rejected("the test rejects this locality");
                    case "RULE" -> throw RuleBroken.invalid("locality", "is not one the test serves");
                    case "BROKEN" -> throw new IllegalStateException("a bug in the handler");
                    case "DBBLIP" -> {
                        if (attempt == 1) {
                            throw new IllegalStateException(new SQLTransientConnectionException("simulated outage", "08006"));
                        }
                    }
                    default -> { }
                }
                database.write(event.id());
            })
            .build();

    @Test
    void eachPartitionOfAPollIsAppliedInOneTransaction() {
        List<ConsumerRecord<String, byte[]>> first = events(P0, 0, "SWINDON", "SWINDON", "SWINDON", "SWINDON", "SWINDON");
        List<ConsumerRecord<String, byte[]>> second = events(P1, 10, "SWINDON", "SWINDON", "SWINDON");

        inbound.processBatch(poll(first, second), handlers, null);

        assertThat(database.commits).isEqualTo(2);
        assertThat(database.rollbacks).isZero();
        assertThat(database.applied).containsExactlyElementsOf(ids(first, second));
        assertThat(meters.counter("dsr.events.consumed", "consumer", GROUP, "type", EventTypes.REFERRAL_RECEIVED_V1,
                "outcome", "applied").count()).isEqualTo(8);
    }

    @Test
    void anAppliedEventWritesNoLineAtInfoOnlyItsCounter() {
        Logger logger = (Logger) LoggerFactory.getLogger(InboundEvents.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        try {
            inbound.processBatch(poll(events(P0, 0, "SWINDON", "SWINDON")), handlers, null);
        } finally {
            logger.detachAppender(lines);
        }

        assertThat(lines.list).noneMatch(line -> line.getLevel().isGreaterOrEqual(Level.INFO));
        assertThat(database.applied).hasSize(2);
    }

    @Test
    void aRedeliveredPollChangesNothing() {
        List<ConsumerRecord<String, byte[]>> records = events(P0, 0, "SWINDON", "SWINDON");
        inbound.processBatch(poll(records), handlers, null);

        inbound.processBatch(poll(records), handlers, null);

        assertThat(database.applied).containsExactlyElementsOf(ids(records));
        assertThat(meters.counter("dsr.events.consumed", "consumer", GROUP, "type", EventTypes.REFERRAL_RECEIVED_V1,
                "outcome", "duplicate").count()).isEqualTo(2);
    }

    @Test
    void anUnreadableRecordEndsARunAndIsDeadLetteredInItsPlace() {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(events(P0, 0, "SWINDON", "SWINDON"));
        records.add(new ConsumerRecord<>(P0.topic(), 0, 2L, "key", "not an event".getBytes(StandardCharsets.UTF_8)));
        records.addAll(events(P0, 3, "SWINDON", "SWINDON"));

        inbound.processBatch(poll(records), handlers, null);

        assertThat(database.applied).containsExactlyElementsOf(ids(records.subList(0, 2), records.subList(3, 5)));
        assertThat(database.commits).isEqualTo(2);
        assertThat(deadLetterProducer.history()).singleElement()
                .satisfies(deadLetter -> assertThat(header(deadLetter, DeadLetters.ORIGINAL_OFFSET)).isEqualTo("2"));
    }

    @Test
    void anEventTheHandlerRejectsMidBatchIsTheOnlyOneDeadLetteredAndTheOthersAreAppliedOnce() {
        List<ConsumerRecord<String, byte[]>> records = events(P0, 0, "SWINDON", "SWINDON", "REJECT", "SWINDON", "SWINDON");

        inbound.processBatch(poll(records), handlers, null);

        assertThat(database.applied).containsExactlyElementsOf(ids(records.subList(0, 2), records.subList(3, 5)));
        assertThat(attempts.get(eventId(records.get(2)))).isEqualTo(1);
        assertThat(deadLetterProducer.history()).singleElement().satisfies(deadLetter -> {
            assertThat(header(deadLetter, DeadLetters.REASON_CODE)).isEqualTo("REJECTED_BY_HANDLER");
            assertThat(header(deadLetter, DeadLetters.ORIGINAL_OFFSET)).isEqualTo("2");
        });
    }

    @Test
    void anEventARuleRefusesMidBatchIsDeadLetteredAtOnceWithTheRefusal() {
        List<ConsumerRecord<String, byte[]>> records = events(P0, 0, "SWINDON", "RULE", "SWINDON");

        inbound.processBatch(poll(records), handlers, null);

        assertThat(database.applied).containsExactlyElementsOf(ids(List.of(records.get(0), records.get(2))));
        assertThat(attempts.get(eventId(records.get(1)))).isEqualTo(1);
        assertThat(deadLetterProducer.history()).singleElement().satisfies(deadLetter ->
                assertThat(header(deadLetter, DeadLetters.REASON)).isEqualTo("locality: is not one the test serves"));
    }

    @Test
    void aHandlerThatKeepsFailingMidBatchIsDeadLetteredAfterItsAttemptsAndTheRestAreApplied() {
        List<ConsumerRecord<String, byte[]>> records = events(P0, 0, "SWINDON", "BROKEN", "SWINDON");

        inbound.processBatch(poll(records), handlers, null);

        assertThat(database.applied).containsExactlyElementsOf(ids(List.of(records.get(0), records.get(2))));
        assertThat(attempts.get(eventId(records.get(1)))).isEqualTo(InboundEvents.ATTEMPTS_BEFORE_DEAD_LETTER);
        assertThat(deadLetterProducer.history()).singleElement().satisfies(deadLetter ->
                assertThat(header(deadLetter, DeadLetters.REASON_CODE)).isEqualTo("RETRIES_EXHAUSTED"));
    }

    @Test
    void anOutageCommitsNothingPastTheFirstUnsettledRecordAndTheRetryAppliesEachEventOnce() {
        MockConsumer<String, byte[]> consumer = new MockConsumer<>(OffsetResetStrategy.EARLIEST);
        consumer.assign(List.of(P0, P1));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        List<ConsumerRecord<String, byte[]>> settled = events(P0, 0, "SWINDON");
        List<ConsumerRecord<String, byte[]>> blipping = events(P1, 0, "SWINDON", "DBBLIP", "SWINDON");
        List<ConsumerRecord<String, byte[]>> afterIt = events(P0, 1, "SWINDON");
        ConsumerRecords<String, byte[]> poll = poll(settled, blipping, afterIt);

        assertThatThrownBy(() -> inbound.processBatch(poll, handlers, consumer))
                .isExactlyInstanceOf(TransientInfrastructureFailure.class);

        assertThat(database.applied).containsExactlyElementsOf(ids(settled, afterIt));
        assertThat(consumer.committed(Set.of(P0, P1)))
                .containsEntry(P0, new org.apache.kafka.clients.consumer.OffsetAndMetadata(2))
                .containsEntry(P1, new org.apache.kafka.clients.consumer.OffsetAndMetadata(0));
        assertThat(consumer.position(P1)).isZero();

        // The error strategy seeks every partition of the poll back and delivers it all again.
        inbound.processBatch(poll, handlers, consumer);

        assertThat(database.applied).containsExactlyElementsOf(ids(settled, afterIt, blipping));
        assertThat(attempts.get(eventId(settled.get(0)))).as("settled records are passed over").isEqualTo(1);
        assertThat(deadLetterProducer.history()).isEmpty();
    }

    @Test
    void aPollThatSpentItsBudgetKeepsWhatItSettledAndLeavesTheRestForTheNextPoll() {
        InboundEvents withNoTimeToSpare = new InboundEvents(database, database.processedEvents,
                new DeadLetters(deadLetterProducer, meters), JsonMapper.createDefault(), meters,
                new TransientRetries(new RetryBackoff(Duration.ofMillis(1), Duration.ofMillis(2)), Clock.systemUTC(), meters),
                io.opentelemetry.api.OpenTelemetry.noop(), Duration.ZERO);
        MockConsumer<String, byte[]> consumer = new MockConsumer<>(OffsetResetStrategy.EARLIEST);
        consumer.assign(List.of(P0, P1));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        List<ConsumerRecord<String, byte[]>> first = events(P0, 0, "SWINDON", "BROKEN", "SWINDON");
        List<ConsumerRecord<String, byte[]>> second = events(P1, 0, "SWINDON");
        consumer.seek(P0, 3);
        consumer.seek(P1, 1);

        withNoTimeToSpare.processBatch(poll(first, second), handlers, consumer);

        // The event before the failing one is kept; the failing one and everything after it wait, not dead-lettered.
        assertThat(database.applied).containsExactly(eventId(first.get(0)));
        assertThat(deadLetterProducer.history()).isEmpty();
        assertThat(consumer.position(P0)).as("the listener commits positions: the next poll starts here").isEqualTo(1);
        assertThat(consumer.position(P1)).isZero();

        // The next poll, with time to spare, settles the rest: the failing event dead-lettered, the others applied once.
        inbound.processBatch(poll(first.subList(1, 3), second), handlers, consumer);

        assertThat(database.applied).containsExactlyElementsOf(ids(first.subList(0, 1), first.subList(2, 3), second));
        assertThat(deadLetterProducer.history()).hasSize(1);
    }

    private ConsumerRecords<String, byte[]> poll(List<ConsumerRecord<String, byte[]>> first,
                                                 List<ConsumerRecord<String, byte[]>>... more) {
        Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> byPartition = new LinkedHashMap<>();
        List<List<ConsumerRecord<String, byte[]>>> all = new ArrayList<>();
        all.add(first);
        all.addAll(List.of(more));
        for (List<ConsumerRecord<String, byte[]>> records : all) {
            for (ConsumerRecord<String, byte[]> record : records) {
                byPartition.computeIfAbsent(new TopicPartition(record.topic(), record.partition()), p -> new ArrayList<>())
                        .add(record);
            }
        }
        return new ConsumerRecords<>(byPartition);
    }

    private static List<ConsumerRecord<String, byte[]>> events(TopicPartition partition, long firstOffset,
                                                               String... localities) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        UUID personId = UUID.randomUUID();
        for (int i = 0; i < localities.length; i++) {
            String data = """
                    {"referralId":"%s","personId":"%s","route":"PROFESSIONAL","locality":"%s","ageBand":"AGE_25_TO_34",
                     "lifeStage":"ADULT","receivedAt":"2026-11-02T10:15:29Z"}""".formatted(UUID.randomUUID(), personId,
                    localities[i]);
            byte[] value = CloudEventCodec.write(new CloudEventCodec.OutgoingEvent(UUID.randomUUID().toString(),
                    EventTypes.REFERRAL_RECEIVED_V1, personId.toString(), Instant.now(),
                    data.getBytes(StandardCharsets.UTF_8), null));
            records.add(new ConsumerRecord<>(partition.topic(), partition.partition(), firstOffset + i,
                    personId.toString(), value));
        }
        return records;
    }

    @SafeVarargs
    private static List<String> ids(List<ConsumerRecord<String, byte[]>>... lists) {
        List<String> ids = new ArrayList<>();
        for (List<ConsumerRecord<String, byte[]>> records : lists) {
            records.forEach(record -> ids.add(eventId(record)));
        }
        return ids;
    }

    private static String eventId(ConsumerRecord<String, byte[]> record) {
        return CloudEventCodec.read(record.value()).id();
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /** Commits or rolls back like a database: what a failed transaction wrote is gone, its event ids too. */
    private static final class InMemoryDatabase implements TransactionOperations<Connection> {
        final List<String> applied = new ArrayList<>();
        final Set<String> processed = new HashSet<>();
        int commits;
        int rollbacks;
        private List<String> pendingWrites;
        private Set<String> pendingIds;

        final ProcessedEvents processedEvents = new ProcessedEvents() {
            @Override
            public boolean recordFirstDelivery(Connection transaction, String consumer, String eventId, String eventType) {
                return !processed.contains(eventId) && pendingIds.add(eventId);
            }

            @Override
            public Set<String> recordFirstDeliveries(Connection transaction, String consumer, List<String> eventIds,
                                                     List<String> eventTypes) {
                Set<String> recorded = new HashSet<>();
                eventIds.forEach(id -> {
                    if (recordFirstDelivery(transaction, consumer, id, null)) {
                        recorded.add(id);
                    }
                });
                return recorded;
            }
        };

        void write(String eventId) {
            pendingWrites.add(eventId);
        }

        @Override
        public Connection getConnection() {
            return null;
        }

        @Override
        public boolean hasConnection() {
            return pendingWrites != null;
        }

        @Override
        public Optional<? extends TransactionStatus<?>> findTransactionStatus() {
            return Optional.empty();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <R> R execute(TransactionDefinition definition, TransactionCallback<Connection, R> callback) {
            pendingWrites = new ArrayList<>();
            pendingIds = new HashSet<>();
            TransactionStatus<Connection> status = (TransactionStatus<Connection>) Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {TransactionStatus.class}, (proxy, method, args) -> null);
            try {
                R result = callback.call(status);
                applied.addAll(pendingWrites);
                processed.addAll(pendingIds);
                commits++;
                return result;
            } catch (RuntimeException e) {
                rollbacks++;
                throw e;
            } catch (Exception e) {
                rollbacks++;
                throw new IllegalStateException(e);
            } finally {
                pendingWrites = null;
                pendingIds = null;
            }
        }
    }
}
