package org.opendsr.consent.support;

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

/** The consent API as the gateway calls it, with a token for each kind of user. */
public final class ConsentApi {

    public final ApiClient http;
    public final String professional = TestTokens.get().tokenFor("professional-1", DsrRoles.PROFESSIONAL);
    public final String anotherProfessional = TestTokens.get().tokenFor("professional-2", DsrRoles.PROFESSIONAL);
    public final String dsrTeam = TestTokens.get().tokenFor("dsr-team-1", DsrRoles.DSR_TEAM);
    /** A DSR team member who works in Wiltshire only, not in the area of the people ReferralEvents refers. */
    public final String dsrTeamInWiltshire = TestTokens.get().tokenFor("dsr-team-wiltshire", List.of(DsrRoles.DSR_TEAM),
            Map.of("areas", List.of("WILTSHIRE")), Duration.ofHours(1));
    public final String dsrLead = TestTokens.get().tokenFor("dsr-lead-1", DsrRoles.DSR_LEAD);
    public final String admin = TestTokens.get().tokenFor("admin-1", DsrRoles.ADMIN);
    public final String analyst = TestTokens.get().tokenFor("analyst-1", DsrRoles.ANALYST);
    public final String agencySystem = TestTokens.get().tokenFor("agency-1", DsrRoles.AGENCY_SYSTEM);

    public ConsentApi(String baseUrl) {
        this.http = new ApiClient(baseUrl);
    }

    /** Waits until the person's referral has reached consent-service. */
    public void awaitKnown(UUID personId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> http.get("/consents/people/" + personId, dsrTeam).status() == 200);
    }

    public ApiResponse record(Map<String, Object> request) {
        return http.post("/consents", professional, request);
    }

    /** Records and returns the consent, failing the test unless it was created. */
    public JsonNode recorded(Map<String, Object> request) {
        ApiResponse response = record(request);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json();
    }

    public ApiResponse withdraw(String consentId, Map<String, Object> request) {
        return http.post("/consents/" + consentId + "/withdrawal", professional, request);
    }

    public JsonNode history(UUID personId) {
        ApiResponse response = http.get("/consents/people/" + personId, dsrTeam);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    /** Runs the daily lifecycle now, as a DSR lead can. */
    public JsonNode runLifecycle() {
        ApiResponse response = http.post("/consents/lifecycle-runs", dsrLead, "");
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    /**
     * Moves this service's clock forward by whole calendar days in England through the test clock control
     * (ISO-8601, e.g. "P30D"), to the same time of day whatever clock change lies between.
     */
    public void advanceClockByDays(long days) {
        ApiResponse response = http.post("/testing/clock", null, Map.of("advanceBy", "P" + days + "D"));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
    }

    /** Moves the clock to the same time of day on a later day. */
    public void advanceClockTo(LocalDate day) {
        advanceClockByDays(today().until(day, java.time.temporal.ChronoUnit.DAYS));
    }

    /** Today in England, by this service's clock. */
    public LocalDate today() {
        ApiResponse response = http.get("/testing/clock", null);
        return LocalDate.ofInstant(Instant.parse(response.json().get("now").asText()), ZoneId.of("Europe/London"));
    }

    /** A worklist with the entries of every page (following next), as if it were one page. */
    public JsonNode worklist(String path) {
        String separator = path.contains("?") ? "&" : "?";
        ApiResponse response = http.get("/consents/worklists/" + path + separator + "limit=100", dsrTeam);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        com.fasterxml.jackson.databind.node.ObjectNode all = (com.fasterxml.jackson.databind.node.ObjectNode) response.json();
        com.fasterxml.jackson.databind.node.ArrayNode entries = (com.fasterxml.jackson.databind.node.ArrayNode) all.get("entries");
        JsonNode next = all.path("next");
        while (!next.isNull() && !next.isMissingNode()) {
            ApiResponse page = http.get("/consents/worklists/" + path + separator + "limit=100&after=" + next.asText(),
                    dsrTeam);
            assertThat(page.status()).as(page.text()).isEqualTo(200);
            entries.addAll((com.fasterxml.jackson.databind.node.ArrayNode) page.json().get("entries"));
            next = page.json().path("next");
        }
        all.putNull("next");
        return all;
    }
}
