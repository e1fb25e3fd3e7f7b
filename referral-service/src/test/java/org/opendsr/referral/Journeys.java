package org.opendsr.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.opendsr.contracts.EventTypes;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.testkit.ApiClient;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.TestTokens;

/** The steps a DSR journey is made of, through referral-service's API and consent-service's events. */
public final class Journeys {

    public static final String DSR_TEAM_MEMBER = "alex.morgan@bsw-icb.example";
    public static final String DSR_LEAD = "sam.okafor@bsw-icb.example";

    public static final Map<String, Object> ALL_CRITERIA_MET = Map.of("learningDisabilityOrAutism", true,
            "atRiskOfAdmissionOrPlacementBreakdown", true, "livesInIcbArea", true);

    private final ApiClient api;
    private final EventsOnTopics events;
    private final String dsrTeam = TestTokens.get().tokenFor(DSR_TEAM_MEMBER, DsrRoles.DSR_TEAM);
    private final String dsrLead = TestTokens.get().tokenFor(DSR_LEAD, DsrRoles.DSR_LEAD);

    public Journeys(ApiClient api, EventsOnTopics events) {
        this.api = api;
        this.events = events;
    }

    public String dsrTeam() {
        return dsrTeam;
    }

    /** A DSR lead: the only role that reads the audit trail. */
    public String dsrLead() {
        return dsrLead;
    }

    /** A referral received: its receipt. */
    public JsonNode refer(String referrer, ReferralRequests referral) {
        ApiResponse response = api.post("/referrals", referrer, referral.body());
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json();
    }

    public JsonNode contact(String referralId) {
        ApiResponse response = api.post("/referrals/" + referralId + "/contact", dsrTeam, Map.of());
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    /** consent-service records consent with the status and referral-service has taken it in. */
    public String recordConsent(String personId, String status) {
        String consentId = UUID.randomUUID().toString();
        events.publishConsentEvent(EventsOnTopics.goldenSample(EventTypes.CONSENT_RECORDED_V1, data -> {
            data.put("consentId", consentId);
            data.put("status", status);
        }), personId);
        awaitConsent(personId, status);
        return consentId;
    }

    public void awaitConsent(String personId, String status) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> status.equals(person(personId).path("consent").asText()));
    }

    public ApiResponse accept(String referralId, Map<String, Object> body) {
        return api.post("/referrals/" + referralId + "/acceptance", dsrTeam, body);
    }

    /** A professional refers someone new, the DSR team contacts them, consent is recorded and they are accepted. */
    public OnRegister putOnRegister(String referrer, ReferralRequests referral) {
        JsonNode receipt = refer(referrer, referral);
        String referralId = receipt.get("referralId").asText();
        String personId = receipt.get("personId").asText();
        contact(referralId);
        recordConsent(personId, "ACTIVE");
        ApiResponse accepted = accept(referralId, Map.of("criteria", ALL_CRITERIA_MET));
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
        return new OnRegister(personId, referralId, accepted.json().get("registerEntryId").asText());
    }

    public JsonNode person(String personId) {
        ApiResponse response = api.get("/people/" + personId, dsrTeam);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    /** Someone on the register. */
    public record OnRegister(String personId, String referralId, String registerEntryId) {
    }
}
