package org.opendsr.meeting.subjectaccess;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.meeting.shared.application.Meetings;
import org.opendsr.meeting.shared.domain.Meeting;
import org.opendsr.meeting.support.MeetingServiceUnderTest;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.events.ReferralEvents;

/**
 * meeting-service's part of a subject access export (issue 16): the meetings the person was discussed at, their
 * outcome, actions and recommendations, but nobody else's, and no professional's user id or meeting link; for a DSR
 * lead only, audited as SUBJECT_ACCESS_REQUEST (refusals too).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubjectAccessPartApiTest extends MeetingServiceUnderTest {

    private static final String LINK = "https://meet.example/dsr-subject-access";

    @Inject
    Meetings meetings;

    @Inject
    TransactionOperations<Connection> transactions;

    @Value("${datasources.default.url}")
    String databaseUrl;

    @Value("${datasources.default.username}")
    String databaseUser;

    @Value("${datasources.default.password}")
    String databasePassword;

    private static String pathOf(UUID personId) {
        return "/subject-access/meeting-service/people/" + personId;
    }

    private Meeting heldMeeting() {
        Instant startsAt = clock.instant().minus(Duration.ofHours(2));
        Meeting meeting = Meeting.tracking(UUID.randomUUID(), ReferralEvents.AREA, UUID.randomUUID(), startsAt,
                startsAt.plus(Duration.ofHours(1)), LINK).meeting();
        meeting.hold(startsAt.plus(Duration.ofHours(1)));
        transactions.executeWrite(status -> {
            meetings.save(meeting);
            return null;
        });
        return meeting;
    }

    private void recordOutcome(Meeting meeting, UUID personId, String summary) {
        Map<String, Object> body = new HashMap<>();
        body.put("personId", personId.toString());
        body.put("summary", summary);
        body.put("decisions", List.of("Keep under review"));
        body.put("agreedRating", "AMBER");
        body.put("ratingRationale", "Placement holding");
        body.put("discussedWithPersonAndFamily", true);
        body.put("actions", List.of(Map.of("description", "Arrange short breaks", "ownerAgency",
                "swindon-community-ld-team", "ownerSubject", ReferralEvents.REFERRER, "dueOn",
                LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/London")).plusDays(7).toString())));
        body.put("recommendations", List.of(Map.of("serviceType", "SHORT_BREAKS", "note", "Weekend breaks")));
        ApiResponse recorded = api.http.post("/meetings/" + meeting.id() + "/outcomes", api.dsrTeam, body);
        assertThat(recorded.status()).as(recorded.text()).isEqualTo(201);
    }

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
    void aLeadGetsTheMeetingsOutcomesActionsAndRecommendationsAboutThePersonOnly() {
        UUID personId = register.onRegister();
        UUID someoneElse = register.onRegister();
        Meeting meeting = heldMeeting();
        recordOutcome(meeting, personId, "Summary about the requester");
        recordOutcome(meeting, someoneElse, "Summary about someone else");

        ApiResponse response = api.http.get(pathOf(personId), api.dsrLead);

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode sections = response.json().get("sections");
        assertThat(sections.get("meetingsDiscussedAt").findValuesAsText("meetingId"))
                .containsExactly(meeting.id().toString());
        assertThat(sections.get("outcomes").findValuesAsText("summary")).containsExactly("Summary about the requester");
        assertThat(sections.get("actions").get(0).get("ownerAgency").asText()).isEqualTo("swindon-community-ld-team");
        assertThat(sections.get("recommendations").get(0).get("serviceType").asText()).isEqualTo("SHORT_BREAKS");
        assertThat(sections.has("exceptions")).isTrue();
        assertThat(sections.has("bookings")).isTrue();
        assertThat(response.text()).doesNotContain("someone else", someoneElse.toString(), ReferralEvents.REFERRER,
                LINK, "dsr-team-1");
        assertThat(auditOf(personId)).contains("dsr-lead-1 READ SUBJECT_ACCESS_REQUEST ALLOWED");
    }

    @Test
    void everyoneButALeadIsRefusedAndTheRefusalAudited() {
        UUID personId = register.onRegister();
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
