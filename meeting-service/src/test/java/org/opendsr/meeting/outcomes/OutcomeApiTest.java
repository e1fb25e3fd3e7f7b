package org.opendsr.meeting.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.access.CareTeamRole;
import org.opendsr.kit.calendar.WorkingDayCalendars;
import org.opendsr.meeting.shared.application.Meetings;
import org.opendsr.meeting.shared.application.OverdueActions;
import org.opendsr.meeting.shared.domain.Meeting;
import org.opendsr.meeting.support.MeetingServiceUnderTest;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.events.ReferralEvents;

/**
 * Outcomes through the API on a real database and broker: recorded by the DSR team of the person's area or a lead for
 * a held meeting, once per person; every event in the outbox with ids, codes and dates only; read by the care team;
 * actions done by the DSR team or their owner; recommendations marked once; the worklists; the overdue sweep once.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutcomeApiTest extends MeetingServiceUnderTest {

    private static final String SUMMARY = "Summary-words-that-never-leave-meeting-service";
    private static final String RATIONALE = "Rationale-words-that-never-leave-meeting-service";
    private static final String ACTION = "Action-words-that-never-leave-meeting-service";
    private static final String NOTE = "Note-words-that-never-leave-meeting-service";
    private static final String DECISION = "Decision-words-that-never-leave-meeting-service";

    @Inject
    Meetings meetings;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    WorkingDayCalendars calendars;

    @Inject
    OverdueActions overdueActions;

    @Value("${datasources.default.url}")
    String databaseUrl;

    @Value("${datasources.default.username}")
    String databaseUser;

    @Value("${datasources.default.password}")
    String databasePassword;

    // --- fixtures ---

    /** A tracking meeting of the area that started two hours ago and was held. */
    private Meeting heldMeeting(String area) {
        Instant startsAt = clock.instant().minus(Duration.ofHours(2));
        Meeting meeting = Meeting.tracking(UUID.randomUUID(), area, UUID.randomUUID(), startsAt,
                startsAt.plus(Duration.ofHours(1)), "https://meet.example/dsr").meeting();
        meeting.hold(startsAt.plus(Duration.ofHours(1)));
        transactions.executeWrite(status -> {
            meetings.save(meeting);
            return null;
        });
        return meeting;
    }

    private Meeting scheduledMeeting() {
        Instant startsAt = clock.instant().plus(Duration.ofDays(2));
        Meeting meeting = Meeting.tracking(UUID.randomUUID(), ReferralEvents.AREA, UUID.randomUUID(), startsAt,
                startsAt.plus(Duration.ofHours(1)), null).meeting();
        transactions.executeWrite(status -> {
            meetings.save(meeting);
            return null;
        });
        return meeting;
    }

    /** Today in England, by the service's (movable) clock. */
    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Europe/London"));
    }

    private Map<String, Object> outcome(UUID personId, LocalDate actionDue) {
        Map<String, Object> body = new HashMap<>();
        body.put("personId", personId.toString());
        body.put("summary", SUMMARY);
        body.put("decisions", List.of(DECISION));
        body.put("agreedRating", "AMBER");
        body.put("ratingRationale", RATIONALE);
        body.put("discussedWithPersonAndFamily", false);
        body.put("actions", List.of(Map.of("description", ACTION, "ownerAgency", "swindon-community-ld-team",
                "ownerSubject", ReferralEvents.REFERRER, "dueOn", actionDue.toString())));
        body.put("recommendations", List.of(Map.of("serviceType", "SHORT_BREAKS", "note", NOTE)));
        return body;
    }

    private ApiResponse record(Meeting meeting, String token, Map<String, Object> body) {
        return api.http.post("/meetings/" + meeting.id() + "/outcomes", token, body);
    }

    private JsonNode recorded(Meeting meeting, UUID personId) {
        ApiResponse response = record(meeting, api.dsrTeam, outcome(personId, today().plusDays(7)));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json();
    }

    private List<String> outboxPayloads(UUID personId) {
        List<String> payloads = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(databaseUrl, databaseUser, databasePassword);
             PreparedStatement query = connection.prepareStatement(
                     "SELECT type || ' ' || payload::text FROM dsr_kit.outbox_event WHERE aggregateid = ? "
                             + "ORDER BY position")) {
            query.setString(1, personId.toString());
            try (ResultSet found = query.executeQuery()) {
                while (found.next()) {
                    payloads.add(found.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return payloads;
    }

    private static List<String> types(List<String> payloads) {
        return payloads.stream().map(payload -> payload.substring(0, payload.indexOf(' '))).toList();
    }

    private void assertProblem(ApiResponse response, int status, String field) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        if (field != null) {
            assertThat(response.json().get("errors").findValuesAsText("field")).as(response.text()).contains(field);
        }
    }

    // --- recording ---

    @Test
    void theDsrTeamRecordsAnOutcomeAndItsEventsCarryNoneOfTheMeetingsWords() {
        UUID personId = register.onRegister();
        Meeting meeting = heldMeeting(ReferralEvents.AREA);

        JsonNode outcome = recorded(meeting, personId);

        assertThat(outcome.get("summary").asText()).isEqualTo(SUMMARY);
        assertThat(outcome.get("agreedRating").get("rating").asText()).isEqualTo("AMBER");
        assertThat(outcome.get("feedbackDueOn").asText()).isEqualTo(
                calendars.current().workingDaysAfter(meeting.day(), 2).toString());
        assertThat(outcome.get("actions").get(0).get("status").asText()).isEqualTo("OPEN");
        assertThat(outcome.get("recommendations").get(0).get("serviceLabel").asText()).isEqualTo("Short breaks");

        List<String> payloads = outboxPayloads(personId);
        assertThat(types(payloads)).containsExactly(EventTypes.MEETING_OUTCOME_RECORDED_V1,
                EventTypes.MEETING_RATING_AGREED_V1, EventTypes.MEETING_ACTION_DUE_V1,
                EventTypes.MEETING_RECOMMENDATION_MADE_V1, EventTypes.MEETING_FEEDBACK_DUE_V1);
        // The meeting's day, on which risk-service completes the multi-agency review the meeting was.
        assertThat(payloads.get(0)).contains("\"heldOn\": \"" + meeting.day() + "\"");
        assertThat(payloads.get(1)).contains("\"recordedBy\": \"dsr-team-1\"").contains("\"rating\": \"AMBER\"");
        assertThat(String.join("\n", payloads)).doesNotContain(SUMMARY, RATIONALE, ACTION, NOTE, DECISION);
    }

    @Test
    void oneOutcomePerPersonPerMeetingAndOnlyForAHeldMeeting() {
        UUID personId = register.onRegister();
        Meeting meeting = heldMeeting(ReferralEvents.AREA);
        recorded(meeting, personId);

        assertProblem(record(meeting, api.dsrLead, outcome(personId, today())), 409, "personId");
        assertProblem(record(scheduledMeeting(), api.dsrTeam, outcome(personId, today())), 409, null);
        assertProblem(record(heldMeeting("WILTSHIRE"), api.dsrLead, outcome(personId, today())), 409, "personId");
        ApiResponse unknownMeeting = api.http.post("/meetings/" + UUID.randomUUID() + "/outcomes", api.dsrTeam,
                outcome(personId, today()));
        assertProblem(unknownMeeting, 404, null);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsWritten() {
        UUID personId = register.onRegister();
        Meeting meeting = heldMeeting(ReferralEvents.AREA);

        Map<String, Object> unknownService = outcome(personId, today());
        unknownService.put("recommendations", List.of(Map.of("serviceType", "KEYWORKER"),
                Map.of("serviceType", "A_GOOD_HOME")));
        assertProblem(record(meeting, api.dsrTeam, unknownService), 400, "recommendations[1].serviceType");
        Map<String, Object> noSummary = outcome(personId, today());
        noSummary.remove("summary");
        assertProblem(record(meeting, api.dsrTeam, noSummary), 400, "summary");
        Map<String, Object> noRationale = outcome(personId, today());
        noRationale.remove("ratingRationale");
        assertProblem(record(meeting, api.dsrTeam, noRationale), 400, "ratingRationale");
        assertProblem(record(meeting, api.dsrTeam, outcome(personId, today().minusDays(1))), 400,
                "actions[0].dueOn");
        assertProblem(record(meeting, api.dsrTeam, outcome(personId, today().plusYears(2).plusDays(1))), 400,
                "actions[0].dueOn");
        Map<String, Object> agencyByName = outcome(personId, today());
        agencyByName.put("actions", List.of(Map.of("description", ACTION, "ownerAgency", "Swindon Community LD Team",
                "dueOn", today().toString())));
        assertProblem(record(meeting, api.dsrTeam, agencyByName), 400, "actions[0].ownerAgency");
        Map<String, Object> badRating = outcome(personId, today());
        badRating.put("agreedRating", "PURPLE");
        assertProblem(record(meeting, api.dsrTeam, badRating), 400, "agreedRating");
        // Issue 15: an optional code or identifier is left out or given; blank is neither (not "no rating", not "no
        // owner"), and is refused naming it.
        Map<String, Object> blankRating = outcome(personId, today());
        blankRating.put("agreedRating", " ");
        blankRating.remove("ratingRationale");
        blankRating.remove("discussedWithPersonAndFamily");
        assertProblem(record(meeting, api.dsrTeam, blankRating), 400, "agreedRating");
        Map<String, Object> blankOwner = outcome(personId, today());
        blankOwner.put("actions", List.of(Map.of("description", ACTION, "ownerAgency", "swindon-community-ld-team",
                "ownerSubject", "", "dueOn", today().toString())));
        assertProblem(record(meeting, api.dsrTeam, blankOwner), 400, "actions[0].ownerSubject");

        assertThat(outboxPayloads(personId)).isEmpty();
        assertThat(api.http.get("/meetings/people/" + personId + "/outcomes", api.dsrTeam).json().get("outcomes"))
                .isEmpty();
    }

    @Test
    void onlyTheDsrTeamOfTheAreaOrALeadRecordsAnOutcome() {
        UUID personId = register.onRegister();
        Meeting meeting = heldMeeting(ReferralEvents.AREA);

        assertProblem(record(meeting, api.professional, outcome(personId, today())), 403, null);
        assertProblem(record(meeting, api.anotherProfessional, outcome(personId, today())), 404, null);
        assertProblem(record(meeting, api.dsrTeamInWiltshire, outcome(personId, today())), 404, null);
        for (String token : List.of(api.analyst, api.admin, api.agencySystem)) {
            assertThat(record(meeting, token, outcome(personId, today())).status()).isEqualTo(403);
        }
        assertThat(record(meeting, api.dsrLead, outcome(personId, today())).status()).isEqualTo(201);
    }

    // --- reading ---

    @Test
    void theCareTeamReadsOutcomesAndOthersLearnNothing() {
        UUID personId = register.onRegister();
        UUID other = register.onRegister();
        Meeting meeting = heldMeeting(ReferralEvents.AREA);
        recorded(meeting, personId);
        recorded(meeting, other);
        // The other person's care team is someone else's: professional-1 sees only their own person's outcome.
        referrals.careTeam(other, ReferralEvents.AREA,
                referrals.member("professional-3", CareTeamRole.RESPONSIBLE_PROFESSIONAL));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() ->
                api.http.get("/meetings/people/" + other + "/outcomes", api.professional).status() == 404);
        referrals.careTeam(personId, ReferralEvents.AREA,
                referrals.member(ReferralEvents.REFERRER, CareTeamRole.REFERRER),
                referrals.breakGlass("professional-2"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() ->
                api.http.get("/meetings/people/" + personId + "/outcomes", api.anotherProfessional).status() == 200);

        assertThat(api.http.get("/meetings/" + meeting.id() + "/outcomes", api.dsrTeam).json().get("outcomes"))
                .hasSize(2);
        assertThat(api.http.get("/meetings/" + meeting.id() + "/outcomes", api.dsrLead).json().get("outcomes"))
                .hasSize(2);
        JsonNode seenByTheProfessional = api.http.get("/meetings/" + meeting.id() + "/outcomes", api.professional)
                .json().get("outcomes");
        assertThat(seenByTheProfessional).singleElement()
                .satisfies(seen -> assertThat(seen.get("personId").asText()).isEqualTo(personId.toString()));
        // A break-glass read opens one record, never a list.
        assertProblem(api.http.get("/meetings/" + meeting.id() + "/outcomes", api.anotherProfessional), 404, null);
        assertProblem(api.http.get("/meetings/" + meeting.id() + "/outcomes", api.dsrTeamInWiltshire), 404, null);

        ApiResponse mine = api.http.get("/meetings/people/" + personId + "/outcomes", api.professional);
        assertThat(mine.status()).as(mine.text()).isEqualTo(200);
        assertThat(mine.json().get("outcomes").get(0).get("summary").asText()).isEqualTo(SUMMARY);
        assertProblem(api.http.get("/meetings/people/" + other + "/outcomes", api.anotherProfessional), 404,
                null);
        assertProblem(api.http.get("/meetings/people/" + personId + "/outcomes", api.dsrTeamInWiltshire), 404,
                null);
        for (String token : List.of(api.analyst, api.admin, api.agencySystem)) {
            assertThat(api.http.get("/meetings/people/" + personId + "/outcomes", token).status()).isEqualTo(403);
            assertThat(api.http.get("/meetings/" + meeting.id() + "/outcomes", token).status()).isEqualTo(403);
            assertThat(api.http.get("/meetings/recommendations/catalogue", token).status()).isEqualTo(403);
        }
        JsonNode catalogue = api.http.get("/meetings/recommendations/catalogue", api.professional).json();
        assertThat(catalogue.get("serviceTypes").findValuesAsText("serviceType")).contains("INTENSIVE_SUPPORT_TEAM",
                "SHORT_BREAKS", "KEYWORKER", "SPECIALIST_LDA_CAMHS");
    }

    // --- actions, recommendations, feedback ---

    @Test
    void anActionIsDoneOnceByTheDsrTeamOrItsOwner() {
        UUID personId = register.onRegister();
        String actionId = recorded(heldMeeting(ReferralEvents.AREA), personId).get("actions").get(0)
                .get("actionId").asText();

        assertProblem(api.http.post("/meetings/actions/" + actionId + "/completion", api.anotherProfessional, ""),
                404, null);
        assertProblem(api.http.post("/meetings/actions/" + actionId + "/completion", api.dsrTeamInWiltshire, ""),
                404, null);
        assertThat(api.http.post("/meetings/actions/" + actionId + "/completion", api.analyst, "").status())
                .isEqualTo(403);
        ApiResponse done = api.http.post("/meetings/actions/" + actionId + "/completion", api.professional, "");
        assertThat(done.status()).as(done.text()).isEqualTo(200);
        assertThat(done.json().get("status").asText()).isEqualTo("DONE");
        assertProblem(api.http.post("/meetings/actions/" + actionId + "/completion", api.dsrTeam, ""), 409, null);
        assertThat(types(outboxPayloads(personId))).containsOnlyOnce(EventTypes.MEETING_ACTION_DONE_V1);
    }

    @Test
    void aRecommendationIsMarkedOnceByTheDsrTeamAndAnUnmetOneIsOnTheWorklist() {
        UUID personId = register.onRegister();
        String recommendationId = recorded(heldMeeting(ReferralEvents.AREA), personId).get("recommendations").get(0)
                .get("recommendationId").asText();
        String path = "/meetings/recommendations/" + recommendationId;

        assertProblem(api.http.post(path + "/unmet", api.professional, Map.of("reason", "WAITING_LIST")), 403, null);
        assertProblem(api.http.post(path + "/unmet", api.dsrTeam, Map.of("reason", "SOMEDAY")), 400, "reason");
        ApiResponse unmet = api.http.post(path + "/unmet", api.dsrTeam, Map.of("reason", "WAITING_LIST",
                "note", NOTE));
        assertThat(unmet.status()).as(unmet.text()).isEqualTo(200);
        assertProblem(api.http.post(path + "/met", api.dsrTeam, Map.of("metOn", today().toString())), 409, null);

        List<String> payloads = outboxPayloads(personId);
        assertThat(types(payloads)).containsOnlyOnce(EventTypes.MEETING_RECOMMENDATION_UNMET_V1);
        assertThat(String.join("\n", payloads)).doesNotContain(NOTE).contains("WAITING_LIST");
        JsonNode worklist = api.http.get("/meetings/worklists/unmet-recommendations?limit=200&serviceType="
                + "SHORT_BREAKS", api.dsrTeam).json();
        assertThat(worklist.get("entries").findValuesAsText("recommendationId")).contains(recommendationId);
        assertThat(api.http.get("/meetings/worklists/unmet-recommendations?limit=200", api.anotherProfessional)
                .json().get("entries").findValuesAsText("recommendationId")).doesNotContain(recommendationId);
    }

    @Test
    void feedbackOwedToTheReferrerIsOnTheWorklistUntilGivenOnce() {
        UUID personId = register.onRegister();
        String outcomeId = recorded(heldMeeting(ReferralEvents.AREA), personId).get("outcomeId").asText();

        assertThat(feedbackDueIds(api.dsrTeam)).contains(outcomeId);
        assertThat(feedbackDueIds(api.anotherProfessional)).doesNotContain(outcomeId);
        assertProblem(api.http.post("/meetings/outcomes/" + outcomeId + "/feedback-given", api.professional, ""),
                403, null);
        ApiResponse given = api.http.post("/meetings/outcomes/" + outcomeId + "/feedback-given", api.dsrTeam, "");
        assertThat(given.status()).as(given.text()).isEqualTo(200);
        assertProblem(api.http.post("/meetings/outcomes/" + outcomeId + "/feedback-given", api.dsrLead, ""), 409,
                null);
        assertThat(feedbackDueIds(api.dsrTeam)).doesNotContain(outcomeId);
    }

    private List<String> feedbackDueIds(String token) {
        ApiResponse response = api.http.get("/meetings/worklists/feedback-due?limit=200", token);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json().get("entries").findValuesAsText("outcomeId");
    }

    @Test
    void anActionPastItsDueDateIsOverdueAtOnceAndAnnouncedOnceByTheSweep() {
        UUID personId = register.onRegister();
        String actionId = recorded(heldMeeting(ReferralEvents.AREA), personId).get("actions").get(0)
                .get("actionId").asText();
        assertThat(overdueActionIds(api.dsrTeam)).doesNotContain(actionId);

        ApiResponse moved = api.http.post("/testing/clock", null, Map.of("advanceBy", "P8D"));
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);

        assertThat(overdueActionIds(api.dsrTeam)).contains(actionId);
        assertThat(overdueActionIds(api.professional)).contains(actionId);
        assertThat(overdueActionIds(api.anotherProfessional)).doesNotContain(actionId);
        assertThat(overdueActionIds(api.dsrTeam, "owner=" + ReferralEvents.REFERRER)).contains(actionId);
        assertThat(overdueActionIds(api.dsrTeam, "owner=someone-else")).doesNotContain(actionId);
        assertThat(api.http.get("/meetings/worklists/overdue-actions", api.analyst).status()).isEqualTo(403);
        // The agenda's "overdue actions" (the OverdueActions port) sees it too, sweep or not.
        assertThat(overdueActions.inArea(ReferralEvents.AREA, today()))
                .anySatisfy(overdue -> assertThat(overdue.actionId().toString()).isEqualTo(actionId));
        assertThat(overdueActions.inArea("WILTSHIRE", today()))
                .noneSatisfy(overdue -> assertThat(overdue.actionId().toString()).isEqualTo(actionId));

        assertThat(api.http.post("/meetings/sweeps", api.dsrLead, "").status()).isEqualTo(200);
        assertThat(api.http.post("/meetings/sweeps", api.dsrLead, "").status()).isEqualTo(200);
        assertThat(types(outboxPayloads(personId))).containsOnlyOnce(EventTypes.MEETING_ACTION_OVERDUE_V1);
    }

    @Test
    void theActionsOfAPersonWhoLeftTheRegisterAreNoLongerChased() {
        UUID personId = register.onRegister();
        String actionId = recorded(heldMeeting(ReferralEvents.AREA), personId).get("actions").get(0)
                .get("actionId").asText();
        referrals.removedFromRegister(personId, org.opendsr.contracts.referral.RemovalReason.STEPPED_DOWN);
        register.awaitPerson(personId, person -> !person.onRegister());

        ApiResponse moved = api.http.post("/testing/clock", null, Map.of("advanceBy", "P8D"));
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);

        assertThat(overdueActionIds(api.dsrLead)).doesNotContain(actionId);
        assertThat(overdueActions.inArea(ReferralEvents.AREA, today()))
                .noneSatisfy(overdue -> assertThat(overdue.actionId().toString()).isEqualTo(actionId));
        assertThat(api.http.post("/meetings/sweeps", api.dsrLead, "").status()).isEqualTo(200);
        assertThat(types(outboxPayloads(personId))).doesNotContain(EventTypes.MEETING_ACTION_OVERDUE_V1);
        // Still in the person's outcomes, open, as it was.
        ApiResponse outcomes = api.http.get("/meetings/people/" + personId + "/outcomes", api.dsrLead);
        assertThat(outcomes.text()).contains(actionId);
    }

    private List<String> overdueActionIds(String token) {
        return overdueActionIds(token, "");
    }

    private List<String> overdueActionIds(String token, String query) {
        ApiResponse response = api.http.get("/meetings/worklists/overdue-actions?limit=200&" + query, token);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json().get("entries").findValuesAsText("actionId");
    }
}
