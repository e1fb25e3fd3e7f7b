package org.opendsr.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.kit.messaging.CloudEventCodec;
import org.opendsr.kit.messaging.DeadLetters;
import org.opendsr.kit.testapp.ReferralsSeen;
import org.opendsr.testkit.RealKafka;
import org.opendsr.testkit.TopicReader;

/**
 * A consumer written with the kit, fed real records on a real broker: duplicates change nothing, records that can
 * never succeed go to the dead-letter topic with their reason and the partition moves on, outages are waited out.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboundEventsTest implements TestPropertyProvider {

    @Inject
    ReferralsSeen seen;

    private KafkaProducer<String, byte[]> producer;
    private TopicReader deadLetters;

    @Override
    public Map<String, String> getProperties() {
        return KitTestContext.properties(false);
    }

    @BeforeAll
    void connect() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafka.get().bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
        deadLetters = TopicReader.fromBeginning(Topics.deadLetterTopicOf(Topics.REFERRAL_EVENTS));
    }

    @AfterAll
    void disconnect() {
        producer.close();
        deadLetters.close();
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicWithItsReasonAndTheNextRecordIsProcessed() {
        UUID personId = UUID.randomUUID();
        UUID next = UUID.randomUUID();
        send(personId, "this is not an event".getBytes(StandardCharsets.UTF_8));
        send(personId, referralEvent(UUID.randomUUID().toString(), personId, next, "SWINDON"));

        ConsumerRecord<String, String> deadLetter = deadLetters.awaitRecord(
                record -> record.key().equals(personId.toString()));
        assertThat(deadLetter.value()).isEqualTo("this is not an event");
        assertThat(TopicReader.header(deadLetter, DeadLetters.REASON_CODE)).isEqualTo("NOT_A_CLOUD_EVENT");
        assertThat(TopicReader.header(deadLetter, DeadLetters.REASON)).isEqualTo("the record value is not JSON");
        assertThat(TopicReader.header(deadLetter, DeadLetters.CONSUMER_GROUP)).isEqualTo("kit-test");
        assertThat(TopicReader.header(deadLetter, DeadLetters.ORIGINAL_TOPIC)).isEqualTo(Topics.REFERRAL_EVENTS);
        assertThat(TopicReader.header(deadLetter, DeadLetters.ORIGINAL_OFFSET)).isNotBlank();
        await().atMost(Duration.ofSeconds(30)).until(() -> seen.timesApplied(next) == 1);
    }

    @Test
    void aPoisonRecordTooLargeToDeadLetterIsReplacedByASubstituteAndTheRecordsBehindItAreProcessed() throws Exception {
        UUID personId = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        // 2 MB that lz4 squeezes far below the broker's limit: the broker takes it, but the dead-letter producer
        // checks the uncompressed size against its max.request.size (1 MB) and refuses it.
        byte[] huge = ("{\"id\":\"" + eventId + "\",\"junk\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<String, byte[]> compressing = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafka.get().bootstrapServers(),
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024), new StringSerializer(), new ByteArraySerializer())) {
            compressing.send(new ProducerRecord<>(Topics.REFERRAL_EVENTS, personId.toString(), huge)).get(30, TimeUnit.SECONDS);
        }
        UUID next = UUID.randomUUID();
        send(personId, referralEvent(UUID.randomUUID().toString(), personId, next, "SWINDON"));

        ConsumerRecord<String, String> substitute = deadLetters.awaitRecord(
                record -> record.key().equals(personId.toString()));
        assertThat(substitute.value()).isNull();
        assertThat(TopicReader.header(substitute, DeadLetters.SUBSTITUTED_BECAUSE)).isEqualTo("RecordTooLargeException");
        assertThat(TopicReader.header(substitute, DeadLetters.EVENT_ID)).isEqualTo(eventId);
        assertThat(TopicReader.header(substitute, DeadLetters.REASON_CODE)).isEqualTo("INVALID_ENVELOPE");
        assertThat(TopicReader.header(substitute, DeadLetters.ORIGINAL_TOPIC)).isEqualTo(Topics.REFERRAL_EVENTS);
        assertThat(TopicReader.header(substitute, DeadLetters.ORIGINAL_OFFSET)).isNotBlank();
        await().atMost(Duration.ofSeconds(30)).until(() -> seen.timesApplied(next) == 1);
    }

    @Test
    void anEventWhoseDataBreaksItsSchemaIsDeadLetteredNamingTheProblem() {
        UUID personId = UUID.randomUUID();
        send(personId, referralEvent(UUID.randomUUID().toString(), personId, UUID.randomUUID(), "lower case"));

        ConsumerRecord<String, String> deadLetter = deadLetters.awaitRecord(
                record -> record.key().equals(personId.toString()));
        assertThat(TopicReader.header(deadLetter, DeadLetters.REASON_CODE)).isEqualTo("SCHEMA_VIOLATION");
        assertThat(TopicReader.header(deadLetter, DeadLetters.REASON)).contains("locality");
    }

    @Test
    void anEnvelopeWithoutAnIdIsDeadLettered() {
        UUID personId = UUID.randomUUID();
        String event = new String(referralEvent(UUID.randomUUID().toString(), personId, UUID.randomUUID(), "SWINDON"),
                StandardCharsets.UTF_8).replaceFirst("\"id\"\\s*:\\s*\"[^\"]+\",", "");
        send(personId, event.getBytes(StandardCharsets.UTF_8));

        ConsumerRecord<String, String> deadLetter = deadLetters.awaitRecord(
                record -> record.key().equals(personId.toString()));
        assertThat(TopicReader.header(deadLetter, DeadLetters.REASON_CODE)).isEqualTo("INVALID_ENVELOPE");
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        UUID personId = UUID.randomUUID();
        UUID referralId = UUID.randomUUID();
        byte[] event = referralEvent(UUID.randomUUID().toString(), personId, referralId, "SWINDON");
        send(personId, event);
        send(personId, event);
        UUID marker = UUID.randomUUID();
        send(personId, referralEvent(UUID.randomUUID().toString(), personId, marker, "SWINDON"));

        await().atMost(Duration.ofSeconds(30)).until(() -> seen.timesApplied(marker) == 1);
        assertThat(seen.timesApplied(referralId)).isEqualTo(1);
    }

    @Test
    void anEventTheHandlerRejectsIsDeadLetteredAtOnce() {
        UUID personId = UUID.randomUUID();
        UUID referralId = UUID.randomUUID();
        send(personId, referralEvent(UUID.randomUUID().toString(), personId, referralId, ReferralsSeen.REJECTED));

        ConsumerRecord<String, String> deadLetter = deadLetters.awaitRecord(
                record -> record.key().equals(personId.toString()));
        assertThat(TopicReader.header(deadLetter, DeadLetters.REASON_CODE)).isEqualTo("REJECTED_BY_HANDLER");
        assertThat(TopicReader.header(deadLetter, DeadLetters.REASON)).isEqualTo("the test rejects this locality");
        assertThat(seen.attemptsFor(referralId)).isEqualTo(1);
    }

    @Test
    void anEventARuleRefusesIsDeadLetteredAtOnceWithTheRefusal() {
        UUID personId = UUID.randomUUID();
        UUID referralId = UUID.randomUUID();
        send(personId, referralEvent(UUID.randomUUID().toString(), personId, referralId, ReferralsSeen.RULE_REFUSES));

        ConsumerRecord<String, String> deadLetter = deadLetters.awaitRecord(
                record -> record.key().equals(personId.toString()));
        assertThat(TopicReader.header(deadLetter, DeadLetters.REASON_CODE)).isEqualTo("REJECTED_BY_HANDLER");
        assertThat(TopicReader.header(deadLetter, DeadLetters.REASON)).isEqualTo("locality: is not one the test serves");
        assertThat(seen.attemptsFor(referralId)).isEqualTo(1);
    }

    @Test
    void aHandlerThatKeepsFailingIsDeadLetteredAfterItsAttemptsAndThePartitionMovesOn() {
        UUID personId = UUID.randomUUID();
        UUID broken = UUID.randomUUID();
        UUID next = UUID.randomUUID();
        send(personId, referralEvent(UUID.randomUUID().toString(), personId, broken, ReferralsSeen.ALWAYS_BROKEN));
        send(personId, referralEvent(UUID.randomUUID().toString(), personId, next, "SWINDON"));

        ConsumerRecord<String, String> deadLetter = deadLetters.awaitRecord(
                record -> record.key().equals(personId.toString()));
        assertThat(TopicReader.header(deadLetter, DeadLetters.REASON_CODE)).isEqualTo("RETRIES_EXHAUSTED");
        assertThat(TopicReader.header(deadLetter, DeadLetters.REASON)).contains("IllegalStateException");
        assertThat(seen.attemptsFor(broken)).isEqualTo(3);
        await().atMost(Duration.ofSeconds(30)).until(() -> seen.timesApplied(next) == 1);
    }

    @Test
    void aDatabaseOutageIsWaitedOutWithoutDeadLetteringOrLosingTheEvent() {
        UUID personId = UUID.randomUUID();
        UUID referralId = UUID.randomUUID();
        send(personId, referralEvent(UUID.randomUUID().toString(), personId, referralId, ReferralsSeen.DATABASE_BLIPS_TWICE));

        await().atMost(Duration.ofSeconds(30)).until(() -> seen.timesApplied(referralId) == 1);
        assertThat(seen.attemptsFor(referralId)).isEqualTo(3);
        assertThat(deadLetters.readFor(Duration.ofSeconds(1), record -> record.key().equals(personId.toString())))
                .isEmpty();
    }

    @Test
    void anEventTypeTheConsumerDoesNotHandleIsSkippedNotDeadLettered() {
        UUID personId = UUID.randomUUID();
        String unknown = """
                {"specversion":"1.0","id":"%s","source":"/dsr/referral-service","type":"dsr.referral.something-new.v1",
                 "subject":"%s","time":"2026-11-02T10:15:30Z","datacontenttype":"application/json","data":{"anything":1}}
                """.formatted(UUID.randomUUID(), personId);
        send(personId, unknown.getBytes(StandardCharsets.UTF_8));
        UUID marker = UUID.randomUUID();
        send(personId, referralEvent(UUID.randomUUID().toString(), personId, marker, "SWINDON"));

        await().atMost(Duration.ofSeconds(30)).until(() -> seen.timesApplied(marker) == 1);
        assertThat(deadLetters.readFor(Duration.ofSeconds(1), record -> record.key().equals(personId.toString())))
                .isEmpty();
    }

    private void send(UUID personId, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(Topics.REFERRAL_EVENTS, personId.toString(), value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] referralEvent(String eventId, UUID personId, UUID referralId, String locality) {
        String data = """
                {"referralId":"%s","personId":"%s","route":"PROFESSIONAL","locality":"%s","ageBand":"AGE_25_TO_34",
                 "lifeStage":"ADULT","receivedAt":"2026-11-02T10:15:29Z"}""".formatted(referralId, personId, locality);
        return CloudEventCodec.write(new CloudEventCodec.OutgoingEvent(eventId, EventTypes.REFERRAL_RECEIVED_V1,
                personId.toString(), Instant.now(), data.getBytes(StandardCharsets.UTF_8), null));
    }
}
