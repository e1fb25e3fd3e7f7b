package org.opendsr.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.opendsr.contracts.EventCatalogue;
import org.opendsr.contracts.EventSchemas;
import org.opendsr.testkit.ApiClient;
import org.opendsr.testkit.ApiClient.ApiResponse;

/**
 * What several journeys do the same way through the gateway: a person referred, contacted, consented and accepted
 * onto the register as the DSR does it; test NHS numbers; a published event checked against its contract.
 */
final class ThroughTheGateway {

    static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    static final Map<String, Object> ALL_CRITERIA_MET = Map.of("criteria", Map.of(
            "learningDisabilityOrAutism", true,
            "atRiskOfAdmissionOrPlacementBreakdown", true,
            "livesInIcbArea", true));

    private ThroughTheGateway() {
    }

    /**
     * The referral (made by {@code professional}), first contact and acceptance by {@code dsrTeam}, consent recorded by
     * the referrer once consent-service knows the person, acceptance once referral-service knows consent is active.
     *
     * @return the person's id
     */
    static String acceptedOntoTheRegister(ApiClient gateway, String professional, String dsrTeam,
                                          Map<String, Object> referral) {
        return acceptedOntoTheRegister(gateway, professional, dsrTeam, referral, LocalDate.now(ENGLAND));
    }

    /**
     * As above, with consent given on {@code consentGivenOn}: consent-service's today, for a journey that runs after
     * another has moved consent-service's clock (a consent given on the calendar's today would be overdue there).
     */
    static String acceptedOntoTheRegister(ApiClient gateway, String professional, String dsrTeam,
                                          Map<String, Object> referral, LocalDate consentGivenOn) {
        ApiResponse created = gateway.post("/api/referrals", professional, referral);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String personId = created.json().get("personId").asText();
        String referralId = created.json().get("referralId").asText();

        ApiResponse contacted = gateway.post("/api/referrals/" + referralId + "/contact", dsrTeam, Map.of());
        assertThat(contacted.status()).as(contacted.text()).isBetween(200, 204);

        // consent-service learns of the person, and of the referrer's place in their care team, from events.
        Map<String, Object> consent = Map.of("personId", personId, "basis", "INFORMED_CONSENT", "givenBy",
                "THE_PERSON", "givenOn", consentGivenOn.toString(), "explainedWith", "EASY_READ",
                "formKeptAt", "Scanned to the community learning disability team record");
        ApiResponse[] recorded = new ApiResponse[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            recorded[0] = gateway.post("/api/consents", professional, consent);
            return recorded[0].status() != 404;
        });
        assertThat(recorded[0].status()).as(recorded[0].text()).isEqualTo(201);

        // referral-service learns that consent is active from consent-service's event.
        ApiResponse[] accepted = new ApiResponse[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            accepted[0] = gateway.post("/api/referrals/" + referralId + "/acceptance", dsrTeam, ALL_CRITERIA_MET);
            return accepted[0].status() != 409;
        });
        assertThat(accepted[0].status()).as(accepted[0].text()).isBetween(200, 201);
        return personId;
    }

    /** The record is a CloudEvent whose envelope and data match the published contract of its type. */
    static JsonNode assertValid(ConsumerRecord<String, String> record) {
        JsonNode cloudEvent = json(record.value());
        String type = cloudEvent.get("type").asText();
        assertThat(EventSchemas.envelopeProblems(cloudEvent)).as(type).isEmpty();
        assertThat(EventSchemas.dataProblems(EventCatalogue.of(type), cloudEvent.get("data"))).as(type).isEmpty();
        return cloudEvent;
    }

    static JsonNode json(String text) {
        try {
            return ApiClient.JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + e.getMessage());
        }
    }

    /** Nine digits and the modulus 11 check digit (999 numbers are never issued to anyone). */
    static String testNhsNumber(String nine) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nine.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 10) {
            throw new IllegalArgumentException(nine + " has no valid check digit");
        }
        return nine + (check == 11 ? 0 : check);
    }
}
