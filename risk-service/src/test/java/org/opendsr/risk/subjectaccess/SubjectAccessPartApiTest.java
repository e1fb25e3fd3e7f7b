package org.opendsr.risk.subjectaccess;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.risk.support.RiskServiceUnderTest;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.events.ReferralEvents;

/**
 * risk-service's part of a subject access export (issue 16): ratings and their history, the updates posted, the
 * obligations and admission status, for a DSR lead only, without the professionals' user ids, audited as
 * SUBJECT_ACCESS_REQUEST (refusals too).
 */
@MicronautTest(transactional = false)
class SubjectAccessPartApiTest extends RiskServiceUnderTest {

    @Value("${datasources.default.url}")
    String databaseUrl;

    @Value("${datasources.default.username}")
    String databaseUser;

    @Value("${datasources.default.password}")
    String databasePassword;

    private static String pathOf(UUID personId) {
        return "/subject-access/risk-service/people/" + personId;
    }

    private UUID amberWithAnUpdate() {
        UUID personId = referrals.onRegister(RagRating.AMBER);
        api.awaitRating(personId, "AMBER");
        ApiResponse posted = api.http.post("/ratings/people/" + personId + "/updates", api.professional,
                Map.of("text", "Stable; placement holding."));
        assertThat(posted.status()).as(posted.text()).isEqualTo(201);
        return personId;
    }

    /** "actor action purpose outcome" of every audit entry about the person, oldest first. */
    private List<String> auditOf(UUID personId) {
        try (Connection connection = DriverManager.getConnection(databaseUrl, databaseUser, databasePassword);
             PreparedStatement select = connection.prepareStatement("SELECT actor, action, purpose, outcome"
                     + " FROM dsr_kit.audit_entry WHERE person_id = ? ORDER BY seq")) {
            select.setObject(1, personId);
            List<String> lines = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    lines.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3) + " "
                            + rows.getString(4));
                }
            }
            return lines;
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aLeadGetsTheRatingsUpdatesAndObligationsWithoutWhoRecordedThem() {
        UUID personId = amberWithAnUpdate();

        ApiResponse response = api.http.get(pathOf(personId), api.dsrLead);

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode sections = response.json().get("sections");
        assertThat(response.json().get("service").asText()).isEqualTo("risk-service");
        assertThat(sections.get("ratings").findValuesAsText("rating")).contains("AMBER");
        assertThat(sections.get("ratingAndAdmissionStatus").get(0).get("currentRating").asText()).isEqualTo("AMBER");
        assertThat(sections.get("updates").get(0).get("text").asText()).isEqualTo("Stable; placement holding.");
        for (String section : List.of("toolAssessments", "updateSchedule", "obligations")) {
            assertThat(sections.has(section)).as(section).isTrue();
        }
        assertThat(response.text()).doesNotContain(ReferralEvents.REFERRER);
        assertThat(sections.toString()).doesNotContain("postedBy", "decidedBy");
        assertThat(response.json().get("redacted").findValuesAsText("section")).contains("ratings", "updates");
        assertThat(auditOf(personId)).contains("dsr-lead-1 READ SUBJECT_ACCESS_REQUEST ALLOWED");
    }

    @Test
    void everyoneButALeadIsRefusedAndTheRefusalAudited() {
        UUID personId = amberWithAnUpdate();
        List<String> others = List.of(api.professional, api.anotherProfessional, api.dsrTeam, api.dsrTeamInWiltshire,
                api.analyst, api.agencySystem, api.admin);

        for (String token : others) {
            ApiResponse refused = api.http.get(pathOf(personId), token);
            assertThat(refused.status()).as(refused.text()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(api.http.get(pathOf(personId), null).status()).isEqualTo(401);
        assertThat(auditOf(personId).stream().filter(line -> line.contains("SUBJECT_ACCESS_REQUEST REFUSED")))
                .hasSize(others.size());
    }
}
