package org.opendsr.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendsr.referral.ApiProblems.assertProblem;
import static org.opendsr.referral.ApiProblems.assertProblemNaming;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.TestTokens;

/**
 * How a person wants to be contacted, on their record: recorded by whoever may change the record, refused naming the
 * field for a bad value, shown in the record, and audited as a change.
 */
@MicronautTest(transactional = false)
class CommunicationPreferencesApiTest extends ReferralServiceUnderTest {

    private static final String REFERRER = "sam.patel@swindon-cldt.example";

    private String referrer;

    @BeforeAll
    void signIn() {
        referrer = TestTokens.get().tokenFor(REFERRER, DsrRoles.PROFESSIONAL);
    }

    /** Referred, and contacted by the DSR team: from then on the referrer is in the person's care team. */
    private String referSomeone() {
        JsonNode receipt = journeys.refer(referrer, ReferralRequests.aReferralOfSomeoneNew());
        journeys.contact(receipt.get("referralId").asText());
        return receipt.get("personId").asText();
    }

    private ApiResponse replace(String personId, String token, Map<String, Object> preferences) {
        return api.put("/people/" + personId + "/communication-preferences", token, preferences);
    }

    private static Map<String, Object> preferences(Object... pairs) {
        Map<String, Object> body = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    @Test
    void nothingRecordedIsNoChannelStandardFormatAndNotAskedToBeLeftAlone() {
        JsonNode shown = journeys.person(referSomeone()).get("communicationPreferences");

        assertThat(shown.get("preferredChannel").isNull()).isTrue();
        assertThat(shown.get("accessibleFormat").asText()).isEqualTo("STANDARD");
        assertThat(shown.get("language").isNull()).isTrue();
        assertThat(shown.get("askedNotToBeContacted").asBoolean()).isFalse();
        assertThat(shown.get("askedNotToBeContactedOn").isNull()).isTrue();
    }

    @Test
    void theCareTeamRecordsThemAndTheRecordShowsThem() {
        String personId = referSomeone();
        String askedOn = LocalDate.now().minusDays(3).toString();

        ApiResponse recorded = replace(personId, referrer, preferences("preferredChannel", "LETTER",
                "accessibleFormat", "OTHER_LANGUAGE", "language", "PL", "askedNotToBeContactedOn", askedOn));

        assertThat(recorded.status()).as(recorded.text()).isEqualTo(204);
        JsonNode shown = api.get("/people/" + personId, referrer).json().get("communicationPreferences");
        assertThat(shown.get("preferredChannel").asText()).isEqualTo("LETTER");
        assertThat(shown.get("accessibleFormat").asText()).isEqualTo("OTHER_LANGUAGE");
        assertThat(shown.get("language").asText()).isEqualTo("pl");
        assertThat(shown.get("askedNotToBeContacted").asBoolean()).isTrue();
        assertThat(shown.get("askedNotToBeContactedOn").asText()).isEqualTo(askedOn);

        assertThat(replace(personId, journeys.dsrTeam(), preferences("accessibleFormat", "EASY_READ")).status())
                .isEqualTo(204);
        shown = journeys.person(personId).get("communicationPreferences");
        assertThat(shown.get("preferredChannel").isNull()).as("replaced as a whole").isTrue();
        assertThat(shown.get("accessibleFormat").asText()).isEqualTo("EASY_READ");
        assertThat(shown.get("language").isNull()).isTrue();
        assertThat(shown.get("askedNotToBeContacted").asBoolean()).isFalse();
        assertThat(replace(personId, journeys.dsrLead(), preferences("accessibleFormat", "LARGE_PRINT")).status())
                .isEqualTo(204);
    }

    @Test
    void aChangeIsOnTheAuditTrailWithTheValuesItReplaced() {
        String personId = referSomeone();
        replace(personId, referrer, preferences("accessibleFormat", "EASY_READ"));

        JsonNode trail = api.get("/people/" + personId + "/audit", journeys.dsrLead()).json();

        List<String> entries = new ArrayList<>();
        trail.get("items").forEach(entry -> entries.add(entry.get("actor").asText() + " " + entry.get("action").asText()
                + " " + entry.get("what").asText() + " " + entry.get("purpose").asText()));
        assertThat(entries).contains(REFERRER + " CHANGED communication preferences DIRECT_CARE");
        JsonNode change = null;
        for (JsonNode entry : trail.get("items")) {
            if ("communication preferences".equals(entry.get("what").asText())) {
                change = entry;
            }
        }
        assertThat(change.toString()).contains("STANDARD").contains("EASY_READ");
    }

    @Test
    void aBadValueIsRefusedNamingTheFieldAndChangesNothing() {
        String personId = referSomeone();
        String tomorrow = LocalDate.now().plusDays(1).toString();
        Map<Map<String, Object>, String> bad = Map.of(
                preferences("preferredChannel", "PIGEON"), "preferredChannel",
                preferences("accessibleFormat", "BRAILLE"), "accessibleFormat",
                preferences("accessibleFormat", "OTHER_LANGUAGE"), "language",
                preferences("accessibleFormat", "OTHER_LANGUAGE", "language", "xx"), "language",
                preferences("accessibleFormat", "OTHER_LANGUAGE", "language", "en"), "language",
                preferences("accessibleFormat", "OTHER_LANGUAGE", "language", "pol"), "language",
                preferences("accessibleFormat", "EASY_READ", "language", "pl"), "language",
                preferences("language", "pl"), "language",
                preferences("askedNotToBeContactedOn", tomorrow), "askedNotToBeContactedOn",
                preferences("askedNotToBeContactedOn", "last Tuesday"), ApiProblems.UNREADABLE + "askedNotToBeContactedOn");
        Map<String, Long> before = database.rowCounts();

        bad.forEach((body, field) -> assertProblemNaming(replace(personId, referrer, body), field));

        assertThat(database.rowCounts()).isEqualTo(before);
    }

    @Test
    void onlyThoseWhoMayChangeTheRecordMayRecordThem() {
        String personId = referSomeone();
        String outsider = TestTokens.get().tokenFor("alex.other@bath.example", DsrRoles.PROFESSIONAL);
        String wiltshireTeam = TestTokens.get().tokenFor("prefs.wiltshire.team@bsw-icb.example",
                List.of(DsrRoles.DSR_TEAM), Map.of("areas", List.of("WILTSHIRE")), Duration.ofHours(1));
        Map<String, Object> easyRead = preferences("accessibleFormat", "EASY_READ");

        assertProblem(replace(personId, outsider, easyRead), 404, "urn:dsr:problem:not-found");
        assertProblem(replace(personId, wiltshireTeam, easyRead), 404, "urn:dsr:problem:not-found");
        for (String role : List.of(DsrRoles.ANALYST, DsrRoles.AGENCY_SYSTEM, DsrRoles.ADMIN)) {
            String token = TestTokens.get().tokenFor("someone-" + role, role);
            assertThat(replace(personId, token, easyRead).status()).as(role).isEqualTo(403);
        }
        assertThat(replace(personId, null, easyRead).status()).isEqualTo(401);
        assertProblem(replace(java.util.UUID.randomUUID().toString(), journeys.dsrTeam(), easyRead), 404,
                "urn:dsr:problem:not-found");
        assertThat(journeys.person(personId).at("/communicationPreferences/accessibleFormat").asText())
                .isEqualTo("STANDARD");
    }
}
