package org.opendsr.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.contracts.EventCatalogue;
import org.opendsr.contracts.EventContract;
import org.opendsr.contracts.EventSchemas;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.kit.messaging.CloudEventCodec;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.testkit.ApiClient;
import org.opendsr.testkit.TestTokens;
import org.opendsr.testkit.TopicReader;

/**
 * Producer contract of {@code dsr.referral.received.v1}: a referral made through the API is published on
 * {@code dsr.referral.events}, keyed by the personId, as a CloudEvent that validates against the published
 * schemas, shaped like the golden sample, and without a single item of the person's identifying data.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferralReceivedEventContractTest extends ReferralServiceUnderTest {

    private static final String GOLDEN_SAMPLE = "dsr/samples/dsr.referral.received.v1.json";

    private String referrer;
    private TopicReader topic;

    @BeforeAll
    void signIn() {
        referrer = TestTokens.get().tokenFor("contract.referrer@example.nhs", DsrRoles.PROFESSIONAL);
        topic = TopicReader.fromBeginning(Topics.REFERRAL_EVENTS);
    }

    @AfterAll
    void tidyUp() {
        topic.close();
    }

    @Test
    void aReferralIsPublishedAsAValidReferralReceivedEventKeyedByThePerson() {
        String correlationId = "contract-" + java.util.UUID.randomUUID();
        JsonNode receipt = api.post("/referrals", referrer, ReferralRequests.aReferral()
                        .with("dateOfBirth", LocalDate.now().minusYears(15).minusDays(3).toString())
                        .with("locality", "WILTSHIRE")
                        .with("indicativeRag", "RED").body(),
                Map.of("X-Correlation-Id", correlationId)).json();
        String personId = receipt.get("personId").asText();

        ConsumerRecord<String, String> record = topic.awaitRecord(r -> personId.equals(r.key()) && isReferralReceived(r));

        assertThat(TopicReader.header(record, "content-type")).isEqualTo(CloudEventCodec.CONTENT_TYPE);
        // The kit's reader checks the envelope and the data against the published schemas, and throws if either is off.
        CloudEventCodec.ReceivedCloudEvent event = CloudEventCodec.read(record.value().getBytes(StandardCharsets.UTF_8));
        assertThat(event.type()).isEqualTo(EventTypes.REFERRAL_RECEIVED_V1);
        assertThat(event.source()).isEqualTo("/dsr/referral-service");
        assertThat(event.subject()).isEqualTo(personId);
        assertThat(event.correlationId()).isEqualTo(correlationId);
        assertThat(event.time()).isNotNull();

        JsonNode cloudEvent = json(record.value());
        EventContract contract = EventCatalogue.of(EventTypes.REFERRAL_RECEIVED_V1);
        assertThat(contract.topic()).isEqualTo(Topics.REFERRAL_EVENTS);
        assertThat(EventSchemas.envelopeProblems(cloudEvent)).isEmpty();
        assertThat(EventSchemas.dataProblems(contract, cloudEvent.get("data"))).isEmpty();
        assertThat(cloudEvent.get("dataschema").asText()).isEqualTo(contract.dataSchema().toString());

        JsonNode data = cloudEvent.get("data");
        assertThat(data.get("referralId").asText()).isEqualTo(receipt.get("referralId").asText());
        assertThat(data.get("personId").asText()).isEqualTo(personId);
        assertThat(data.get("route").asText()).isEqualTo("PROFESSIONAL");
        assertThat(data.get("locality").asText()).isEqualTo("WILTSHIRE");
        assertThat(data.get("ageBand").asText()).isEqualTo("AGE_14_TO_17");
        assertThat(data.get("lifeStage").asText()).isEqualTo("CHILD");
        assertThat(data.get("under16").asBoolean()).as("15: the Mental Capacity Act does not apply yet").isTrue();
        assertThat(data.get("indicativeRag").asText()).isEqualTo("RED");
        assertThat(Instant.parse(data.get("receivedAt").asText()))
                .isEqualTo(Instant.parse(receipt.get("receivedAt").asText()));
    }

    @Test
    void itsDataHasThePropertiesOfTheGoldenSample() throws IOException {
        JsonNode receipt = api.post("/referrals", referrer, ReferralRequests.aReferral().body()).json();
        String personId = receipt.get("personId").asText();

        JsonNode published = json(topic.awaitRecord(r -> personId.equals(r.key()) && isReferralReceived(r)).value());
        JsonNode sample = goldenSample();

        // The CloudEvents distributed-tracing extension (traceparent, tracestate) rides along when the request was
        // traced; it is part of the envelope schema, not of this event's contract.
        assertThat(propertyNames(published)).filteredOn(name -> !TRACING_EXTENSION.contains(name))
                .containsExactlyInAnyOrderElementsOf(propertyNames(sample));
        // Optional properties (e.g. diagnosis, when not known) may be left out; nothing outside the sample appears.
        assertThat(propertyNames(sample.get("data"))).containsAll(propertyNames(published.get("data")));
        assertThat(propertyNames(published.get("data"))).contains("referralId", "personId", "route", "locality",
                "ageBand", "lifeStage", "receivedAt");
    }

    @Test
    void theEventCarriesNoneOfThePersonsIdentifyingData() {
        String nhsNumber = TestNhsNumbers.next();
        String dateOfBirth = LocalDate.now().minusYears(30).minusDays(11).toString();
        ReferralRequests referral = ReferralRequests.aReferral()
                .with("givenName", "Hermione-Clementine")
                .with("familyName", "Featherstonehaugh")
                .with("dateOfBirth", dateOfBirth)
                .with("nhsNumber", TestNhsNumbers.formatted(nhsNumber))
                .with("postcode", "sn25 4dq");
        JsonNode receipt = api.post("/referrals", referrer, referral.body()).json();
        String personId = receipt.get("personId").asText();

        ConsumerRecord<String, String> record = topic.awaitRecord(r -> personId.equals(r.key()) && isReferralReceived(r));

        assertThat(record.key()).isEqualTo(personId);
        List<String> everythingPublished = new ArrayList<>();
        everythingPublished.add(record.value());
        for (Header header : record.headers()) {
            everythingPublished.add(header.key() + "=" + new String(header.value(), StandardCharsets.UTF_8));
        }
        String[] identifying = {"Hermione", "Clementine", "Featherstonehaugh", nhsNumber,
                TestNhsNumbers.formatted(nhsNumber), dateOfBirth, "SN25 4DQ", "SN254DQ", "sn25 4dq", "SN25"};
        for (String published : everythingPublished) {
            for (String value : identifying) {
                assertThat(published.toLowerCase()).as("published record").doesNotContain(value.toLowerCase());
            }
        }
        // What is there instead: an age band and a locality.
        JsonNode data = json(record.value()).get("data");
        assertThat(data.get("ageBand").asText()).isEqualTo("AGE_25_TO_34");
        assertThat(data.get("lifeStage").asText()).isEqualTo("ADULT");
        assertThat(data.get("locality").asText()).isEqualTo("SWINDON");
    }

    private static JsonNode goldenSample() throws IOException {
        try (InputStream in = ReferralReceivedEventContractTest.class.getClassLoader().getResourceAsStream(GOLDEN_SAMPLE)) {
            assertThat(in).as(GOLDEN_SAMPLE).isNotNull();
            return ApiClient.JSON.readTree(in);
        }
    }

    private static final List<String> TRACING_EXTENSION = List.of("traceparent", "tracestate");

    private static List<String> propertyNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode json(String text) {
        try {
            return ApiClient.JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + e.getMessage());
        }
    }

    /** The person's care team is announced beside the referral (issue 11); this test is about the referral. */
    private static boolean isReferralReceived(ConsumerRecord<String, String> record) {
        return record.value().contains("\"type\":\"" + EventTypes.REFERRAL_RECEIVED_V1 + "\"");
    }
}
