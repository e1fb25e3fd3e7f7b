package org.opendsr.meeting.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.meeting.shared.application.MeetingChanges;
import org.opendsr.meeting.shared.domain.Meeting;
import org.opendsr.meeting.support.MeetingServiceUnderTest;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.TestTokens;
import org.opendsr.testkit.events.PublishedEvents;
import org.opendsr.testkit.events.ReferralEvents;

/**
 * One meeting through meeting-service's API, on real PostgreSQL and Kafka: read, its attendees (professionals only at
 * a tracking meeting; the person and family unnamed at a Meeting by Exception), held, cancelled, moved, and its
 * calendar invitation; each for every kind of caller.
 */
@MicronautTest(transactional = false)
class TrackingMeetingApiTest extends MeetingServiceUnderTest {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final String LINK = "https://meet.example.nhs.uk/dsr";

    @Inject
    MeetingChanges changes;

    @Inject
    TransactionOperations<Connection> transactions;

    private PublishedEvents published;

    @BeforeAll
    void readTheMeetingTopic() {
        published = new PublishedEvents(Topics.MEETING_EVENTS);
    }

    @AfterAll
    void stopReading() {
        published.close();
    }

    private static String newArea() {
        return "AREA_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static String dsrTeamOf(String area) {
        return TestTokens.get().tokenFor("dsr-team-" + area, List.of(DsrRoles.DSR_TEAM), Map.of("areas", List.of(area)),
                Duration.ofHours(1));
    }

    /** A tracking meeting of the area that started {@code startedAgo} ago (negative: starts in the future). */
    private UUID trackingMeeting(String area, Duration startedAgo) {
        UUID meetingId = UUID.randomUUID();
        Instant start = clock.instant().minus(startedAgo);
        transactions.executeWrite(status -> {
            changes.record(Meeting.tracking(meetingId, area, UUID.randomUUID(), start, start.plus(Duration.ofMinutes(90)),
                    LINK));
            return null;
        });
        return meetingId;
    }

    /** A Meeting by Exception about a person on the register in SWINDON, next week at 10:00 UK time. */
    private UUID exceptionMeeting(UUID personId) {
        UUID meetingId = UUID.randomUUID();
        LocalDate day = LocalDate.ofInstant(clock.instant(), UK).plusWeeks(1);
        while (day.getDayOfWeek().getValue() > 5) {
            day = day.plusDays(1);
        }
        Instant start = day.atTime(10, 0).atZone(UK).toInstant();
        transactions.executeWrite(status -> {
            changes.record(Meeting.exception(meetingId, ReferralEvents.AREA, personId, start,
                    start.plus(Duration.ofHours(1)), LINK, "dsr-lead-1"));
            return null;
        });
        return meetingId;
    }

    @Test
    void theAreasTeamRecordsProfessionalsAttendingAndRefusesThePersonOrFamilyAtATrackingMeeting() {
        String area = newArea();
        String team = dsrTeamOf(area);
        UUID meetingId = trackingMeeting(area, Duration.ofMinutes(10));

        ApiResponse recorded = api.http.post("/meetings/" + meetingId + "/attendees", team,
                Map.of("agency", "Swindon Borough Council", "role", "Social worker", "subject", "prof-7"));

        assertThat(recorded.status()).as(recorded.text()).isEqualTo(201);
        for (String role : List.of("PERSON", "FAMILY_MEMBER", "Carer")) {
            ApiResponse refused = api.http.post("/meetings/" + meetingId + "/attendees", team,
                    Map.of("agency", "Home", "role", role));
            assertThat(refused.status()).as(refused.text()).isEqualTo(400);
            assertThat(refused.contentType()).contains("application/problem+json");
            assertThat(refused.text()).contains("role").contains("professionals only");
        }
        ApiResponse contact = api.http.post("/meetings/" + meetingId + "/attendees", team,
                Map.of("agency", "jo@example.org", "role", "Nurse"));
        assertThat(contact.status()).as(contact.text()).isEqualTo(400);
        assertThat(contact.text()).contains("agency");

        JsonNode attendees = api.http.get("/meetings/" + meetingId + "/attendees", team).json().get("attendees");
        assertThat(attendees).singleElement().satisfies(one -> {
            assertThat(one.get("agency").asText()).isEqualTo("Swindon Borough Council");
            assertThat(one.get("role").asText()).isEqualTo("Social worker");
            assertThat(one.get("subject").asText()).isEqualTo("prof-7");
        });
    }

    @Test
    void atAMeetingByExceptionThePersonAndFamilyAreRecordedUnnamedAndTheCareTeamMayReadIt() {
        UUID personId = register.onRegister();
        UUID meetingId = exceptionMeeting(personId);

        ApiResponse person = api.http.post("/meetings/" + meetingId + "/attendees", api.dsrTeam,
                Map.of("role", "PERSON"));
        ApiResponse family = api.http.post("/meetings/" + meetingId + "/attendees", api.dsrTeam,
                Map.of("role", "FAMILY_MEMBER"));
        ApiResponse named = api.http.post("/meetings/" + meetingId + "/attendees", api.dsrTeam,
                Map.of("role", "FAMILY_MEMBER", "subject", "mum"));

        assertThat(person.status()).as(person.text()).isEqualTo(201);
        assertThat(family.status()).as(family.text()).isEqualTo(201);
        assertThat(named.status()).as(named.text()).isEqualTo(400);
        assertThat(named.text()).contains("subject");

        // The person's care team (the referrer) reads the meeting and its attendees; others outside it get 404.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.http.get("/meetings/" + meetingId, api.professional).status() == 200);
        JsonNode meeting = api.http.get("/meetings/" + meetingId, api.professional).json();
        assertThat(meeting.get("kind").asText()).isEqualTo("EXCEPTION");
        assertThat(meeting.get("personId").asText()).isEqualTo(personId.toString());
        assertThat(api.http.get("/meetings/" + meetingId + "/attendees", api.professional).json().get("attendees"))
                .hasSize(2).allSatisfy(one -> assertThat(one.hasNonNull("agency")).isFalse());
        ApiResponse ics = api.http.get("/meetings/" + meetingId + "/invitation.ics", api.professional);
        assertThat(ics.status()).isEqualTo(200);
        assertThat(ics.text()).contains("SUMMARY:Meeting by Exception").contains("UID:" + meetingId);
        assertThat(api.http.get("/meetings/" + meetingId, api.anotherProfessional).status()).isEqualTo(404);
        assertThat(api.http.get("/meetings/" + meetingId, api.dsrTeamInWiltshire).status()).isEqualTo(404);
        // The care team reads; the DSR team records.
        assertThat(api.http.post("/meetings/" + meetingId + "/attendees", api.professional,
                Map.of("role", "PERSON")).status()).isEqualTo(403);
        // An exception meeting within working hours only.
        ApiResponse evening = api.http.put("/meetings/" + meetingId + "/time", api.dsrLead,
                Map.of("date", meeting.get("date").asText(), "startTime", "18:00"));
        assertThat(evening.status()).as(evening.text()).isEqualTo(400);
        assertThat(evening.text()).contains("startTime");
    }

    @Test
    void holdingAMeetingThatHasStartedPublishesItAndCannotHappenTwice() {
        String area = newArea();
        String team = dsrTeamOf(area);
        UUID started = trackingMeeting(area, Duration.ofMinutes(10));
        UUID notYet = trackingMeeting(area, Duration.ofDays(-2));

        ApiResponse held = api.http.post("/meetings/" + started + "/held", team, "");

        assertThat(held.status()).as(held.text()).isEqualTo(200);
        assertThat(held.json().get("status").asText()).isEqualTo("HELD");
        assertThat(published.first(started, EventTypes.MEETING_HELD_V1)).isNotNull();
        assertThat(api.http.post("/meetings/" + started + "/held", team, "").status()).isEqualTo(409);
        assertThat(api.http.post("/meetings/" + notYet + "/held", team, "").status()).isEqualTo(409);
    }

    @Test
    void aCancellationNeedsAReasonAndItsNoteIsOneLineWithoutContactDetails() {
        String area = newArea();
        String team = dsrTeamOf(area);
        UUID meetingId = trackingMeeting(area, Duration.ofDays(-3));

        assertCancelRefused(meetingId, team, Map.of(), "reason");
        assertCancelRefused(meetingId, team, Map.of("reason", "BORED"), "reason");
        assertCancelRefused(meetingId, team, Map.of("reason", "OTHER", "note", "call 07700 900123"), "note");
        assertCancelRefused(meetingId, team, Map.of("reason", "OTHER", "note", "two\nlines"), "note");
        assertThat(api.http.get("/meetings/" + meetingId, team).json().get("status").asText()).isEqualTo("SCHEDULED");

        ApiResponse cancelled = api.http.post("/meetings/" + meetingId + "/cancellation", team,
                Map.of("reason", "CHAIR_UNAVAILABLE", "note", "Chair on leave"));

        assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
        assertThat(cancelled.json().get("cancellationReason").asText()).isEqualTo("CHAIR_UNAVAILABLE");
        assertThat(cancelled.json().get("sequence").asInt()).isEqualTo(1);
        ApiResponse ics = api.http.get("/meetings/" + meetingId + "/invitation.ics", team);
        assertThat(ics.contentType()).startsWith("text/calendar");
        assertThat(ics.text()).contains("METHOD:CANCEL").contains("STATUS:CANCELLED").doesNotContain("Chair on leave");
        assertThat(published.first(meetingId, EventTypes.MEETING_CANCELLED_V1).cloudEvent().toString())
                .doesNotContain("Chair on leave");
        assertThat(api.http.post("/meetings/" + meetingId + "/cancellation", team, Map.of("reason", "OTHER"))
                .status()).isEqualTo(409);
    }

    @Test
    void movingOneMeetingKeepsItsUidAndRaisesItsSequenceInUkTime() {
        String area = newArea();
        String team = dsrTeamOf(area);
        UUID meetingId = trackingMeeting(area, Duration.ofDays(-3));
        LocalDate summer = LocalDate.of(LocalDate.ofInstant(clock.instant(), UK).getYear() + 1, 7, 1);

        ApiResponse moved = api.http.put("/meetings/" + meetingId + "/time", team,
                Map.of("date", summer.toString(), "startTime", "10:00", "durationMinutes", 60));

        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        assertThat(moved.json().get("startTime").asText()).isEqualTo("10:00");
        assertThat(moved.json().get("startsAt").asText()).isEqualTo(summer + "T09:00:00Z");
        assertThat(moved.json().get("sequence").asInt()).isEqualTo(1);
        String ics = api.http.get("/meetings/" + meetingId + "/invitation.ics", team).text();
        assertThat(ics).contains("UID:" + meetingId + "@dsr.opendsr.org").contains("SEQUENCE:1")
                .contains("DTSTART;TZID=Europe/London:" + summer.toString().replace("-", "") + "T100000");

        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("startTime", "10:00"),
                Map.of("date", summer.toString(), "startTime", "9.30"),
                Map.of("date", "2026-02-30", "startTime", "10:00"),
                Map.of("date", summer.toString(), "startTime", "10:00", "durationMinutes", 600),
                Map.of("date", summer.toString(), "startTime", "10:00", "onlineLink", "ftp://x"),
                Map.of("date", "2020-01-02", "startTime", "10:00"))) {
            ApiResponse refused = api.http.put("/meetings/" + meetingId + "/time", team, new HashMap<>(bad));
            assertThat(refused.status()).as(refused.text()).isEqualTo(400);
            assertThat(refused.contentType()).contains("application/problem+json");
        }
        assertThat(api.http.get("/meetings/" + meetingId, team).json().get("sequence").asInt()).isEqualTo(1);
    }

    @Test
    void everyMeetingEndpointIsTheAreasDsrTeamsAndLeadsOnly() {
        String area = newArea();
        String team = dsrTeamOf(area);
        UUID meetingId = trackingMeeting(area, Duration.ofMinutes(5));
        String path = "/meetings/" + meetingId;
        Map<String, Object> attendee = Map.of("agency", "NHS trust", "role", "Nurse");
        Map<String, Object> cancellation = Map.of("reason", "OTHER");
        Map<String, Object> time = Map.of("date", LocalDate.now(UK).plusWeeks(3).toString(), "startTime", "10:00");

        for (String refused : List.of(api.admin, api.analyst, api.agencySystem)) {
            assertThat(api.http.get("/meetings?area=" + area, refused).status()).isEqualTo(403);
            assertThat(api.http.get(path, refused).status()).isEqualTo(403);
            assertThat(api.http.get(path + "/attendees", refused).status()).isEqualTo(403);
            assertThat(api.http.get(path + "/invitation.ics", refused).status()).isEqualTo(403);
            assertThat(api.http.post(path + "/attendees", refused, attendee).status()).isEqualTo(403);
            assertThat(api.http.post(path + "/held", refused, "").status()).isEqualTo(403);
            assertThat(api.http.post(path + "/cancellation", refused, cancellation).status()).isEqualTo(403);
            assertThat(api.http.put(path + "/time", refused, time).status()).isEqualTo(403);
        }
        for (String professional : List.of(api.professional, api.anotherProfessional)) {
            // A tracking meeting is about no one person: no care team reads it.
            assertThat(api.http.get(path, professional).status()).isEqualTo(404);
            assertThat(api.http.get(path + "/attendees", professional).status()).isEqualTo(404);
            assertThat(api.http.get(path + "/invitation.ics", professional).status()).isEqualTo(404);
            assertThat(api.http.get("/meetings?area=" + area, professional).status()).isEqualTo(403);
            assertThat(api.http.post(path + "/attendees", professional, attendee).status()).isEqualTo(403);
            assertThat(api.http.post(path + "/held", professional, "").status()).isEqualTo(403);
            assertThat(api.http.post(path + "/cancellation", professional, cancellation).status()).isEqualTo(403);
            assertThat(api.http.put(path + "/time", professional, time).status()).isEqualTo(403);
        }
        String elsewhere = api.dsrTeamInWiltshire;
        assertThat(api.http.get("/meetings?area=" + area, elsewhere).status()).isEqualTo(404);
        assertThat(api.http.get("/meetings", elsewhere).json().get("meetings"))
                .noneSatisfy(m -> assertThat(m.get("meetingId").asText()).isEqualTo(meetingId.toString()));
        assertThat(api.http.get(path, elsewhere).status()).isEqualTo(404);
        assertThat(api.http.get(path + "/attendees", elsewhere).status()).isEqualTo(404);
        assertThat(api.http.get(path + "/invitation.ics", elsewhere).status()).isEqualTo(404);
        assertThat(api.http.post(path + "/attendees", elsewhere, attendee).status()).isEqualTo(404);
        assertThat(api.http.post(path + "/held", elsewhere, "").status()).isEqualTo(404);
        assertThat(api.http.post(path + "/cancellation", elsewhere, cancellation).status()).isEqualTo(404);
        assertThat(api.http.put(path + "/time", elsewhere, time).status()).isEqualTo(404);

        assertThat(api.http.get(path, team).status()).isEqualTo(200);
        // From the day it started, named: just after midnight, 5 minutes ago is yesterday (the list's default is today on).
        String sinceItStarted = "from=" + LocalDate.ofInstant(clock.instant().minus(Duration.ofMinutes(5)), UK);
        assertThat(api.http.get("/meetings?" + sinceItStarted, team).json().get("meetings"))
                .anySatisfy(m -> assertThat(m.get("meetingId").asText()).isEqualTo(meetingId.toString()));
        assertThat(api.http.get(path, api.dsrLead).status()).isEqualTo(200);
        assertThat(api.http.get("/meetings?area=" + area + "&" + sinceItStarted, api.dsrLead).json().get("meetings"))
                .hasSize(1);
        // A lead without an area sees every area's meetings, whether or not the area has a series.
        assertThat(api.http.get("/meetings?" + sinceItStarted, api.dsrLead).json().get("meetings"))
                .anySatisfy(m -> assertThat(m.get("meetingId").asText()).isEqualTo(meetingId.toString()));
        assertThat(api.http.post(path + "/attendees", api.dsrLead, attendee).status()).isEqualTo(201);
        assertThat(api.http.post(path + "/held", api.dsrLead, "").status()).isEqualTo(200);
        assertThat(api.http.get("/meetings/" + UUID.randomUUID(), api.dsrLead).status()).isEqualTo(404);
        assertThat(api.http.get("/meetings?area=" + area + "&from=2026-02-30", team).text()).contains("from");
        assertThat(api.http.get("/meetings?area=" + area + "&from=2027-01-10&to=2027-01-01", team).status())
                .isEqualTo(400);
    }

    @Test
    void datesBeyondThePlanningHorizonAndMalformedValuesAreRefusedNamingTheField() {
        String area = newArea();
        String team = dsrTeamOf(area);
        UUID meetingId = trackingMeeting(area, Duration.ofDays(-3));
        LocalDate farAway = LocalDate.ofInstant(clock.instant(), UK).plusYears(3);

        for (String date : List.of(farAway.toString(), "+99999-01-02")) {
            ApiResponse refused = api.http.put("/meetings/" + meetingId + "/time", team,
                    Map.of("date", date, "startTime", "10:00"));
            assertThat(refused.status()).as(refused.text()).isEqualTo(400);
            assertThat(refused.contentType()).contains("application/problem+json");
            assertThat(refused.text()).contains("date");
        }
        assertThat(api.http.get("/meetings/" + meetingId, team).json().get("sequence").asInt()).isZero();

        for (String query : List.of("from=" + farAway, "from=+99999-01-02", "from=" + farAway + "&to="
                + farAway.plusDays(1))) {
            ApiResponse refused = api.http.get("/meetings?area=" + area + "&" + query, team);
            assertThat(refused.status()).as(refused.text()).isEqualTo(400);
            assertThat(refused.text()).contains("from");
        }
        ApiResponse farTo = api.http.get("/meetings?area=" + area + "&to=+99999-01-02", team);
        assertThat(farTo.status()).as(farTo.text()).isEqualTo(400);
        assertThat(farTo.text()).contains("to");

        ApiResponse badId = api.http.get("/meetings/not-a-meeting", team);
        assertThat(badId.status()).as(badId.text()).isEqualTo(400);
        assertThat(badId.text()).contains("meetingId");
    }

    /** A Meeting by Exception is chaired by a DSR lead: only a lead moves or cancels it (refusals audited). */
    @Test
    void onlyALeadMovesOrCancelsAMeetingByException() {
        UUID personId = register.onRegister();
        UUID meetingId = exceptionMeeting(personId);
        String date = api.http.get("/meetings/" + meetingId, api.dsrLead).json().get("date").asText();

        ApiResponse moved = api.http.put("/meetings/" + meetingId + "/time", api.dsrTeam,
                Map.of("date", date, "startTime", "11:00"));
        ApiResponse cancelled = api.http.post("/meetings/" + meetingId + "/cancellation", api.dsrTeam,
                Map.of("reason", "OTHER"));

        assertThat(moved.status()).as(moved.text()).isEqualTo(403);
        assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(403);
        assertThat(api.http.get("/meetings/" + meetingId, api.dsrLead).json().get("sequence").asInt()).isZero();
        int refusals = transactions.executeRead(status -> {
            try (var query = status.getConnection().prepareStatement("SELECT count(*) FROM dsr_kit.audit_entry "
                    + "WHERE actor = 'dsr-team-1' AND outcome = 'REFUSED' AND person_id = ? AND what LIKE ?")) {
                query.setObject(1, personId);
                query.setString(2, "%meeting by exception%");
                try (var result = query.executeQuery()) {
                    result.next();
                    return result.getInt(1);
                }
            }
        });
        assertThat(refusals).isEqualTo(2);

        ApiResponse leadMoves = api.http.put("/meetings/" + meetingId + "/time", api.dsrLead,
                Map.of("date", date, "startTime", "11:00"));
        assertThat(leadMoves.status()).as(leadMoves.text()).isEqualTo(200);
        assertThat(leadMoves.json().get("startTime").asText()).isEqualTo("11:00");
        ApiResponse leadCancels = api.http.post("/meetings/" + meetingId + "/cancellation", api.dsrLead,
                Map.of("reason", "PERSON_UNAVAILABLE"));
        assertThat(leadCancels.status()).as(leadCancels.text()).isEqualTo(200);
        assertThat(leadCancels.json().get("status").asText()).isEqualTo("CANCELLED");
    }

    private void assertCancelRefused(UUID meetingId, String token, Map<String, Object> body, String field) {
        ApiResponse response = api.http.post("/meetings/" + meetingId + "/cancellation", token, new HashMap<>(body));
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.contentType()).contains("application/problem+json");
        assertThat(response.text()).contains(field);
    }
}
