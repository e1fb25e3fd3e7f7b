package org.opendsr.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opendsr.contracts.Topics;
import org.opendsr.contracts.common.AgeBand;
import org.opendsr.kit.messaging.DeadLetters;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.testkit.ApiClient;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.DsrTestEnvironment;
import org.opendsr.testkit.RealKafka;
import org.opendsr.testkit.TestTokens;
import org.opendsr.testkit.TopicReader;

/**
 * reporting-service as a consumer of referral-service's events and a publisher of disclosure-controlled counts:
 * {@code dsr.referral.received.v1} events published straight to {@code dsr.referral.events} on the real broker
 * become the monthly figures an analyst reads, each cell after NHS Digital disclosure control.
 *
 * <p>Every test publishes its events under one personId (so they reach the service in order) and into months no
 * other test uses, and ends with a marker event in a month of its own: once the marker is counted, everything
 * before it has been handled. The consumer group is shared with any other context of this JVM, so nothing here
 * depends on what happened before the test.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferralsReceivedReportTest implements TestPropertyProvider {

    private static final String REPORT = "/reports/referrals-received";

    @Inject
    EmbeddedServer server;

    private ApiClient api;
    private String analyst;
    private KafkaProducer<String, byte[]> producer;

    @Override
    public Map<String, String> getProperties() {
        return DsrTestEnvironment.forService("reporting");
    }

    @BeforeAll
    void connect() {
        api = new ApiClient(server.getURL().toString());
        analyst = TestTokens.get().tokenFor("chris.lee@bsw-icb.example", DsrRoles.ANALYST);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafka.get().bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    void disconnect() {
        producer.close();
    }

    // ---- the consumer's contract --------------------------------------------------------------------------------

    @Test
    void theGoldenSampleIsCountedInItsMonth() {
        JsonNode sample = ReferralReceivedEvents.goldenSample();
        String personId = sample.get("subject").asText();

        send(personId, ReferralReceivedEvents.goldenSampleBytes());

        // Received 2026-11-02T10:15:29Z: November 2026, Swindon, professional, 14 to 17.
        await().atMost(Duration.ofSeconds(60)).until(() -> "*".equals(report("2026-11", "2026-11").get("total").asText()));
        JsonNode report = report("2026-11", "2026-11");
        assertThat(cells(report, "byLocality")).containsEntry("SWINDON", "*");
        assertThat(cells(report, "byRoute")).containsEntry("PROFESSIONAL", "*");
        assertThat(cells(report, "byAgeBand")).containsEntry("AGE_14_TO_17", "*");
    }

    // ---- disclosure control on every published cell --------------------------------------------------------------

    @Test
    void oneReferralIsShownAsStarAndEightAsTen() {
        UUID person = UUID.randomUUID();
        List<ReferralReceivedEvents> events = new ArrayList<>();
        events.add(ReferralReceivedEvents.aReferralOf(person).receivedAt("2031-01-15T10:00:00Z")
                .inLocality("WILTSHIRE").byRoute("AGENCY_SYSTEM").aged(AgeBand.AGE_25_TO_34));
        for (int i = 0; i < 8; i++) {
            events.add(ReferralReceivedEvents.aReferralOf(person).receivedAt("2031-02-0" + (i + 1) + "T09:00:00Z")
                    .inLocality("SWINDON").byRoute("PROFESSIONAL").aged(AgeBand.AGE_14_TO_17));
        }

        publishAndAwait(person, events, YearMonth.of(2031, 12));

        JsonNode one = report("2031-01", "2031-01");
        assertThat(one.get("total").asText()).isEqualTo("*");
        assertThat(cells(one, "byLocality")).isEqualTo(Map.of("WILTSHIRE", "*"));
        assertThat(cells(one, "byRoute")).isEqualTo(Map.of("AGENCY_SYSTEM", "*"));
        assertThat(cells(one, "byAgeBand")).isEqualTo(Map.of("AGE_25_TO_34", "*"));

        JsonNode eight = report("2031-02", "2031-02");
        assertThat(eight.get("total").asText()).isEqualTo("10");
        assertThat(cells(eight, "byLocality")).isEqualTo(Map.of("SWINDON", "10"));
        assertThat(cells(eight, "byRoute")).isEqualTo(Map.of("PROFESSIONAL", "10"));
        assertThat(cells(eight, "byAgeBand")).isEqualTo(Map.of("AGE_14_TO_17", "10"));

        // The quarter (nothing in March): 9 in all, rounded; each breakdown cell on its own.
        JsonNode both = report("2031-01", "2031-03");
        assertThat(both.get("total").asText()).isEqualTo("10");
        assertThat(cells(both, "byLocality")).isEqualTo(Map.of("SWINDON", "10", "WILTSHIRE", "*"));
        assertThat(cells(both, "byRoute")).isEqualTo(Map.of("PROFESSIONAL", "10", "AGENCY_SYSTEM", "*"));
        assertThat(cells(both, "byAgeBand")).isEqualTo(Map.of("AGE_14_TO_17", "10", "AGE_25_TO_34", "*"));
        assertThat(both.get("disclosureControl").asText()).contains("1 to 7").contains("nearest 5");
    }

    @Test
    void largerCountsAreRoundedToTheNearestFive() {
        UUID person = UUID.randomUUID();
        List<ReferralReceivedEvents> events = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            events.add(ReferralReceivedEvents.aReferralOf(person).receivedAt("2035-03-10T12:00:00Z")
                    .inLocality(i < 9 ? "BATH_AND_NORTH_EAST_SOMERSET" : "SWINDON"));
        }

        publishAndAwait(person, events, YearMonth.of(2035, 11));

        JsonNode thirteen = report("2035-03", "2035-03");
        assertThat(thirteen.get("total").asText()).isEqualTo("15");
        assertThat(cells(thirteen, "byLocality")).isEqualTo(Map.of("BATH_AND_NORTH_EAST_SOMERSET", "10", "SWINDON", "*"));
    }

    @Test
    void aMonthWithoutReferralsShowsZeroAndNoCells() {
        JsonNode none = report("2039-06", "2039-06");

        assertThat(none.get("total").asText()).isEqualTo("0");
        assertThat(none.path("byLocality")).as("no cells (an empty list may be left out)").isEmpty();
        assertThat(none.path("byRoute")).isEmpty();
        assertThat(none.path("byAgeBand")).isEmpty();
    }

    @Test
    void aReferralBelongsToItsMonthInEngland() {
        UUID person = UUID.randomUUID();
        // 23:30 UTC on 31 March 2032 is 00:30 BST on 1 April; 23:30 UTC on 31 January 2032 is still January (GMT).
        List<ReferralReceivedEvents> events = List.of(
                ReferralReceivedEvents.aReferralOf(person).receivedAt("2032-03-31T23:30:00Z"),
                ReferralReceivedEvents.aReferralOf(person).receivedAt("2032-01-31T23:30:00Z"));

        publishAndAwait(person, events, YearMonth.of(2032, 12));

        assertThat(report("2032-03", "2032-03").get("total").asText()).isEqualTo("0");
        assertThat(report("2032-04", "2032-04").get("total").asText()).isEqualTo("*");
        assertThat(report("2032-01", "2032-01").get("total").asText()).isEqualTo("*");
        assertThat(report("2032-02", "2032-02").get("total").asText()).isEqualTo("0");
    }

    // ---- reliability: duplicates and poison records --------------------------------------------------------------

    @Test
    void theSameEventDeliveredTwiceCountsOnce() {
        UUID person = UUID.randomUUID();
        List<byte[]> records = new ArrayList<>();
        byte[] redelivered = ReferralReceivedEvents.aReferralOf(person).receivedAt("2033-01-20T10:00:00Z").toCloudEvent();
        records.add(redelivered);
        records.add(redelivered);
        for (int i = 0; i < 6; i++) {
            records.add(ReferralReceivedEvents.aReferralOf(person).receivedAt("2033-01-21T10:00:00Z").toCloudEvent());
        }
        records.add(ReferralReceivedEvents.aReferralOf(person).receivedAt("2033-12-01T10:00:00Z").toCloudEvent());

        records.forEach(record -> send(person.toString(), record));
        awaitCounted(YearMonth.of(2033, 12));

        // 7 referrals, 8 deliveries: counted twice it would be published as 10.
        assertThat(report("2033-01", "2033-01").get("total").asText()).isEqualTo("*");
    }

    @Test
    void anEventThatBreaksItsSchemaIsDeadLetteredWithItsReasonAndTheNextEventIsCounted() {
        UUID person = UUID.randomUUID();
        try (TopicReader deadLetters = TopicReader.fromBeginning(Topics.deadLetterTopicOf(Topics.REFERRAL_EVENTS))) {
            send(person.toString(), ReferralReceivedEvents.aReferralOf(person).receivedAt("2034-02-10T10:00:00Z")
                    .inLocality("not a locality code").toCloudEvent());
            send(person.toString(), ReferralReceivedEvents.aReferralOf(person).receivedAt("2034-01-10T10:00:00Z")
                    .toCloudEvent());

            ConsumerRecord<String, String> deadLetter = deadLetters.awaitRecord(record -> person.toString().equals(record.key()));

            assertThat(TopicReader.header(deadLetter, DeadLetters.REASON_CODE)).isEqualTo("SCHEMA_VIOLATION");
            assertThat(TopicReader.header(deadLetter, DeadLetters.REASON)).contains("locality");
            assertThat(TopicReader.header(deadLetter, DeadLetters.CONSUMER_GROUP)).isEqualTo("reporting-service");
            assertThat(TopicReader.header(deadLetter, DeadLetters.ORIGINAL_TOPIC)).isEqualTo(Topics.REFERRAL_EVENTS);
            assertThat(deadLetter.value()).contains("not a locality code");
        }
        awaitCounted(YearMonth.of(2034, 1));
        assertThat(report("2034-02", "2034-02").get("total").asText()).isEqualTo("0");
    }

    @Test
    void aRecordThatIsNotAnEventIsDeadLetteredAndTheNextEventIsCounted() {
        UUID person = UUID.randomUUID();
        try (TopicReader deadLetters = TopicReader.fromBeginning(Topics.deadLetterTopicOf(Topics.REFERRAL_EVENTS))) {
            send(person.toString(), "{\"referral\": \"not a cloud event".getBytes(StandardCharsets.UTF_8));
            send(person.toString(), ReferralReceivedEvents.aReferralOf(person).receivedAt("2034-05-10T10:00:00Z")
                    .toCloudEvent());

            ConsumerRecord<String, String> deadLetter = deadLetters.awaitRecord(record -> person.toString().equals(record.key()));

            assertThat(TopicReader.header(deadLetter, DeadLetters.REASON_CODE)).isEqualTo("NOT_A_CLOUD_EVENT");
        }
        awaitCounted(YearMonth.of(2034, 5));
    }

    // ---- who may read the report, and how to ask -----------------------------------------------------------------

    @Test
    void analystsAndTheDsrTeamMayReadIt() {
        for (String role : List.of(DsrRoles.ANALYST, DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD)) {
            assertThat(api.get(REPORT + "?from=2031-01&to=2031-03", TestTokens.get().tokenFor("reader-" + role, role))
                    .status()).as(role).isEqualTo(200);
        }
    }

    @Test
    void aProfessionalOrAnAgencySystemMayNot() {
        for (String role : List.of(DsrRoles.PROFESSIONAL, DsrRoles.AGENCY_SYSTEM)) {
            ApiResponse response = api.get(REPORT, TestTokens.get().tokenFor("not-an-analyst-" + role, role));

            assertThat(response.status()).as(role).isEqualTo(403);
            assertThat(response.contentType()).as(role).startsWith("application/problem+json");
        }
        assertThat(api.get(REPORT, null).status()).isEqualTo(401);
    }

    @Test
    void withoutAPeriodTheReportIsThisMonthInEngland() {
        String thisMonth = YearMonth.now(ZoneId.of("Europe/London")).toString();

        JsonNode report = api.get(REPORT, analyst).json();

        assertThat(report.get("from").asText()).isEqualTo(thisMonth);
        assertThat(report.get("to").asText()).isEqualTo(thisMonth);
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource({
            "from=2026-13,                 from",
            "from=2026-00,                 from",
            "to=March,                     to",
            "from=2026-1&to=2026-02,       from",
            "from=2027-01&to=2026-12,      from",
            "from=2020-01&to=2025-01,      to",
            // Overlapping windows could be differenced: only a calendar month or quarter is reported.
            "from=2031-01&to=2031-02,      to",
            "from=2031-02&to=2031-04,      from",
            "from=2020-01&to=2024-12,      to"})
    void aBadPeriodIsRefusedNamingTheField(String query, String field) {
        ApiResponse response = api.get(REPORT + "?" + query, analyst);

        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsText("field")).as(response.text()).containsExactly(field);
    }

    @Test
    void aCalendarQuarterIsReported() {
        ApiResponse response = api.get(REPORT + "?from=2031-10&to=2031-12", analyst);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("from").asText()).isEqualTo("2031-10");
        assertThat(response.json().get("to").asText()).isEqualTo("2031-12");
    }

    @Test
    void fromAloneIsThatMonth() {
        JsonNode report = api.get(REPORT + "?from=2031-02", analyst).json();

        assertThat(report.get("to").asText()).isEqualTo("2031-02");
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    /** Publishes the events in order under the person's key, then a marker in its own month, and waits for it. */
    private void publishAndAwait(UUID person, List<ReferralReceivedEvents> events, YearMonth markerMonth) {
        events.forEach(event -> send(person.toString(), event.toCloudEvent()));
        send(person.toString(), ReferralReceivedEvents.aReferralOf(person)
                .receivedAt(markerMonth.atDay(15).atTime(12, 0).toInstant(java.time.ZoneOffset.UTC)).toCloudEvent());
        awaitCounted(markerMonth);
    }

    /** Waits until a month that only one event of the test falls in shows that event. */
    private void awaitCounted(YearMonth month) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> "*".equals(report(month.toString(), month.toString()).get("total").asText()));
    }

    private JsonNode report(String from, String to) {
        ApiResponse response = api.get(REPORT + "?from=" + from + "&to=" + to, analyst);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    private static Map<String, String> cells(JsonNode report, String breakdown) {
        Map<String, String> cells = new LinkedHashMap<>();
        report.get(breakdown).forEach(cell -> cells.put(cell.get("category").asText(), cell.get("referrals").asText()));
        return cells;
    }

    private void send(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(Topics.REFERRAL_EVENTS, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not publish to " + Topics.REFERRAL_EVENTS, e);
        }
    }
}
