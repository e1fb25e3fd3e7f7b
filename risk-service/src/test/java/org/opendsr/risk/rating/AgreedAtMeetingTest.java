package org.opendsr.risk.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.contracts.EventSources;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.risk.support.RiskServiceUnderTest;
import org.opendsr.kit.audit.AuditLog;
import org.opendsr.kit.audit.AuditPage;
import org.opendsr.testkit.RealKafka;
import org.opendsr.testkit.TopicReader;

/**
 * What risk-service does with meeting-service's outcomes, on a real broker and database: a rating a meeting agreed is
 * recorded as agreed at that meeting (confirmed), unless the rating rules refuse it (then nothing is recorded and the
 * refusal is on the audit trail, with no dead letter and no retry); an outcome recorded at a meeting completes the
 * person's open multi-agency review.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgreedAtMeetingTest extends RiskServiceUnderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Value("${datasources.default.url}")
    String databaseUrl;

    @Value("${datasources.default.username}")
    String databaseUser;

    @Value("${datasources.default.password}")
    String databasePassword;

    @Inject
    AuditLog auditLog;

    private KafkaProducer<String, String> meetingService;
    private TopicReader deadLetters;

    @BeforeAll
    void actAsMeetingService() {
        meetingService = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafka.get().bootstrapServers()),
                new StringSerializer(), new StringSerializer());
        deadLetters = TopicReader.fromBeginning(Topics.deadLetterTopicOf(Topics.MEETING_EVENTS));
    }

    @AfterAll
    void stopActingAsMeetingService() {
        meetingService.close();
        deadLetters.close();
    }

    @Test
    void aRatingAgreedAtAMeetingIsRecordedAsAgreedThereAndConfirmed() {
        UUID personId = referrals.onRegister(RagRating.RED);
        api.awaitRating(personId, "RED");
        UUID meetingId = UUID.randomUUID();
        UUID outcomeId = UUID.randomUUID();

        publish(personId, EventTypes.MEETING_RATING_AGREED_V1, ratingAgreed(personId, meetingId, outcomeId, "AMBER"));

        JsonNode rating = api.awaitRating(personId, "AMBER");
        assertThat(rating.path("current").path("indicative").asBoolean()).isFalse();
        JsonNode entry = StreamSupport.stream(rating.get("history").spliterator(), false)
                .filter(e -> "AMBER".equals(e.get("rating").asText())).findFirst().orElseThrow();
        assertThat(entry.get("rating").asText()).isEqualTo("AMBER");
        assertThat(entry.get("meetingId").asText()).isEqualTo(meetingId.toString());
        assertThat(entry.get("cause").asText()).isEqualTo("AGREED_AT_MEETING");
        assertThat(entry.get("decidedBy").asText()).isEqualTo("dsr-team-1");
        assertThat(entry.get("decidedAs").asText()).isEqualTo("DSR_TEAM");
        assertThat(entry.get("discussedWithPersonAndFamily").asBoolean()).isTrue();
        assertThat(entry.get("rationale").asText()).contains(meetingId.toString()).contains(outcomeId.toString());
        // What AMBER obliges follows, as for any rating.
        await().atMost(Duration.ofSeconds(30)).until(() -> obligationsOf(personId).toString()
                .contains("MULTI_AGENCY_REVIEW"));
    }

    @Test
    void aRatingAgreedWithinTheDischargeFloorIsRefusedAuditedAndNothingIsRecorded() {
        UUID personId = referrals.onRegister(RagRating.AMBER);
        api.awaitRating(personId, "AMBER");
        LocalDate today = api.today();
        referrals.admitted(personId, today.minusDays(3));
        api.awaitRating(personId, "BLUE");
        referrals.discharged(personId, today);
        int entriesBefore = api.awaitRating(personId, "RED").get("history").size();

        String eventId = publish(personId, EventTypes.MEETING_RATING_AGREED_V1,
                ratingAgreed(personId, UUID.randomUUID(), UUID.randomUUID(), "GREEN"));

        awaitProcessed(eventId);
        JsonNode rating = api.ratingOf(personId);
        assertThat(rating.path("current").path("rating").asText()).isEqualTo("RED");
        assertThat(rating.get("history").size()).isEqualTo(entriesBefore);
        assertThat(refusalsAudited(personId)).isEqualTo(1);
        assertThat(deadLetters.readFor(Duration.ofSeconds(2), record -> record.value().contains(eventId))).isEmpty();
    }

    @Test
    void anOutcomeRecordedAtAMeetingCompletesTheOpenMultiAgencyReview() {
        UUID personId = referrals.onRegister(RagRating.AMBER);
        api.awaitRating(personId, "AMBER");
        await().atMost(Duration.ofSeconds(30)).until(() -> obligationsOf(personId).toString()
                .contains("MULTI_AGENCY_REVIEW"));
        UUID meetingId = UUID.randomUUID();

        publish(personId, EventTypes.MEETING_OUTCOME_RECORDED_V1, data -> {
            data.put("outcomeId", UUID.randomUUID().toString());
            data.put("meetingId", meetingId.toString());
            data.put("meetingKind", "TRACKING");
            data.put("area", "SWINDON");
            data.putNull("agreedRating");
            data.put("actionsAgreed", 1);
            data.put("servicesRecommended", 0);
            data.put("heldOn", api.today().toString());
            data.put("recordedAt", clock.instant().toString());
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> "DONE".equals(multiAgencyReviewOf(personId)
                .get("status").asText()));
        JsonNode review = multiAgencyReviewOf(personId);
        assertThat(review.toString()).contains("MULTI_AGENCY_MEETING").contains(meetingId.toString());
    }

    @Test
    void anOutcomeRecordedLaterDoesNotCloseAReviewOpenedAfterTheMeetingDay() {
        UUID personId = referrals.onRegister(RagRating.AMBER);
        api.awaitRating(personId, "AMBER");
        await().atMost(Duration.ofSeconds(30)).until(() -> obligationsOf(personId).toString()
                .contains("MULTI_AGENCY_REVIEW"));

        // The meeting was yesterday; its outcome is written up today, after the AMBER rating opened the review.
        String eventId = publish(personId, EventTypes.MEETING_OUTCOME_RECORDED_V1, data -> {
            data.put("outcomeId", UUID.randomUUID().toString());
            data.put("meetingId", UUID.randomUUID().toString());
            data.put("meetingKind", "TRACKING");
            data.put("area", "SWINDON");
            data.putNull("agreedRating");
            data.put("actionsAgreed", 0);
            data.put("servicesRecommended", 0);
            data.put("heldOn", api.today().minusDays(1).toString());
            data.put("recordedAt", clock.instant().toString());
        });

        awaitProcessed(eventId);
        assertThat(multiAgencyReviewOf(personId).get("status").asText()).isIn("DUE", "OVERDUE");
    }

    @Test
    void anAgreedRatingAboutSomeoneNeverReferredGoesToTheDeadLetterTopic() {
        UUID stranger = UUID.randomUUID();
        String eventId = publish(stranger, EventTypes.MEETING_RATING_AGREED_V1,
                ratingAgreed(stranger, UUID.randomUUID(), UUID.randomUUID(), "AMBER"));

        deadLetters.awaitRecord(record -> record.value().contains(eventId));
    }

    private JsonNode obligationsOf(UUID personId) {
        return api.http.get("/ratings/people/" + personId + "/obligations", api.dsrLead).json().get("obligations");
    }

    private JsonNode multiAgencyReviewOf(UUID personId) {
        return StreamSupport.stream(obligationsOf(personId).spliterator(), false)
                .filter(o -> "MULTI_AGENCY_REVIEW".equals(o.get("kind").asText()))
                .findFirst().orElseThrow();
    }

    private Consumer<ObjectNode> ratingAgreed(UUID personId, UUID meetingId, UUID outcomeId, String rating) {
        return data -> {
            data.put("meetingId", meetingId.toString());
            data.put("outcomeId", outcomeId.toString());
            data.put("rating", rating);
            data.put("agreedOn", api.today().toString());
            data.put("discussedWithPersonAndFamily", true);
            data.put("recordedBy", "dsr-team-1");
        };
    }

    /** Publishes as meeting-service does (a structured CloudEvent keyed by personId); returns the event id. */
    private String publish(UUID personId, String type, Consumer<ObjectNode> fill) {
        String eventId = UUID.randomUUID().toString();
        ObjectNode event = JSON.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", eventId);
        event.put("source", EventSources.MEETING_SERVICE);
        event.put("type", type);
        event.put("subject", personId.toString());
        event.put("time", Instant.now().toString());
        event.put("datacontenttype", "application/json");
        event.put("dataschema", "urn:dsr:schema:" + type);
        ObjectNode data = event.putObject("data");
        data.put("personId", personId.toString());
        fill.accept(data);
        try {
            meetingService.send(new ProducerRecord<>(Topics.MEETING_EVENTS, personId.toString(),
                    JSON.writeValueAsString(event))).get(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new AssertionError("could not publish a meeting event", e);
        }
        return eventId;
    }

    private void awaitProcessed(String eventId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> count("SELECT count(*) FROM dsr_kit.processed_event WHERE event_id = ?", eventId) == 1);
    }

    private long refusalsAudited(UUID personId) {
        // Through the kit's reader: an entry's values about a person are stored encrypted with their audit key.
        return auditLog.ofPerson(personId, null, AuditPage.MAX_SIZE).items().stream()
                .filter(entry -> entry.outcome().equals("REFUSED") && entry.actor().equals("meeting-service")
                        && entry.newValues() != null
                        && "discharge-floor".equals(entry.newValues().get("refusedBecause")))
                .count();
    }

    private long count(String sql, String parameter) {
        try (Connection connection = DriverManager.getConnection(databaseUrl, databaseUser, databasePassword);
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet found = query.executeQuery()) {
                found.next();
                return found.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
