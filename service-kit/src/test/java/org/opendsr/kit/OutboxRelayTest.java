package org.opendsr.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.json.JsonMapper;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.contracts.Topics;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.common.AgeBand;
import org.opendsr.contracts.common.LifeStage;
import org.opendsr.contracts.referral.ReferralReceived;
import org.opendsr.contracts.referral.ReferralRoute;
import org.opendsr.embedded.EmbeddedKafkaBroker;
import org.opendsr.embedded.FreePorts;
import org.opendsr.kit.messaging.CloudEventCodec;
import org.opendsr.kit.messaging.KafkaClientProperties;
import org.opendsr.kit.outbox.OutboxBacklogMetrics;
import org.opendsr.kit.outbox.Outbox;
import org.opendsr.kit.outbox.OutboxConfiguration;
import org.opendsr.kit.outbox.OutboxRelay;
import org.opendsr.kit.outbox.OutboxWakeUp;
import org.opendsr.kit.testapp.ReferralsSeen;
import org.opendsr.kit.testapp.TestReferrals;
import org.opendsr.testkit.LogCapture;
import org.opendsr.testkit.RealKafka;
import org.opendsr.testkit.TopicReader;

/**
 * The outbox relay against a real PostgreSQL and a real Kafka broker: prompt, at least once, one publisher at a
 * time with per-person order, and patient through a broker outage. Relays are started by the tests (the
 * application's own is off) so that each test controls how many run and how they fail.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxRelayTest implements TestPropertyProvider {

    @Inject
    TestReferrals referrals;

    @Inject
    ReferralsSeen seen;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    DataSource dataSource;

    @Inject
    DataSourceResolver resolver;

    @Inject
    KafkaClientProperties kafkaProperties;

    @Inject
    OutboxBacklogMetrics backlogMetrics;

    @Inject
    Outbox outbox;

    @Inject
    OutboxWakeUp wakeUp;

    @Inject
    JsonMapper json;

    @Inject
    MeterRegistry meters;

    private final List<OutboxRelay> relays = new ArrayList<>();

    @Override
    public Map<String, String> getProperties() {
        return KitTestContext.properties(false);
    }

    @BeforeEach
    void startFromAnEmptyOutbox() throws SQLException {
        execute("UPDATE dsr_kit.outbox_event SET published_at = clock_timestamp() WHERE published_at IS NULL");
    }

    @AfterEach
    void stopRelays() {
        relays.forEach(OutboxRelay::stop);
        relays.clear();
    }

    @Test
    void aCommittedEventIsPublishedAndARolledBackOneIsNot() throws SQLException {
        UUID personId = UUID.randomUUID();
        startRelay("only", OutboxRelay.PublishObserver.NONE, mainBrokerProducers());
        try (TopicReader topic = TopicReader.fromBeginning(Topics.REFERRAL_EVENTS)) {
            ReferralReceived committed = referrals.receive(personId, "SWINDON");
            assertThatThrownBy(() -> transactions.executeWrite(status -> {
                referrals.receiveWithoutTransaction(personId, "WILTSHIRE");
                throw new IllegalStateException("the use case fails after writing its event");
            })).isInstanceOf(IllegalStateException.class);

            topic.awaitRecord(record -> idOf(record).equals(eventIdOf(committed)));
            assertThat(topic.readFor(Duration.ofSeconds(2), record -> record.key().equals(personId.toString())))
                    .hasSize(1);
            assertThat(unpublished()).isZero();
        }
    }

    @Test
    void theOutboxRefusesAWriteOutsideATransaction() {
        assertThatThrownBy(() -> referrals.receiveWithoutTransaction(UUID.randomUUID(), "SWINDON"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("transaction");
    }

    @Test
    void aRelayThatCrashesBetweenPublishAndMarkIsSucceededByOneThatRepublishesAndTheEffectHappensOnce() throws SQLException {
        UUID personId = UUID.randomUUID();
        ReferralReceived referral = referrals.receive(personId, "SWINDON");
        String eventId = eventIdOf(referral);

        OutboxRelay crashing = startRelay("crashing", ids -> {
            throw new SimulatedCrash();
        }, mainBrokerProducers());
        // The crash is an Error on the relay's thread; Awaitility would otherwise report it as this test's failure.
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(30)).until(() -> !crashing.isAlive());
        assertThat(unpublished()).as("the crash left the event unmarked").isEqualTo(1);

        try (TopicReader topic = TopicReader.fromBeginning(Topics.REFERRAL_EVENTS)) {
            startRelay("successor", OutboxRelay.PublishObserver.NONE, mainBrokerProducers());
            topic.awaitRecords(record -> idOf(record).equals(eventId), 2);
            await().atMost(Duration.ofSeconds(30)).until(() -> unpublished() == 0);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> seen.timesApplied(referral.referralId()) == 1);
        assertThat(topicOccurrencesStayAt(eventId, 2)).isTrue();
        assertThat(seen.timesApplied(referral.referralId())).isEqualTo(1);
    }

    @Test
    void twoRelaysPublishEachEventOnceInPerPersonOrderAndHandOverWhenTheLeaderStops() throws Exception {
        OutboxRelay first = startRelay("replica-a", OutboxRelay.PublishObserver.NONE, mainBrokerProducers());
        OutboxRelay second = startRelay("replica-b", OutboxRelay.PublishObserver.NONE, mainBrokerProducers());
        await().atMost(Duration.ofSeconds(10)).until(() -> first.isLeading() ^ second.isLeading());

        List<UUID> people = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            people.add(UUID.randomUUID());
        }
        Map<UUID, List<UUID>> written = writeConcurrently(people, 15);

        OutboxRelay leader = first.isLeading() ? first : second;
        OutboxRelay standby = leader == first ? second : first;
        await().atMost(Duration.ofSeconds(30)).until(() -> unpublished() == 0);
        leader.stop();
        await().atMost(Duration.ofSeconds(15)).until(standby::isLeading);
        Map<UUID, List<UUID>> writtenAfterHandover = writeConcurrently(people, 10);
        writtenAfterHandover.forEach((person, ids) -> written.get(person).addAll(ids));

        int total = written.values().stream().mapToInt(List::size).sum();
        await().atMost(Duration.ofSeconds(60)).until(() -> seen.totalApplied() >= total
                && people.stream().allMatch(person -> seen.appliedInOrderFor(person).size() == written.get(person).size()));
        for (UUID person : people) {
            assertThat(seen.appliedInOrderFor(person)).as("order for one person").isEqualTo(written.get(person));
        }
        try (TopicReader topic = TopicReader.fromBeginning(Topics.REFERRAL_EVENTS)) {
            List<ConsumerRecord<String, String>> published = topic.awaitRecords(
                    record -> people.contains(UUID.fromString(record.key())), total);
            Map<String, Long> copies = published.stream()
                    .collect(Collectors.groupingBy(OutboxRelayTest::idOf, Collectors.counting()));
            assertThat(copies).hasSize(total);
            assertThat(copies.values()).as("no event published twice by two relays").allMatch(count -> count == 1);
        }
    }

    @Test
    void eventsWaitInTheOutboxWhileTheBrokerIsDownAndFlowWhenItReturns() throws Exception {
        Path work = Path.of(System.getProperty("java.io.tmpdir"), "outage-broker-" + UUID.randomUUID());
        EmbeddedKafkaBroker.Settings settings = new EmbeddedKafkaBroker.Settings(
                work, FreePorts.next(), FreePorts.next(), "384m", Duration.ofSeconds(90));
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(settings);
        try {
            startRelay("patient", OutboxRelay.PublishObserver.NONE, producersFor(broker.bootstrapServers()));
            UUID personId = UUID.randomUUID();
            ReferralReceived before = referrals.receive(personId, "SWINDON");
            try (TopicReader topic = TopicReader.fromBeginning(broker.bootstrapServers(), Topics.REFERRAL_EVENTS)) {
                topic.awaitRecord(record -> idOf(record).equals(eventIdOf(before)));
            }

            broker.close();
            ReferralReceived during1 = referrals.receive(personId, "SWINDON");
            ReferralReceived during2 = referrals.receive(personId, "WILTSHIRE");
            await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> unpublished() == 2);

            broker = EmbeddedKafkaBroker.start(settings);
            try (TopicReader topic = TopicReader.fromBeginning(broker.bootstrapServers(), Topics.REFERRAL_EVENTS)) {
                List<ConsumerRecord<String, String>> records = topic.awaitRecords(
                        record -> record.key().equals(personId.toString()), 3);
                assertThat(records.stream().map(OutboxRelayTest::idOf).distinct().toList())
                        .containsExactly(eventIdOf(before), eventIdOf(during1), eventIdOf(during2));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> unpublished() == 0);
        } finally {
            broker.close();
        }
    }

    @Test
    void anEventTheBrokerWillNeverTakeIsParkedTheSamePersonsLaterEventsWaitBehindItAndEveryoneElseFlows() throws Exception {
        UUID personId = UUID.randomUUID();
        UUID someoneElse = UUID.randomUUID();
        ReferralReceived first = referrals.receive(personId, "SWINDON");
        String oversized = appendOversizedCopyOf(first);
        ReferralReceived third = referrals.receive(personId, "WILTSHIRE");
        ReferralReceived unrelated = referrals.receive(someoneElse, "SWINDON");

        try (TopicReader topic = TopicReader.fromBeginning(Topics.REFERRAL_EVENTS);
             LogCapture logs = LogCapture.capture()) {
            // The relay's own backoff is long, as in production: a parked row must not cost a stall of it.
            startRelay("small-requests", OutboxRelay.PublishObserver.NONE, producersLimitedTo(4_000),
                    Duration.ofSeconds(10));

            topic.awaitRecord(record -> idOf(record).equals(eventIdOf(unrelated)));
            await().atMost(Duration.ofSeconds(10)).until(() -> parkReasonOf(oversized) != null);
            assertThat(parkReasonOf(oversized)).isEqualTo("RecordTooLargeException");
            assertThat(topic.readFor(Duration.ofSeconds(2), record -> record.key().equals(personId.toString()))
                    .stream().map(OutboxRelayTest::idOf).toList())
                    .as("the event behind the parked one is held back, not published out of order")
                    .containsExactly(eventIdOf(first));
            assertThat(isPublished(eventIdOf(third))).isFalse();
            assertThat(logs.lines()).anyMatch(line -> line.startsWith("ERROR") && line.contains("parked event " + oversized));
            assertThat(logs.linesContainingAnyOf("9434765919")).isEmpty();
        }
        backlogMetrics.refresh();
        assertThat(backlogMetrics.parked()).isEqualTo(1);
        assertThat(backlogMetrics.held()).isEqualTo(1);

        // The operator raises the limit, then releases the row as the OutboxRelay Javadoc says.
        stopRelays();
        startRelay("raised-limit", OutboxRelay.PublishObserver.NONE, mainBrokerProducers());
        execute("UPDATE dsr_kit.outbox_event SET parked_at = NULL, park_reason = NULL WHERE id = '" + oversized + "'");
        try (TopicReader topic = TopicReader.fromBeginning(Topics.REFERRAL_EVENTS)) {
            List<ConsumerRecord<String, String>> records = topic.awaitRecords(
                    record -> record.key().equals(personId.toString()), 3);
            assertThat(records.stream().map(OutboxRelayTest::idOf).toList())
                    .containsExactly(eventIdOf(first), oversized, eventIdOf(third));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> unpublished() == 0);
        backlogMetrics.refresh();
        assertThat(backlogMetrics.parked()).isZero();
        assertThat(backlogMetrics.held()).isZero();
    }

    @Test
    void publishedEventsArePurgedAfterTheirRetentionAndUnpublishedOnesNever() throws SQLException {
        UUID personId = UUID.randomUUID();
        String old = eventIdOf(referrals.receive(personId, "SWINDON"));
        String oldButUnpublished = eventIdOf(referrals.receive(UUID.randomUUID(), "SWINDON"));
        execute("UPDATE dsr_kit.outbox_event SET published_at = now() - interval '8 days' WHERE id = '" + old + "'");
        execute("UPDATE dsr_kit.outbox_event SET created_at = now() - interval '8 days', parked_at = now(), "
                + "park_reason = 'test' WHERE id = '" + oldButUnpublished + "'");
        String recent = eventIdOf(referrals.receive(personId, "WILTSHIRE"));

        // Retention 7 days (the default): the relay purges as soon as it leads.
        startRelay("purging", OutboxRelay.PublishObserver.NONE, mainBrokerProducers());
        await().atMost(Duration.ofSeconds(30)).until(() -> isPublished(recent));

        await().atMost(Duration.ofSeconds(10)).until(() -> !exists(old));
        assertThat(exists(recent)).as("published, but within retention").isTrue();
        assertThat(exists(oldButUnpublished)).as("never published").isTrue();
    }

    @Test
    void aWriteOnAReplicaThatDoesNotLeadWakesTheLeaderByANotificationSentAfterCommitWithoutAnyTrigger() throws Exception {
        assertThat(triggersOnTheOutbox()).as("nothing signals inside the writer's transaction").isZero();
        // This application's own relay is off, so its writes stand for another replica's: they can reach the test's
        // leader only through the notification sent after commit. Its poll is far longer than the wait below.
        OutboxRelay leader = startRelay("leader", OutboxRelay.PublishObserver.NONE, mainBrokerProducers(),
                settings(Duration.ofMinutes(5), Duration.ofSeconds(2)));
        await().atMost(Duration.ofSeconds(10)).until(leader::isLeading);
        double notifiedBefore = wakeUps("notify");

        UUID personId = UUID.randomUUID();
        String first = eventIdOf(referrals.receive(personId, "SWINDON"));
        await().atMost(Duration.ofSeconds(20)).until(() -> isPublished(first));
        assertThatThrownBy(() -> transactions.executeWrite(status -> {
            referrals.receiveWithoutTransaction(personId, "WILTSHIRE");
            throw new IllegalStateException("the use case fails after writing its event");
        })).isInstanceOf(IllegalStateException.class);
        String second = eventIdOf(referrals.receive(personId, "SWINDON"));
        await().atMost(Duration.ofSeconds(20)).until(() -> isPublished(second));

        assertThat(unpublished()).as("the rolled-back event was never written").isZero();
        assertThat(wakeUps("notify")).isGreaterThan(notifiedBefore);
    }

    @Test
    void aFailedEventIsRetriedBeforeAnyLaterEventOfTheSamePersonIsSentSoAFailureCannotReorderThem() throws Exception {
        UUID personId = UUID.randomUUID();
        UUID someoneElse = UUID.randomUUID();
        String first = eventIdOf(referrals.receive(personId, "SWINDON"));
        String unrelated = eventIdOf(referrals.receive(someoneElse, "SWINDON"));
        String second = eventIdOf(referrals.receive(personId, "WILTSHIRE"));
        String third = eventIdOf(referrals.receive(personId, "SWINDON"));

        try (FlakyBroker broker = new FlakyBroker(first)) {
            startRelay("flaky", OutboxRelay.PublishObserver.NONE, broker::newProducer, Duration.ofMillis(200));
            await().atMost(Duration.ofSeconds(30)).until(() -> unpublished() == 0);

            assertThat(broker.deliveredIdsOf(personId)).as("the topic, for this person")
                    .containsExactly(first, second, third);
            assertThat(broker.sentIdsOf(0, personId))
                    .as("nothing of the person's was in flight behind the event that failed")
                    .containsExactly(first);
            assertThat(broker.deliveredIdsOf(someoneElse)).containsExactly(unrelated);
        }
    }

    @Test
    void aRecordLargerThanTheProducerTakesIsParkedWithoutBeingSent() throws Exception {
        UUID personId = UUID.randomUUID();
        ReferralReceived first = referrals.receive(personId, "SWINDON");
        String oversized = appendOversizedCopyOf(first);
        String third = eventIdOf(referrals.receive(personId, "WILTSHIRE"));

        // A producer that would take anything: only the relay's own check can keep the record from being sent.
        try (FlakyBroker broker = new FlakyBroker(null)) {
            startRelay("pre-checking", OutboxRelay.PublishObserver.NONE, broker::newProducer,
                    settings(Duration.ofMillis(200), Duration.ofSeconds(2)).withMaxRecordBytes(4_000));
            await().atMost(Duration.ofSeconds(10)).until(() -> parkReasonOf(oversized) != null);
            await().atMost(Duration.ofSeconds(10)).until(() -> isPublished(eventIdOf(first)));

            assertThat(parkReasonOf(oversized)).isEqualTo("RecordTooLargeException");
            assertThat(broker.sentIdsOf(0, personId)).containsExactly(eventIdOf(first));
            assertThat(isPublished(third)).as("held behind the parked one").isFalse();
        }
    }

    @Test
    void aPayloadThatDoesNotMatchItsSchemaFailsTheWriteWhereTestsTurnTheCheckOn() {
        ReferralReceived invalid = new ReferralReceived(null, UUID.randomUUID(), ReferralRoute.PROFESSIONAL, "SWINDON",
                AgeBand.AGE_14_TO_17, LifeStage.CHILD, null, null, null, null);

        assertThatThrownBy(() -> transactions.executeWrite(status ->
                outbox.append("referral", invalid.personId(), EventTypes.REFERRAL_RECEIVED_V1, invalid)))
                .hasMessageContaining("does not match its schema");

        Outbox production = new Outbox(transactions, json, wakeUp, new OutboxConfiguration());
        assertThatThrownBy(() -> transactions.executeWrite(status -> {
            production.append("referral", invalid.personId(), EventTypes.REFERRAL_RECEIVED_V1, invalid);
            throw new IllegalStateException("written without a schema check");
        })).hasMessage("written without a schema check");
    }

    @Test
    void whileTheBrokerCannotBeReachedTheRelayStopsAtTheFirstRefusedSendInsteadOfTryingEveryPerson() throws Exception {
        for (int i = 0; i < 5; i++) {
            referrals.receive(UUID.randomUUID(), "SWINDON");
        }
        List<Integer> attemptsPerProducer = new CopyOnWriteArrayList<>();
        java.util.function.Supplier<Producer<String, byte[]>> unreachable = () -> {
            int producer = attemptsPerProducer.size();
            attemptsPerProducer.add(0);
            return new MockProducer<>(true, new StringSerializer(), new ByteArraySerializer()) {
                @Override
                public synchronized Future<org.apache.kafka.clients.producer.RecordMetadata> send(
                        ProducerRecord<String, byte[]> record, org.apache.kafka.clients.producer.Callback callback) {
                    // What KafkaProducer does when metadata cannot be fetched within max.block.ms.
                    attemptsPerProducer.set(producer, attemptsPerProducer.get(producer) + 1);
                    org.apache.kafka.common.errors.TimeoutException refused =
                            new org.apache.kafka.common.errors.TimeoutException("simulated: no metadata");
                    callback.onCompletion(null, refused);
                    return java.util.concurrent.CompletableFuture.failedFuture(refused);
                }
            };
        };
        startRelay("unreachable", OutboxRelay.PublishObserver.NONE, unreachable, Duration.ofMillis(200));
        await().atMost(Duration.ofSeconds(10)).until(() -> attemptsPerProducer.size() >= 3);

        assertThat(attemptsPerProducer.subList(0, 2)).as("one send per attempt, then back off").containsOnly(1);
        assertThat(unpublished()).isEqualTo(5);
    }

    private Map<UUID, List<UUID>> writeConcurrently(List<UUID> people, int eventsPerPerson) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            Map<UUID, Future<List<UUID>>> futures = new HashMap<>();
            for (UUID person : people) {
                futures.put(person, writers.submit(() -> {
                    List<UUID> ids = new ArrayList<>();
                    for (int i = 0; i < eventsPerPerson; i++) {
                        ids.add(referrals.receive(person, "SWINDON").referralId());
                    }
                    return ids;
                }));
            }
            Map<UUID, List<UUID>> written = new HashMap<>();
            for (var entry : futures.entrySet()) {
                written.put(entry.getKey(), Collections.synchronizedList(new ArrayList<>(entry.getValue().get())));
            }
            return written;
        } finally {
            writers.shutdown();
        }
    }

    private boolean topicOccurrencesStayAt(String eventId, int expected) {
        try (TopicReader topic = TopicReader.fromBeginning(Topics.REFERRAL_EVENTS)) {
            return topic.readFor(Duration.ofSeconds(2), record -> idOf(record).equals(eventId)).size() == expected;
        }
    }

    private OutboxRelay startRelay(String name, OutboxRelay.PublishObserver observer,
                                   java.util.function.Supplier<Producer<String, byte[]>> producers) {
        return startRelay(name, observer, producers, Duration.ofSeconds(2));
    }

    private OutboxRelay startRelay(String name, OutboxRelay.PublishObserver observer,
                                   java.util.function.Supplier<Producer<String, byte[]>> producers, Duration maxBackoff) {
        return startRelay(name, observer, producers, settings(Duration.ofMillis(200), maxBackoff));
    }

    private OutboxRelay startRelay(String name, OutboxRelay.PublishObserver observer,
                                   java.util.function.Supplier<Producer<String, byte[]>> producers,
                                   OutboxRelay.Settings settings) {
        OutboxRelay relay = new OutboxRelay(name, resolver.resolve(dataSource), producers, settings,
                observer, new SimpleMeterRegistry(), Clock.systemUTC());
        relays.add(relay);
        return relay.start();
    }

    private static OutboxRelay.Settings settings(Duration pollInterval, Duration maxBackoff) {
        OutboxRelay.Settings defaults = OutboxRelay.Settings.defaults();
        return new OutboxRelay.Settings(pollInterval, defaults.batchSize(), defaults.retention(),
                defaults.purgeInterval(), Duration.ofMillis(300), maxBackoff);
    }

    private java.util.function.Supplier<Producer<String, byte[]>> mainBrokerProducers() {
        return producersFor(RealKafka.get().bootstrapServers());
    }

    private java.util.function.Supplier<Producer<String, byte[]>> producersFor(String bootstrap) {
        return () -> {
            Map<String, Object> properties = kafkaProperties.reliableProducer("relay-test");
            properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            // Fail fast while the test's broker is down, so the relay's retries are seen within seconds.
            properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000);
            properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1500);
            properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3000);
            return new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
        };
    }

    /** A producer that refuses any record above the given size, as one would for a topic's max.message.bytes. */
    private java.util.function.Supplier<Producer<String, byte[]>> producersLimitedTo(int maxRequestBytes) {
        return () -> {
            Map<String, Object> properties = kafkaProperties.reliableProducer("relay-test-small");
            properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafka.get().bootstrapServers());
            properties.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxRequestBytes);
            return new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
        };
    }

    /** Appends, for the same person, a copy of an event padded far beyond any request limit; returns its id. */
    private String appendOversizedCopyOf(ReferralReceived referral) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (Connection connection = resolver.resolve(dataSource).getConnection();
             var insert = connection.prepareStatement(
                     "INSERT INTO dsr_kit.outbox_event (id, aggregatetype, aggregateid, type, topic, payload) "
                             + "SELECT ?::uuid, aggregatetype, aggregateid, type, topic, "
                             + "payload || jsonb_build_object('note', repeat('Jane Doe 9434765919 ', 2000)) "
                             + "FROM dsr_kit.outbox_event WHERE id = ?::uuid")) {
            insert.setString(1, id);
            insert.setString(2, eventIdOf(referral));
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
        return id;
    }

    private String parkReasonOf(String eventId) throws SQLException {
        try (Connection connection = resolver.resolve(dataSource).getConnection();
             var select = connection.prepareStatement("SELECT park_reason FROM dsr_kit.outbox_event WHERE id = ?::uuid")) {
            select.setString(1, eventId);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    private boolean exists(String eventId) throws SQLException {
        try (Connection connection = resolver.resolve(dataSource).getConnection();
             var select = connection.prepareStatement("SELECT count(*) FROM dsr_kit.outbox_event WHERE id = ?::uuid")) {
            select.setString(1, eventId);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1) == 1;
            }
        }
    }

    private boolean isPublished(String eventId) throws SQLException {
        try (Connection connection = resolver.resolve(dataSource).getConnection();
             var select = connection.prepareStatement(
                     "SELECT published_at IS NOT NULL FROM dsr_kit.outbox_event WHERE id = ?::uuid")) {
            select.setString(1, eventId);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    private String eventIdOf(ReferralReceived referral) {
        try (Connection connection = resolver.resolve(dataSource).getConnection();
             var select = connection.prepareStatement(
                     // The first written: a test's oversized copy carries the same referral id.
                    "SELECT id FROM dsr_kit.outbox_event WHERE payload ->> 'referralId' = ? ORDER BY position LIMIT 1")) {
            select.setString(1, referral.referralId().toString());
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String idOf(ConsumerRecord<String, String> record) {
        return CloudEventCodec.read(record.value().getBytes()).id();
    }

    private long unpublished() throws SQLException {
        try (Connection connection = resolver.resolve(dataSource).getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT count(*) FROM dsr_kit.outbox_event WHERE published_at IS NULL")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = resolver.resolve(dataSource).getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private long triggersOnTheOutbox() throws SQLException {
        try (Connection connection = resolver.resolve(dataSource).getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_trigger "
                     + "WHERE tgrelid = 'dsr_kit.outbox_event'::regclass AND NOT tgisinternal")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private double wakeUps(String via) {
        return meters.counter("dsr.outbox.wakeups", "via", via).count();
    }

    /**
     * A broker stand-in that answers every send in order on its own thread, like the producer's I/O thread, and
     * fails the first send of one event with a retriable error. Whatever was in flight behind the failed record is
     * still delivered, as the idempotent producer may do, so any pipelining of one person's events would show on
     * the "topic" ({@link #deliveredIdsOf}) as a reordering.
     */
    static final class FlakyBroker implements AutoCloseable {
        private final String failOnce;
        private final List<MockProducer<String, byte[]>> producers = new CopyOnWriteArrayList<>();
        private final List<ProducerRecord<String, byte[]>> delivered = new CopyOnWriteArrayList<>();
        private final Map<MockProducer<String, byte[]>, Integer> answered = new HashMap<>();
        private final ScheduledExecutorService io = Executors.newSingleThreadScheduledExecutor();
        private boolean failed;

        FlakyBroker(String failOnce) {
            this.failOnce = failOnce;
            io.scheduleWithFixedDelay(this::answer, 5, 5, TimeUnit.MILLISECONDS);
        }

        Producer<String, byte[]> newProducer() {
            MockProducer<String, byte[]> producer = new MockProducer<>(false, new StringSerializer(),
                    new ByteArraySerializer());
            producers.add(producer);
            return producer;
        }

        private void answer() {
            for (MockProducer<String, byte[]> producer : producers) {
                int done = answered.getOrDefault(producer, 0);
                List<ProducerRecord<String, byte[]>> sent = producer.history();
                for (; done < sent.size(); done++) {
                    ProducerRecord<String, byte[]> record = sent.get(done);
                    if (!failed && idOfSent(record).equals(failOnce)) {
                        failed = true;
                        producer.errorNext(new NetworkException("simulated: the broker went away"));
                    } else {
                        producer.completeNext();
                        delivered.add(record);
                    }
                }
                answered.put(producer, done);
            }
        }

        List<String> deliveredIdsOf(UUID personId) {
            return idsOf(delivered, personId);
        }

        /** What the relay handed to its n-th producer for the person, in order. */
        List<String> sentIdsOf(int producer, UUID personId) {
            return idsOf(producers.get(producer).history(), personId);
        }

        private static List<String> idsOf(List<ProducerRecord<String, byte[]>> records, UUID personId) {
            return records.stream().filter(record -> record.key().equals(personId.toString()))
                    .map(FlakyBroker::idOfSent).toList();
        }

        private static String idOfSent(ProducerRecord<String, byte[]> record) {
            return CloudEventCodec.read(record.value()).id();
        }

        @Override
        public void close() {
            io.shutdownNow();
        }
    }

    /** Stands for the process dying: not caught by the relay loop, so its thread ends without marking. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash between publish and mark");
        }
    }
}
