package org.opendsr.kit.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
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
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.kit.testapp.ReferralsSeen;
import org.opendsr.testclock.MovableClock;
import org.opendsr.testkit.ApiClient;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.DsrTestEnvironment;
import org.opendsr.testkit.RealKafka;
import org.opendsr.testkit.TestTokens;

/**
 * The dead-letter office of a service written with the kit, on the real broker and database: a record its consumer
 * could not process is kept, listed to a lead without personal data, replayed after its cause is fixed and applied
 * exactly once (also when it was processed meanwhile), or discarded with a reason; both audited; an agency inbound
 * one is redacted after its period (the test clock); only a lead may do any of it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadLetterOfficeTest implements TestPropertyProvider {

    private static final String OFFICE = "/dead-letters/kit-test";
    private static final String AGENCY_TOPIC = Topics.agencyInbound("kit-test-agency");

    @Inject
    EmbeddedServer server;

    @Inject
    ReferralsSeen seen;

    @Inject
    DeadLetterOffice office;

    @Inject
    DeadLetterSweep sweep;

    @Inject
    Clock clock;

    @Inject
    DataSource dataSource;

    @Inject
    DataSourceResolver resolver;

    private ApiClient api;
    private KafkaProducer<String, byte[]> producer;

    private final String lead = TestTokens.get().tokenFor("dsr-lead-1", DsrRoles.DSR_LEAD);

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DsrTestEnvironment.forService("kit"));
        properties.put("dsr.outbox.relay-enabled", "false");
        properties.put("dsr.dead-letters.topic-refresh", "1s");
        // The test sweeps when it has moved the clock.
        properties.put("dsr.dead-letters.sweep-initial-delay", "1h");
        return properties;
    }

    @BeforeAll
    void connect() {
        api = new ApiClient(server.getURL().toString());
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafka.get().bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    void disconnect() {
        producer.close();
    }

    @Test
    void aDeadLetterIsListedWithoutItsValueReplayedOnceItsCauseIsFixedAndAppliedOnce() {
        seen.bugComesBack();
        UUID personId = UUID.randomUUID();
        UUID referralId = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        send(personId, referralEvent(eventId, personId, referralId, ReferralsSeen.BROKEN_UNTIL_FIXED));

        JsonNode listed = awaitListed(eventId);
        assertThat(listed.get("state").asText()).isEqualTo("WAITING");
        assertThat(listed.get("reasonCode").asText()).isEqualTo("RETRIES_EXHAUSTED");
        assertThat(listed.get("reason").asText()).contains("IllegalStateException").doesNotContain("SWINDON");
        assertThat(listed.get("consumerGroup").asText()).isEqualTo("kit-test");
        assertThat(listed.get("originalTopic").asText()).isEqualTo(Topics.REFERRAL_EVENTS);
        assertThat(listed.get("eventType").asText()).isEqualTo(EventTypes.REFERRAL_RECEIVED_V1);
        assertThat(listed.get("hasPayload").asBoolean()).isTrue();
        // Never the value: nothing of the event's data is in the list.
        assertThat(listed.toString()).doesNotContain(referralId.toString()).doesNotContain("AGE_25_TO_34");
        String deadLetterId = listed.get("deadLetterId").asText();

        // Still broken: the replay fails, the dead letter waits with the new reason, nothing is applied.
        ApiResponse stillBroken = api.post(OFFICE + "/" + deadLetterId + "/replay", lead, Map.of());
        assertThat(stillBroken.status()).as(stillBroken.text()).isEqualTo(200);
        assertThat(stillBroken.json().get("outcome").asText()).isEqualTo("FAILED");
        assertThat(stillBroken.json().at("/deadLetter/state").asText()).isEqualTo("WAITING");
        assertThat(stillBroken.json().at("/deadLetter/reason").asText()).contains("on replay");
        assertThat(stillBroken.json().at("/deadLetter/replayAttempts").asInt()).isEqualTo(1);
        assertThat(seen.timesApplied(referralId)).isZero();

        seen.fixTheBug();
        ApiResponse replayed = api.post(OFFICE + "/" + deadLetterId + "/replay", lead, Map.of());
        assertThat(replayed.status()).as(replayed.text()).isEqualTo(200);
        assertThat(replayed.json().get("outcome").asText()).isEqualTo("APPLIED");
        assertThat(replayed.json().at("/deadLetter/state").asText()).isEqualTo("REPLAYED");
        assertThat(replayed.json().at("/deadLetter/hasPayload").asBoolean()).isFalse();
        assertThat(seen.timesApplied(referralId)).isEqualTo(1);

        ApiResponse again = api.post(OFFICE + "/" + deadLetterId + "/replay", lead, Map.of());
        assertProblem(again, 409, "urn:dsr:problem:dead-letter-handled");
        assertThat(seen.timesApplied(referralId)).isEqualTo(1);
        assertThat(auditActions(deadLetterId)).containsExactly("REPLAYED FAILED", "REPLAYED ALLOWED", "REPLAYED REFUSED");
    }

    @Test
    void aDeadLetterWhoseEventWasProcessedMeanwhileIsReplayedWithoutApplyingItTwice() {
        seen.bugComesBack();
        UUID personId = UUID.randomUUID();
        UUID referralId = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        byte[] event = referralEvent(eventId, personId, referralId, ReferralsSeen.BROKEN_UNTIL_FIXED);
        send(personId, event);
        String deadLetterId = awaitListed(eventId).get("deadLetterId").asText();

        // The publisher sends the same event again once the fix is out: the listener applies it.
        seen.fixTheBug();
        send(personId, event);
        await().atMost(Duration.ofSeconds(30)).until(() -> seen.timesApplied(referralId) == 1);

        ApiResponse replayed = api.post(OFFICE + "/" + deadLetterId + "/replay", lead, Map.of());
        assertThat(replayed.status()).as(replayed.text()).isEqualTo(200);
        assertThat(replayed.json().get("outcome").asText()).isEqualTo("ALREADY_PROCESSED");
        assertThat(replayed.json().at("/deadLetter/state").asText()).isEqualTo("REPLAYED");
        assertThat(seen.timesApplied(referralId)).isEqualTo(1);
    }

    @Test
    void aLeadDiscardsADeadLetterWithAReasonWhichIsAudited() {
        UUID personId = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        send(personId, referralEvent(eventId, personId, UUID.randomUUID(), ReferralsSeen.REJECTED));
        JsonNode listed = awaitListed(eventId);
        assertThat(listed.get("reasonCode").asText()).isEqualTo("REJECTED_BY_HANDLER");
        String deadLetterId = listed.get("deadLetterId").asText();

        assertProblem(api.post(OFFICE + "/" + deadLetterId + "/discard", lead, Map.of()), 400, null, "reason");
        assertProblem(api.post(OFFICE + "/" + deadLetterId + "/discard", lead, Map.of("reason", "x".repeat(501))),
                400, null, "reason");

        ApiResponse discarded = api.post(OFFICE + "/" + deadLetterId + "/discard", lead,
                Map.of("reason", "A test referral sent to the wrong environment"));
        assertThat(discarded.status()).as(discarded.text()).isEqualTo(200);
        assertThat(discarded.json().get("state").asText()).isEqualTo("DISCARDED");
        assertThat(discarded.json().get("stateChangedBy").asText()).isEqualTo("dsr-lead-1");
        assertThat(discarded.json().get("hasPayload").asBoolean()).isFalse();
        assertThat(auditActions(deadLetterId)).containsExactly("DISCARDED ALLOWED");
        assertThat(auditNewValues(deadLetterId)).contains("A test referral sent to the wrong environment");

        assertProblem(api.post(OFFICE + "/" + deadLetterId + "/replay", lead, Map.of()), 409,
                "urn:dsr:problem:dead-letter-handled");
        JsonNode discardedOnes = api.get(OFFICE + "?state=DISCARDED&reasonCode=REJECTED_BY_HANDLER&limit=200", lead).json();
        assertThat(discardedOnes.get("items").findValuesAsText("deadLetterId")).contains(deadLetterId);
        assertThat(discardedOnes.get("byReason").findValuesAsText("reasonCode")).contains("REJECTED_BY_HANDLER");
    }

    @Test
    void anAgencyDeadLetterIsListedWithoutItsKeyAndRedactedAfterItsPeriodThenCannotBeReplayed() {
        String eventId = UUID.randomUUID().toString();
        String value = """
                {"specversion":"1.0","id":"%s","type":"%s","source":"urn:agency:kit-test-agency",
                 "subject":"AGENCY-REF-77","data":{"givenName":"Wendy","familyName":"Testperson",
                 "nhsNumber":"9434765919","dateOfBirth":"2001-02-03","postcode":"SN1 2JH"}}"""
                .formatted(eventId, EventTypes.AGENCY_REFERRAL_SUBMITTED_V1);
        RecordHeaders headers = new RecordHeaders();
        header(headers, DeadLetters.REASON, "the CloudEvent envelope is invalid: time: required property 'time' not found");
        header(headers, DeadLetters.REASON_CODE, "INVALID_ENVELOPE");
        header(headers, DeadLetters.CONSUMER_GROUP, "kit-test.agency-inbound");
        header(headers, DeadLetters.ORIGINAL_TOPIC, AGENCY_TOPIC);
        header(headers, DeadLetters.ORIGINAL_PARTITION, "0");
        header(headers, DeadLetters.ORIGINAL_OFFSET, Long.toString(System.nanoTime()));
        header(headers, DeadLetters.FAILED_AT, Instant.now().toString());
        ConsumerRecord<String, byte[]> deadLetter = new ConsumerRecord<>(Topics.deadLetterTopicOf(AGENCY_TOPIC), 0, 0L,
                0L, TimestampType.CREATE_TIME, 0, 0, "AGENCY-REF-77", value.getBytes(StandardCharsets.UTF_8), headers,
                java.util.Optional.empty());
        // As the intake hands it over (a group of referral-service's kind, reading its agency's dead-letter topic).
        assertThat(office.receive(deadLetter, Set.of("kit-test.agency-inbound"))).isTrue();
        assertThat(office.receive(deadLetter, Set.of("kit-test.agency-inbound"))).isTrue();
        assertThat(office.receive(deadLetter, Set.of("someone-else"))).isFalse();

        List<JsonNode> listed = listedWith(eventId);
        assertThat(listed).hasSize(1);
        JsonNode agencyOne = listed.get(0);
        assertThat(agencyOne.get("carriesPersonalData").asBoolean()).isTrue();
        assertThat(agencyOne.path("key").isMissingNode() || agencyOne.path("key").isNull()).isTrue();
        assertThat(agencyOne.get("reason").asText()).isEqualTo(
                "the CloudEvent envelope is invalid: time: required property '…' not found");
        assertThat(agencyOne.toString()).doesNotContain("Wendy", "Testperson", "9434765919", "2001-02-03", "SN1 2JH",
                "AGENCY-REF-77");

        assertThat(sweep.sweep()).as("not yet due").isZero();
        ((MovableClock) clock).advance(Duration.ofDays(8));
        assertThat(sweep.sweep()).isGreaterThanOrEqualTo(1);

        String stored = storedValue(agencyOne.get("deadLetterId").asText());
        assertThat(stored).contains(eventId, EventTypes.AGENCY_REFERRAL_SUBMITTED_V1, "urn:agency:kit-test-agency")
                .doesNotContain("Wendy", "Testperson", "9434765919", "2001-02-03", "SN1 2JH", "AGENCY-REF-77", "data");
        JsonNode redacted = listedWith(eventId).get(0);
        assertThat(redacted.path("redactedAt").asText()).isNotBlank();
        assertThat(redacted.get("reasonCode").asText()).isEqualTo("INVALID_ENVELOPE");

        ApiResponse refused = api.post(OFFICE + "/" + redacted.get("deadLetterId").asText() + "/replay", lead, Map.of());
        assertProblem(refused, 409, "urn:dsr:problem:dead-letter-redacted");
        assertThat(refused.json().get("detail").asText()).contains("ask the agency to send the event again");
        // A redacted one is still discarded like any other.
        assertThat(api.post(OFFICE + "/" + redacted.get("deadLetterId").asText() + "/discard", lead,
                Map.of("reason", "The agency sent it again")).status()).isEqualTo(200);
    }

    @Test
    void onlyALeadMayListReplayOrDiscard() {
        String somebody = UUID.randomUUID().toString();
        Map<String, String> refused = new HashMap<>();
        refused.put("professional", TestTokens.get().tokenFor("professional-1", DsrRoles.PROFESSIONAL));
        refused.put("dsr team", TestTokens.get().tokenFor("dsr-team-1", List.of(DsrRoles.DSR_TEAM),
                Map.of("areas", List.of("SWINDON")), Duration.ofHours(1)));
        refused.put("dsr team elsewhere", TestTokens.get().tokenFor("dsr-team-wiltshire", List.of(DsrRoles.DSR_TEAM),
                Map.of("areas", List.of("WILTSHIRE")), Duration.ofHours(1)));
        refused.put("analyst", TestTokens.get().tokenFor("analyst-1", DsrRoles.ANALYST));
        refused.put("agency system", TestTokens.get().tokenFor("agency-1", DsrRoles.AGENCY_SYSTEM));
        refused.put("admin", TestTokens.get().tokenFor("admin-1", DsrRoles.ADMIN));
        for (Map.Entry<String, String> caller : refused.entrySet()) {
            assertThat(api.get(OFFICE, caller.getValue()).status()).as(caller.getKey()).isEqualTo(403);
            assertThat(api.post(OFFICE + "/" + somebody + "/replay", caller.getValue(), Map.of()).status())
                    .as(caller.getKey()).isEqualTo(403);
            assertThat(api.post(OFFICE + "/" + somebody + "/discard", caller.getValue(), Map.of("reason", "no"))
                    .status()).as(caller.getKey()).isEqualTo(403);
        }
        assertThat(api.get(OFFICE, null).status()).isEqualTo(401);
        assertThat(api.post(OFFICE + "/" + somebody + "/replay", null, Map.of()).status()).isEqualTo(401);

        assertThat(api.get(OFFICE, lead).status()).isEqualTo(200);
        assertProblem(api.post(OFFICE + "/" + somebody + "/replay", lead, Map.of()), 404, null);
        assertProblem(api.post(OFFICE + "/not-an-id/replay", lead, Map.of()), 400, null, "deadLetterId");
        assertProblem(api.get(OFFICE + "?reasonCode=NOPE", lead), 400, null, "reasonCode");
        assertProblem(api.get(OFFICE + "?state=LOST", lead), 400, null, "state");
        assertProblem(api.get(OFFICE + "?limit=0", lead), 400, null, "limit");
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private JsonNode awaitListed(String eventId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> !listedWith(eventId).isEmpty());
        return listedWith(eventId).get(0);
    }

    private List<JsonNode> listedWith(String eventId) {
        List<JsonNode> found = new ArrayList<>();
        String after = "";
        while (true) {
            ApiResponse page = api.get(OFFICE + "?limit=200" + after, lead);
            assertThat(page.status()).as(page.text()).isEqualTo(200);
            for (JsonNode item : page.json().path("items")) {
                if (eventId.equals(item.path("eventId").asText(null))) {
                    found.add(item);
                }
            }
            JsonNode next = page.json().get("nextAfter");
            if (next == null || next.isNull()) {
                return found;
            }
            after = "&after=" + next.asText();
        }
    }

    private static void assertProblem(ApiResponse response, int status, String type) {
        assertProblem(response, status, type, null);
    }

    private static void assertProblem(ApiResponse response, int status, String type, String field) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        if (type != null) {
            assertThat(response.json().get("type").asText()).isEqualTo(type);
        }
        if (field != null) {
            assertThat(response.json().get("errors").findValuesAsText("field")).as(response.text()).contains(field);
        }
    }

    private List<String> auditActions(String deadLetterId) {
        return query("SELECT action || ' ' || outcome FROM dsr_kit.audit_entry WHERE what = ? ORDER BY seq",
                "dead letter " + deadLetterId);
    }

    private String auditNewValues(String deadLetterId) {
        return String.join(" ", query("SELECT new_values::text FROM dsr_kit.audit_entry WHERE what = ? ORDER BY seq",
                "dead letter " + deadLetterId));
    }

    private String storedValue(String deadLetterId) {
        List<String> values = query("SELECT convert_from(record_value, 'UTF8') || ' ' || coalesce(record_key, '')"
                + " FROM dsr_kit.dead_letter WHERE id = ?::uuid", deadLetterId);
        assertThat(values).hasSize(1);
        return values.get(0);
    }

    private List<String> query(String sql, String parameter) {
        try (Connection connection = resolver.resolve(dataSource).getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, parameter);
            List<String> values = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
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
