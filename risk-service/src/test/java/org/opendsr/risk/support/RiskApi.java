package org.opendsr.risk.support;

import org.opendsr.testkit.events.ReferralEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.testkit.ApiClient;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.TestTokens;

/** The risk API as the gateway calls it, with a token for each kind of user. */
public final class RiskApi {

    public final ApiClient http;
    /** The referrer ReferralEvents puts in every care team. */
    public final String professional = TestTokens.get().tokenFor(ReferralEvents.REFERRER, DsrRoles.PROFESSIONAL);
    /** A professional outside the care teams of the people ReferralEvents refers. */
    public final String anotherProfessional = TestTokens.get().tokenFor("professional-2", DsrRoles.PROFESSIONAL);
    /** The DSR team of SWINDON (and the test environment's other areas), where ReferralEvents' people live. */
    public final String dsrTeam = TestTokens.get().tokenFor("dsr-team-1", DsrRoles.DSR_TEAM);
    /** A DSR team member who works in Wiltshire only, not in the area of the people ReferralEvents refers. */
    public final String dsrTeamInWiltshire = TestTokens.get().tokenFor("dsr-team-wiltshire",
            List.of(DsrRoles.DSR_TEAM), Map.of("areas", List.of("WILTSHIRE")), Duration.ofHours(1));
    public final String dsrLead = TestTokens.get().tokenFor("dsr-lead-1", DsrRoles.DSR_LEAD);
    public final String admin = TestTokens.get().tokenFor("admin-1", DsrRoles.ADMIN);
    public final String analyst = TestTokens.get().tokenFor("analyst-1", DsrRoles.ANALYST);
    public final String agencySystem = TestTokens.get().tokenFor("agency-1", DsrRoles.AGENCY_SYSTEM);

    public RiskApi(String baseUrl) {
        this.http = new ApiClient(baseUrl);
    }

    /** Waits until the person is on the register in risk-service (and, if indicative, rated). */
    public void awaitOnRegister(UUID personId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            ApiResponse response = http.get("/ratings/people/" + personId, dsrLead);
            return response.status() == 200 && response.json().get("onRegister").asBoolean();
        });
    }

    /** Waits until a referral of the person has reached risk-service. */
    public void awaitKnown(UUID personId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> http.get("/ratings/people/" + personId, dsrLead).status() == 200);
    }

    /** Waits until the person's current rating is this one. */
    public JsonNode awaitRating(UUID personId, String rating) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            ApiResponse response = http.get("/ratings/people/" + personId, dsrLead);
            return response.status() == 200 && rating.equals(response.json().path("current").path("rating").asText());
        });
        return ratingOf(personId);
    }

    public JsonNode ratingOf(UUID personId) {
        ApiResponse response = http.get("/ratings/people/" + personId, dsrLead);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    public ApiResponse rate(UUID personId, String token, Map<String, Object> decision) {
        return http.post("/ratings/people/" + personId, token, decision);
    }

    /** A decision with a rationale, discussed with the person and family. */
    public static Map<String, Object> decision(String rating) {
        return Map.of("rating", rating, "rationale", "Discussed at the tracking meeting", "discussedWithPersonAndFamily",
                true);
    }

    /** Marks overdue updates and obligations now, as a lead can. */
    public JsonNode sweep() {
        ApiResponse response = http.post("/ratings/sweeps", dsrLead, "");
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    /** Moves this service's clock forward by whole calendar days in England through the test clock control. */
    public void advanceClockByDays(long days) {
        ApiResponse response = http.post("/testing/clock", null, Map.of("advanceBy", "P" + days + "D"));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
    }

    /** Today in England, by this service's clock. */
    public LocalDate today() {
        ApiResponse response = http.get("/testing/clock", null);
        return LocalDate.ofInstant(Instant.parse(response.json().get("now").asText()), ZoneId.of("Europe/London"));
    }
}
