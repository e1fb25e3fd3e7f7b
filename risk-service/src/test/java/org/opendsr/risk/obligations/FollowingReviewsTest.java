package org.opendsr.risk.obligations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
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
import org.opendsr.contracts.common.AgeBand;
import org.opendsr.contracts.common.LifeStage;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.kit.messaging.CloudEventCodec;
import org.opendsr.kit.messaging.DeadLetters;
import org.opendsr.kit.time.DsrClock;
import org.opendsr.risk.support.RiskServiceUnderTest;
import org.opendsr.testkit.ApiClient;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.RealKafka;
import org.opendsr.testkit.TopicReader;

/**
 * risk-service following meeting-service's reviews on the real broker and database: a review booked books the
 * obligation (a rebooking moves the day), a cancellation re-opens it, a review held completes it (obligation-completed
 * published once, a redelivery changing nothing) and opens the next inpatient review as a completion through the API
 * does; a review about an obligation never opened goes to the dead-letter topic with the reason.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FollowingReviewsTest extends RiskServiceUnderTest {

    @Value("${datasources.default.url}")
    String databaseUrl;

    @Value("${datasources.default.username}")
    String databaseUser;

    @Value("${datasources.default.password}")
    String databasePassword;

    private KafkaProducer<String, byte[]> producer;
    private TopicReader riskEvents;

    @BeforeAll
    void connectToTheTopics() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealKafka.get().bootstrapServers()), new StringSerializer(), new ByteArraySerializer());
        riskEvents = TopicReader.fromBeginning(Topics.RISK_EVENTS);
    }

    @AfterAll
    void disconnectFromTheTopics() {
        producer.close();
        riskEvents.close();
    }

    @Test
    void aBookingMarksTheObligationBookedARebookingMovesItAndACancellationReopensIt() {
        UUID personId = personRatedRed();
        JsonNode ctr = open(personId, "COMMUNITY_CTR");
        UUID obligationId = UUID.fromString(ctr.get("obligationId").asText());
        UUID bookingId = UUID.randomUUID();
        LocalDate day = api.today().plusDays(10);

        publish(personId, EventTypes.MEETING_REVIEW_BOOKED_V1, booked(bookingId, obligationId, personId, day, 0));
        awaitObligation(personId, obligationId, o -> "BOOKED".equals(o.get("status").asText())
                && day.toString().equals(o.get("bookedFor").asText()));

        LocalDate later = day.plusDays(2);
        publish(personId, EventTypes.MEETING_REVIEW_BOOKED_V1, booked(bookingId, obligationId, personId, later, 1));
        awaitObligation(personId, obligationId, o -> later.toString().equals(o.get("bookedFor").asText()));

        ObjectNode cancelled = ApiClient.JSON.createObjectNode()
                .put("bookingId", bookingId.toString()).put("obligationId", obligationId.toString())
                .put("personId", personId.toString()).put("reviewType", "COMMUNITY_CTR")
                .put("reason", "PERSON_UNAVAILABLE").put("cancelledAt", clock.instant().toString()).put("sequence", 2);
        publish(personId, EventTypes.MEETING_REVIEW_CANCELLED_V1, cancelled);
        JsonNode reopened = awaitObligation(personId, obligationId, o -> "DUE".equals(o.get("status").asText()));
        assertThat(reopened.path("bookedFor").isMissingNode() || reopened.get("bookedFor").isNull())
                .as(reopened.toString()).isTrue();
        assertThat(reopened.get("dueOn").asText()).isEqualTo(ctr.get("dueOn").asText());
        assertThat(api.http.get("/ratings/people/" + personId + "/audit", api.dsrLead).text())
                .contains("meeting-service");
    }

    @Test
    void aStaleOrReplayedReviewEventNeverUndoesALaterOne() {
        UUID personId = personRatedRed();
        UUID obligationId = UUID.fromString(open(personId, "COMMUNITY_CTR").get("obligationId").asText());
        UUID bookingId = UUID.randomUUID();
        LocalDate day = api.today().plusDays(10);
        LocalDate later = day.plusDays(2);

        // Out of order: the rebooking (sequence 1) is read before the booking (sequence 0).
        publish(personId, EventTypes.MEETING_REVIEW_BOOKED_V1, booked(bookingId, obligationId, personId, later, 1));
        awaitObligation(personId, obligationId, o -> later.toString().equals(o.get("bookedFor").asText()));
        publish(personId, EventTypes.MEETING_REVIEW_BOOKED_V1, booked(bookingId, obligationId, personId, day, 0));
        staysAs(personId, obligationId, "BOOKED", later);

        publish(personId, EventTypes.MEETING_REVIEW_CANCELLED_V1, cancelled(bookingId, obligationId, personId, 2));
        awaitObligation(personId, obligationId, o -> "DUE".equals(o.get("status").asText()));
        // Redelivered as new events after the cancellation: the booking and the rebooking change nothing.
        publish(personId, EventTypes.MEETING_REVIEW_BOOKED_V1, booked(bookingId, obligationId, personId, day, 0));
        publish(personId, EventTypes.MEETING_REVIEW_BOOKED_V1, booked(bookingId, obligationId, personId, later, 1));
        staysAs(personId, obligationId, "DUE", null);
    }

    @Test
    void anotherBookingsEventsLeaveTheFollowedBookingAlone() {
        UUID personId = personRatedRed();
        UUID obligationId = UUID.fromString(open(personId, "COMMUNITY_CTR").get("obligationId").asText());
        UUID followedBooking = UUID.randomUUID();
        UUID otherBooking = UUID.randomUUID();
        LocalDate day = api.today();
        publish(personId, EventTypes.MEETING_REVIEW_BOOKED_V1,
                booked(followedBooking, obligationId, personId, day, 0));
        awaitObligation(personId, obligationId, o -> "BOOKED".equals(o.get("status").asText()));

        publish(personId, EventTypes.MEETING_REVIEW_CANCELLED_V1, cancelled(otherBooking, obligationId, personId, 1));
        publish(personId, EventTypes.MEETING_REVIEW_BOOKED_V1,
                booked(otherBooking, obligationId, personId, day.plusDays(5), 0));
        publish(personId, EventTypes.MEETING_REVIEW_HELD_V1, held(otherBooking, obligationId, personId,
                "COMMUNITY_CTR"));
        staysAs(personId, obligationId, "BOOKED", day);

        publish(personId, EventTypes.MEETING_REVIEW_HELD_V1, held(followedBooking, obligationId, personId,
                "COMMUNITY_CTR"));
        awaitObligation(personId, obligationId, o -> "DONE".equals(o.get("status").asText()));
    }

    private void staysAs(UUID personId, UUID obligationId, String status, LocalDate bookedFor) {
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode now = obligation(personId, obligationId);
            assertThat(now.get("status").asText()).as(now.toString()).isEqualTo(status);
            if (bookedFor != null) {
                assertThat(now.get("bookedFor").asText()).as(now.toString()).isEqualTo(bookedFor.toString());
            }
        });
    }

    private ObjectNode cancelled(UUID bookingId, UUID obligationId, UUID personId, int sequence) {
        return ApiClient.JSON.createObjectNode()
                .put("bookingId", bookingId.toString()).put("obligationId", obligationId.toString())
                .put("personId", personId.toString()).put("reviewType", "COMMUNITY_CTR")
                .put("reason", "PERSON_UNAVAILABLE").put("cancelledAt", clock.instant().toString())
                .put("sequence", sequence);
    }

    @Test
    void aReviewHeldCompletesTheObligationOnceWithTheReviewThatMetIt() {
        UUID personId = personRatedRed();
        UUID obligationId = UUID.fromString(open(personId, "COMMUNITY_CTR").get("obligationId").asText());
        UUID bookingId = UUID.randomUUID();
        publish(personId, EventTypes.MEETING_REVIEW_BOOKED_V1,
                booked(bookingId, obligationId, personId, api.today(), 0).put("reviewType", "LAEP"));
        awaitObligation(personId, obligationId, o -> "BOOKED".equals(o.get("status").asText()));

        ObjectNode held = held(bookingId, obligationId, personId, "LAEP");
        publish(personId, EventTypes.MEETING_REVIEW_HELD_V1, held);
        publish(personId, EventTypes.MEETING_REVIEW_HELD_V1, held); // a redelivery, as a new event

        JsonNode done = awaitObligation(personId, obligationId, o -> "DONE".equals(o.get("status").asText()));
        assertThat(done.get("reviewType").asText()).isEqualTo("LAEP");
        assertThat(done.get("completedOn").asText()).isEqualTo(api.today().toString());
        ConsumerRecord<String, String> completed = riskEvents.awaitRecord(record ->
                personId.toString().equals(record.key())
                        && record.value().contains(EventTypes.RISK_OBLIGATION_COMPLETED_V1)
                        && record.value().contains(obligationId.toString()));
        JsonNode data = readTree(completed.value()).get("data");
        assertThat(data.get("reviewType").asText()).isEqualTo("LAEP");
        assertThat(data.get("outcome").asText()).isEqualTo("DONE");
        // The second held and a late cancellation find it closed: nothing more written.
        publish(personId, EventTypes.MEETING_REVIEW_CANCELLED_V1, ApiClient.JSON.createObjectNode()
                .put("bookingId", bookingId.toString()).put("obligationId", obligationId.toString())
                .put("personId", personId.toString()).put("reviewType", "LAEP").put("reason", "OTHER")
                .put("cancelledAt", clock.instant().toString()).put("sequence", 1));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(obligation(personId, obligationId).get("status").asText()).isEqualTo("DONE"));
        assertThat(eventsInOutbox(EventTypes.RISK_OBLIGATION_COMPLETED_V1, obligationId.toString())).isEqualTo(1);
    }

    @Test
    void anOversightVisitHeldOpensTheNextVisitAsACompletionThroughTheApiDoes() {
        UUID personId = referrals.onRegister(LifeStage.ADULT, AgeBand.AGE_35_TO_49, RagRating.AMBER);
        api.awaitRating(personId, "AMBER");
        referrals.admitted(personId, api.today());
        api.awaitRating(personId, "BLUE");
        UUID visitId = UUID.fromString(open(personId, "COMMISSIONER_OVERSIGHT_VISIT").get("obligationId").asText());

        publish(personId, EventTypes.MEETING_REVIEW_HELD_V1, held(UUID.randomUUID(), visitId, personId,
                "OVERSIGHT_VISIT"));

        awaitObligation(personId, visitId, o -> "DONE".equals(o.get("status").asText()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                open(personId, "COMMISSIONER_OVERSIGHT_VISIT").get("dueOn").asText())
                .isEqualTo(api.today().plusWeeks(8).toString()));
    }

    @Test
    void aReviewAboutAnObligationNeverOpenedGoesToTheDeadLetterTopicWithItsReason() {
        UUID personId = personRatedRed();
        UUID stranger = UUID.randomUUID();

        publish(personId, EventTypes.MEETING_REVIEW_HELD_V1, held(UUID.randomUUID(), stranger, personId,
                "COMMUNITY_CTR"));

        try (TopicReader deadLetters = TopicReader.fromBeginning(Topics.MEETING_EVENTS + ".dlt")) {
            ConsumerRecord<String, String> deadLetter = deadLetters.awaitRecord(record ->
                    personId.toString().equals(record.key())
                            && "risk-service.meeting-events".equals(
                                    TopicReader.header(record, DeadLetters.CONSUMER_GROUP)));
            assertThat(TopicReader.header(deadLetter, DeadLetters.REASON_CODE)).isEqualTo("REJECTED_BY_HANDLER");
            assertThat(TopicReader.header(deadLetter, DeadLetters.REASON)).contains("never opened");
        }
        assertThat(open(personId, "COMMUNITY_CTR").get("status").asText()).isEqualTo("DUE");
    }

    private UUID personRatedRed() {
        UUID personId = referrals.onRegister(LifeStage.ADULT, AgeBand.AGE_18_TO_24, RagRating.RED);
        api.awaitRating(personId, "RED");
        return personId;
    }

    private ObjectNode booked(UUID bookingId, UUID obligationId, UUID personId, LocalDate day, int sequence) {
        Instant startsAt = day.atTime(LocalTime.of(10, 0)).atZone(DsrClock.ENGLAND).toInstant();
        return ApiClient.JSON.createObjectNode()
                .put("bookingId", bookingId.toString()).put("obligationId", obligationId.toString())
                .put("personId", personId.toString()).put("reviewType", "COMMUNITY_CTR")
                .put("startsAt", startsAt.toString()).put("endsAt", startsAt.plusSeconds(7200).toString())
                .put("urgent", false).put("sequence", sequence);
    }

    private ObjectNode held(UUID bookingId, UUID obligationId, UUID personId, String reviewType) {
        return ApiClient.JSON.createObjectNode()
                .put("bookingId", bookingId.toString()).put("obligationId", obligationId.toString())
                .put("personId", personId.toString()).put("reviewType", reviewType)
                .put("heldOn", api.today().toString());
    }

    /** Publishes as meeting-service does: a CloudEvent of the type on its topic, keyed by personId. */
    private void publish(UUID personId, String type, ObjectNode data) {
        try {
            byte[] value = CloudEventCodec.write(new CloudEventCodec.OutgoingEvent(UUID.randomUUID().toString(), type,
                    personId.toString(), clock.instant(), ApiClient.JSON.writeValueAsBytes(data), null));
            producer.send(new ProducerRecord<>(Topics.MEETING_EVENTS, personId.toString(), value))
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not publish a meeting event", e);
        }
    }

    private JsonNode obligationsOf(UUID personId) {
        ApiResponse response = api.http.get("/ratings/people/" + personId + "/obligations", api.dsrTeam);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json().get("obligations");
    }

    private JsonNode open(UUID personId, String kind) {
        return StreamSupport.stream(obligationsOf(personId).spliterator(), false)
                .filter(o -> kind.equals(o.get("kind").asText()))
                .filter(o -> List.of("DUE", "BOOKED", "OVERDUE").contains(o.get("status").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no open " + kind + " for " + personId));
    }

    private JsonNode obligation(UUID personId, UUID obligationId) {
        return StreamSupport.stream(obligationsOf(personId).spliterator(), false)
                .filter(o -> obligationId.toString().equals(o.get("obligationId").asText()))
                .findFirst().orElseThrow();
    }

    private JsonNode awaitObligation(UUID personId, UUID obligationId,
                                     java.util.function.Predicate<JsonNode> condition) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            found[0] = obligation(personId, obligationId);
            return condition.test(found[0]);
        });
        return found[0];
    }

    private static JsonNode readTree(String json) {
        try {
            return ApiClient.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private long eventsInOutbox(String type, String obligationId) {
        try (Connection connection = DriverManager.getConnection(databaseUrl, databaseUser, databasePassword);
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*) FROM dsr_kit.outbox_event WHERE type = ? AND payload->>'obligationId' = ?")) {
            query.setString(1, type);
            query.setString(2, obligationId);
            try (ResultSet found = query.executeQuery()) {
                found.next();
                return found.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
