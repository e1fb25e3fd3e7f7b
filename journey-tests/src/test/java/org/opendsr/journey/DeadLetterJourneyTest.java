package org.opendsr.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opendsr.contracts.EventCatalogue;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.testkit.ApiClient;
import org.opendsr.testkit.ApiClient.ApiResponse;

/**
 * A dead letter replayed after its cause is fixed, through the gateway (issue 16): the demo agency sends an address
 * change about someone a professional referred, whose care it does not provide (yet), so referral-service refuses it
 * to the agency's dead-letter topic. A DSR lead finds it in referral-service's dead-letter office, listed without the
 * person's NHS number or address; once the DSR team records the agency as providing the person's care (the cause
 * fixed), the lead replays it: the address is changed, once, and the dead letter cannot be replayed again. Everyone but
 * a lead is refused the office.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(DsrJourney.class)
class DeadLetterJourneyTest {

    private static final String AGENCY = "wiltshire-council";
    private static final String OFFICE = "/api/dead-letters/referral-service";
    private static final String NHS_NUMBER = ThroughTheGateway.testNhsNumber("999880011");
    private static final LocalDate BORN = LocalDate.of(2005, 3, 14);
    private static final String NEW_LINE1 = "Flat 9, 3 Deadletter Row";
    private static final String NEW_POSTCODE = "SN3 4LT";

    private StartedDsr system;
    private ApiClient gateway;
    private KafkaProducer<String, byte[]> agencySystem;

    @BeforeAll
    void theStartedSystem(StartedDsr system) {
        this.system = system;
        this.gateway = system.gateway;
        this.agencySystem = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, system.dsr.kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    void closeTheAgencySystem() {
        if (agencySystem != null) {
            agencySystem.close();
        }
    }

    @Test
    void anAgencyUpdateRefusedUntilTheAgencyProvidesCareIsReplayedOnceByALead() {
        String professional = system.tokenFor("professional");
        String dsrTeam = system.tokenFor("dsr-team");
        String lead = system.tokenFor("dsr-lead");
        ApiResponse referred = gateway.post("/api/referrals", professional, Map.of(
                "givenName", "Morwenna", "familyName", "Deadletterjourney", "dateOfBirth", BORN.toString(),
                "nhsNumber", NHS_NUMBER, "postcode", "SN2 2DL", "locality", "SWINDON",
                "reasonForReferral", "Placement at risk of breaking down", "currentIssues", "Increasing distress",
                "indicativeRag", "AMBER", "diagnosis", "AUTISM"));
        assertThat(referred.status()).as(referred.text()).isEqualTo(201);
        String personId = referred.json().get("personId").asText();

        // The agency neither referred them nor provides their care: refused, to the agency's dead-letter topic.
        String eventId = sendAddressChange();
        JsonNode listed = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> listed(lead, eventId), found -> found != null);
        assertThat(listed.get("state").asText()).isEqualTo("WAITING");
        assertThat(listed.get("reasonCode").asText()).isEqualTo("REJECTED_BY_HANDLER");
        assertThat(listed.get("carriesPersonalData").asBoolean()).isTrue();
        assertThat(listed.toString()).doesNotContain(NHS_NUMBER).doesNotContain(NEW_POSTCODE)
                .doesNotContain(NEW_LINE1).doesNotContain(BORN.toString());
        String deadLetterId = listed.get("deadLetterId").asText();
        for (String refused : new String[] {professional, dsrTeam, system.tokenFor("analyst"),
                system.tokenFor("admin")}) {
            assertThat(gateway.get(OFFICE, refused).status()).isEqualTo(403);
            assertThat(gateway.post(OFFICE + "/" + deadLetterId + "/replay", refused, Map.of()).status())
                    .isEqualTo(403);
        }

        // The cause fixed: the Swindon DSR team records the agency as providing the person's care.
        ApiResponse provider = gateway.post("/api/people/" + personId + "/care-team/providing-agencies", dsrTeam,
                Map.of("agencyId", AGENCY));
        assertThat(provider.status()).as(provider.text()).isBetween(200, 201);

        // referral-service keeps the care team's projection in the same transaction as the change: the replay sees it.
        ApiResponse replayed = gateway.post(OFFICE + "/" + deadLetterId + "/replay", lead, Map.of());
        assertThat(replayed.status()).as(replayed.text()).isEqualTo(200);
        assertThat(replayed.json().get("outcome").asText()).as(replayed.text()).isEqualTo("APPLIED");
        assertThat(replayed.json().at("/deadLetter/state").asText()).isEqualTo("REPLAYED");
        JsonNode person = gateway.get("/api/people/" + personId, dsrTeam).json();
        assertThat(person.at("/address/line1").asText()).as(person.toString()).isEqualTo(NEW_LINE1);
        assertThat(person.at("/address/postcode").asText()).isEqualTo(NEW_POSTCODE);

        ApiResponse again = gateway.post(OFFICE + "/" + deadLetterId + "/replay", lead, Map.of());
        assertThat(again.status()).as(again.text()).isEqualTo(409);
        assertThat(again.json().get("type").asText()).isEqualTo("urn:dsr:problem:dead-letter-handled");
    }

    private JsonNode listed(String lead, String eventId) {
        ApiResponse page = gateway.get(OFFICE + "?state=WAITING&limit=200", lead);
        assertThat(page.status()).as(page.text()).isEqualTo(200);
        for (JsonNode item : page.json().path("items")) {
            if (eventId.equals(item.path("eventId").asText(null))) {
                return item;
            }
        }
        return null;
    }

    /** The demo agency's address change (its golden sample) about this person, on its own topic. */
    private String sendAddressChange() {
        String resource = EventCatalogue.of(EventTypes.AGENCY_ADDRESS_CHANGED_V2).sampleResource();
        try (InputStream in = DeadLetterJourneyTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            ObjectNode event = (ObjectNode) ApiClient.JSON.readTree(in);
            String eventId = UUID.randomUUID().toString();
            event.put("id", eventId);
            event.put("time", Instant.now().toString());
            event.put("source", "/agency/" + AGENCY);
            ObjectNode data = (ObjectNode) event.get("data");
            data.put("nhsNumber", NHS_NUMBER).put("dateOfBirth", BORN.toString())
                    .put("effectiveFrom", LocalDate.now(ThroughTheGateway.ENGLAND).toString());
            ((ObjectNode) data.get("address")).put("line1", NEW_LINE1).put("postcode", NEW_POSTCODE);
            agencySystem.send(new ProducerRecord<>(Topics.agencyInbound(AGENCY), NHS_NUMBER,
                    event.toString().getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
            return eventId;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new AssertionError("could not publish the agency's address change", e);
        }
    }
}
