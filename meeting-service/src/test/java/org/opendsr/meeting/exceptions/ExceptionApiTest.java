package org.opendsr.meeting.exceptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.access.CareTeamRole;
import org.opendsr.kit.calendar.domain.BankHolidays;
import org.opendsr.meeting.support.MeetingServiceUnderTest;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.events.ReferralEvents;

/**
 * Meetings by Exception through the API on the real database and broker: asked for by the care team, the DSR team or
 * a lead; scheduled only by a DSR lead (the chair), only within working hours (18:00 refused naming startsAt and the
 * time, 10:00 accepted with meeting-scheduled and exception-invitation-requested in the outbox and an invitation);
 * moved, declined, listed; every role.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExceptionApiTest extends MeetingServiceUnderTest {

    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    @Value("${datasources.default.url}")
    String databaseUrl;

    @Value("${datasources.default.username}")
    String databaseUser;

    @Value("${datasources.default.password}")
    String databasePassword;

    /** A Tuesday to Thursday at least two days ahead that is not a bank holiday. */
    private LocalDate aWorkingDay() {
        LocalDate day = LocalDate.ofInstant(clock.instant(), ENGLAND).plusDays(2);
        BankHolidays holidays = BankHolidays.statutoryOnly();
        while (day.getDayOfWeek() == DayOfWeek.MONDAY || day.getDayOfWeek() == DayOfWeek.FRIDAY
                || day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY
                || holidays.isBankHoliday(day) || holidays.isBankHoliday(day.minusDays(1))) {
            day = day.plusDays(1);
        }
        return day;
    }

    private static Map<String, Object> at(LocalDate day, int hour) {
        Instant start = day.atTime(LocalTime.of(hour, 0)).atZone(ENGLAND).toInstant();
        return Map.of("startsAt", start.toString(), "endsAt", start.plus(Duration.ofHours(1)).toString(),
                "onlineLink", "https://meet.example.org/mbe");
    }

    private ApiResponse request(String token, UUID personId) {
        return api.http.post("/meetings/exceptions", token,
                Map.of("personId", personId.toString(), "reason", "SERVICES_DISAGREE"));
    }

    private String requested(String token, UUID personId) {
        ApiResponse response = request(token, personId);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json().get("requestId").asText();
    }

    private void assertProblem(ApiResponse response, int status, String field) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        if (field != null) {
            assertThat(response.json().get("errors").findValuesAsText("field")).as(response.text()).contains(field);
        }
    }

    @Test
    void aLeadSchedulesItWithinWorkingHoursOnlyAndChairsIt() throws Exception {
        UUID personId = register.onRegister();
        String requestId = requested(api.professional, personId);
        LocalDate day = aWorkingDay();
        String schedule = "/meetings/exceptions/" + requestId + "/schedule";

        ApiResponse evening = api.http.post(schedule, api.dsrLead, at(day, 18));
        assertProblem(evening, 400, "startsAt");
        assertThat(evening.text()).contains("18:00");
        assertThat(api.http.get("/meetings/exceptions/" + requestId, api.dsrLead).json().get("status").asText())
                .isEqualTo("REQUESTED");

        ApiResponse morning = api.http.post(schedule, api.dsrLead, at(day, 10));

        assertThat(morning.status()).as(morning.text()).isEqualTo(200);
        assertThat(morning.json().get("status").asText()).isEqualTo("SCHEDULED");
        assertThat(morning.json().get("chair").asText()).isEqualTo("dsr-lead-1");
        assertThat(morning.json().get("meetingStatus").asText()).isEqualTo("SCHEDULED");
        String meetingId = morning.json().get("meetingId").asText();
        assertThat(eventsInOutbox(EventTypes.MEETING_SCHEDULED_V1, meetingId)).isEqualTo(1);
        assertThat(eventsInOutbox(EventTypes.MEETING_EXCEPTION_INVITATION_REQUESTED_V1, meetingId)).isEqualTo(1);
        assertProblem(api.http.post(schedule, api.dsrLead, at(day, 11)), 409, null);

        ApiResponse ics = api.http.get("/meetings/exceptions/" + requestId + "/invitation.ics", api.professional);
        assertThat(ics.status()).as(ics.text()).isEqualTo(200);
        assertThat(ics.contentType()).startsWith("text/calendar");
        assertThat(ics.text()).contains("BEGIN:VCALENDAR").contains("UID:" + meetingId + "@dsr.opendsr.org")
                .contains("Europe/London").contains("T100000").doesNotContain(personId.toString());
        // The invitation parses as iCalendar, at 10:00 UK time.
        net.fortuna.ical4j.model.Calendar parsed = new net.fortuna.ical4j.data.CalendarBuilder()
                .build(new java.io.StringReader(ics.text()));
        net.fortuna.ical4j.model.component.VEvent event = parsed
                .<net.fortuna.ical4j.model.component.VEvent>getComponent("VEVENT").orElseThrow();
        assertThat(event.<net.fortuna.ical4j.model.property.DtStart<java.time.temporal.Temporal>>getProperty("DTSTART")
                .orElseThrow().getValue()).contains("T100000");

        String time = "/meetings/exceptions/" + requestId + "/time";
        assertProblem(api.http.put(time, api.dsrLead, at(day, 18)), 400, "startsAt");
        ApiResponse moved = api.http.put(time, api.dsrLead, at(day, 14));
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        assertThat(moved.json().get("sequence").asInt()).isEqualTo(1);
        assertThat(eventsInOutbox(EventTypes.MEETING_EXCEPTION_INVITATION_REQUESTED_V1, meetingId)).isEqualTo(2);
    }

    @Test
    void itIsScheduledNeitherInThePastNorPastThePlanningHorizon() {
        UUID personId = register.onRegister();
        String requestId = requested(api.professional, personId);
        String schedule = "/meetings/exceptions/" + requestId + "/schedule";
        // The same weekday two weeks back and 156 weeks on: within working hours on both, so only time refuses them.
        ApiResponse past = api.http.post(schedule, api.dsrLead, at(aWorkingDay().minusWeeks(2), 10));
        assertProblem(past, 400, "startsAt");
        assertThat(past.text()).contains("future");
        ApiResponse tooFar = api.http.post(schedule, api.dsrLead, at(aWorkingDay().plusWeeks(156), 10));
        assertProblem(tooFar, 400, "startsAt");
        assertThat(tooFar.text()).contains("within 2 years");
        assertThat(api.http.get("/meetings/exceptions/" + requestId, api.dsrLead).json().get("status").asText())
                .isEqualTo("REQUESTED");

        LocalDate day = aWorkingDay();
        assertThat(api.http.post(schedule, api.dsrLead, at(day, 10)).status()).isEqualTo(200);
        String time = "/meetings/exceptions/" + requestId + "/time";
        assertProblem(api.http.put(time, api.dsrLead, at(day.minusWeeks(2), 10)), 400, "startsAt");
        assertProblem(api.http.put(time, api.dsrLead, at(day.plusWeeks(156), 10)), 400, "startsAt");
        assertProblem(api.http.put(time, api.dsrLead, Map.of("startsAt", "+20000-01-05T10:00:00Z",
                "endsAt", "+20000-01-05T11:00:00Z")), 400, "startsAt");
        assertProblem(api.http.put(time, api.dsrLead, Map.of("startsAt", "soon", "endsAt",
                at(day, 11).get("endsAt"))), 400,
                "startsAt");
    }

    @Test
    void aPersonWhoLeftTheRegisterHasTheirRequestsDeclinedAndTheirMeetingCancelled() {
        UUID personId = register.onRegister();
        String waiting = requested(api.professional, personId);
        String scheduled = requested(api.professional, personId);
        ApiResponse meeting = api.http.post("/meetings/exceptions/" + scheduled + "/schedule", api.dsrLead,
                at(aWorkingDay(), 10));
        assertThat(meeting.status()).as(meeting.text()).isEqualTo(200);
        UUID meetingId = UUID.fromString(meeting.json().get("meetingId").asText());

        referrals.removedFromRegister(personId, org.opendsr.contracts.referral.RemovalReason.STEPPED_DOWN);

        String meetingRow = "SELECT status || ' ' || coalesce(cancellation_reason, '-') || ' ' || sequence "
                + "FROM meeting WHERE meeting_id = ?";
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> row(meetingRow, meetingId.toString()).startsWith("CANCELLED"));
        assertThat(row(meetingRow, meetingId.toString())).isEqualTo("CANCELLED PERSON_LEFT_REGISTER 1");
        assertThat(eventsInOutbox(EventTypes.MEETING_CANCELLED_V1, meetingId.toString())).isEqualTo(1);
        assertThat(row("SELECT status || ' ' || coalesce(decline_reason, '-') FROM exception_request WHERE id = ?",
                waiting)).isEqualTo("DECLINED PERSON_LEFT_REGISTER");
    }

    /** One row's columns, read straight from the database (status, reason, sequence). */
    private String row(String sql, String id) {
        try (Connection connection = DriverManager.getConnection(databaseUrl, databaseUser, databasePassword);
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, UUID.fromString(id));
            try (ResultSet found = query.executeQuery()) {
                return found.next() ? found.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void bothEndpointsServeTheSameInvitation() {
        UUID personId = register.onRegister();
        String requestId = requested(api.professional, personId);
        Instant start = aWorkingDay().atTime(LocalTime.of(10, 0)).atZone(ENGLAND).toInstant();
        ApiResponse scheduled = api.http.post("/meetings/exceptions/" + requestId + "/schedule", api.dsrLead,
                Map.of("startsAt", start.toString(), "endsAt", start.plus(Duration.ofHours(1)).toString(),
                        "location", "Civic Centre, room 2"));
        assertThat(scheduled.status()).as(scheduled.text()).isEqualTo(200);
        String meetingId = scheduled.json().get("meetingId").asText();

        ApiResponse ofRequest = api.http.get("/meetings/exceptions/" + requestId + "/invitation.ics", api.dsrLead);
        ApiResponse ofMeeting = api.http.get("/meetings/" + meetingId + "/invitation.ics", api.dsrLead);

        assertThat(ofRequest.status()).as(ofRequest.text()).isEqualTo(200);
        assertThat(ofMeeting.status()).as(ofMeeting.text()).isEqualTo(200);
        assertThat(withoutStamp(ofRequest.text())).contains("Civic Centre").isEqualTo(withoutStamp(ofMeeting.text()));
    }

    /** The invitation without DTSTAMP (when it was rendered), unfolded. */
    private static String withoutStamp(String ics) {
        return ics.replace("\r\n ", "").lines().filter(line -> !line.startsWith("DTSTAMP"))
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    @Test
    void onlyALeadSchedulesOrDeclines() {
        UUID personId = register.onRegister();
        String requestId = requested(api.dsrTeam, personId);
        LocalDate day = aWorkingDay();
        String schedule = "/meetings/exceptions/" + requestId + "/schedule";

        assertProblem(api.http.post(schedule, api.professional, at(day, 10)), 403, null);
        assertProblem(api.http.post(schedule, api.dsrTeam, at(day, 10)), 403, null);
        assertProblem(api.http.post(schedule, api.anotherProfessional, at(day, 10)), 404, null);
        assertProblem(api.http.post(schedule, api.dsrTeamInWiltshire, at(day, 10)), 404, null);
        for (String refused : List.of(api.analyst, api.admin, api.agencySystem)) {
            assertThat(api.http.post(schedule, refused, at(day, 10)).status()).isEqualTo(403);
        }
        String decline = "/meetings/exceptions/" + requestId + "/decline";
        assertProblem(api.http.post(decline, api.dsrTeam, Map.of("reason", "DUPLICATE_REQUEST")), 403, null);
        assertProblem(api.http.post(decline, api.dsrLead, Map.of()), 400, "reason");

        ApiResponse declined = api.http.post(decline, api.dsrLead, Map.of("reason", "TRACKING_MEETING_SUFFICIENT"));

        assertThat(declined.status()).as(declined.text()).isEqualTo(200);
        assertThat(declined.json().get("status").asText()).isEqualTo("DECLINED");
        assertThat(declined.json().get("declineReason").asText()).isEqualTo("TRACKING_MEETING_SUFFICIENT");
        assertProblem(api.http.post(schedule, api.dsrLead, at(day, 10)), 409, null);
        assertProblem(api.http.get("/meetings/exceptions/" + requestId + "/invitation.ics", api.dsrLead), 409, null);
    }

    @Test
    void theCareTeamTheDsrTeamOrALeadAskNobodyElse() {
        UUID personId = register.onRegister();

        assertThat(request(api.professional, personId).status()).isEqualTo(201);
        assertThat(request(api.dsrTeam, personId).status()).isEqualTo(201);
        assertThat(request(api.dsrLead, personId).status()).isEqualTo(201);
        assertProblem(request(api.anotherProfessional, personId), 404, null);
        assertProblem(request(api.dsrTeamInWiltshire, personId), 404, null);
        for (String refused : List.of(api.analyst, api.admin, api.agencySystem)) {
            assertThat(request(refused, personId).status()).isEqualTo(403);
        }
        assertProblem(api.http.post("/meetings/exceptions", api.professional,
                Map.of("personId", personId.toString(), "reason", "OTHER")), 400, "reasonText");
        assertProblem(api.http.post("/meetings/exceptions", api.professional,
                Map.of("personId", personId.toString(), "reason", "OTHER", "reasonText", "line one\nline two")),
                400, "reasonText");
        assertProblem(api.http.post("/meetings/exceptions", api.professional,
                Map.of("personId", personId.toString())), 400, "reason");

        // A break-glass reader may read the person's records, not ask for a meeting about them.
        referrals.careTeam(personId, ReferralEvents.AREA, referrals.member(ReferralEvents.REFERRER,
                CareTeamRole.REFERRER), referrals.breakGlass("professional-2"));
        await().atMost(Duration.ofSeconds(30)).until(() -> request(api.anotherProfessional, personId).status() == 403);
    }

    @Test
    void theListShowsOnlyThePeopleTheCallerMaySee() {
        UUID personId = register.onRegister();
        String requestId = requested(api.professional, personId);

        for (String reader : List.of(api.professional, api.dsrTeam, api.dsrLead)) {
            ApiResponse list = api.http.get("/meetings/exceptions?status=REQUESTED&limit=200", reader);
            assertThat(list.status()).as(list.text()).isEqualTo(200);
            assertThat(list.json().get("entries").findValuesAsText("requestId")).contains(requestId);
            assertThat(api.http.get("/meetings/exceptions/" + requestId, reader).status()).isEqualTo(200);
        }
        for (String outsider : List.of(api.anotherProfessional, api.dsrTeamInWiltshire)) {
            ApiResponse list = api.http.get("/meetings/exceptions?limit=200", outsider);
            assertThat(list.status()).as(list.text()).isEqualTo(200);
            assertThat(list.json().get("entries").findValuesAsText("requestId")).doesNotContain(requestId);
            assertProblem(api.http.get("/meetings/exceptions/" + requestId, outsider), 404, null);
        }
        for (String refused : List.of(api.analyst, api.admin, api.agencySystem)) {
            assertThat(api.http.get("/meetings/exceptions", refused).status()).isEqualTo(403);
            assertThat(api.http.get("/meetings/exceptions/" + requestId, refused).status()).isEqualTo(403);
        }
        assertProblem(api.http.get("/meetings/exceptions?status=HELD", api.dsrLead), 400, "status");
        assertProblem(api.http.get("/meetings/exceptions?after=nonsense", api.dsrLead), 400, "after");
        assertThat(api.http.get("/meetings/exceptions?status=SCHEDULED&limit=200", api.dsrLead).json()
                .get("entries").findValuesAsText("requestId")).doesNotContain(requestId);

        // Keyset pages: one at a time, each once.
        requested(api.professional, personId);
        ApiResponse first = api.http.get("/meetings/exceptions?limit=1", api.professional);
        String next = first.json().get("next").asText();
        ApiResponse second = api.http.get("/meetings/exceptions?limit=1&after=" + next, api.professional);
        assertThat(second.status()).as(second.text()).isEqualTo(200);
        assertThat(second.json().get("entries").findValuesAsText("requestId"))
                .doesNotContainAnyElementsOf(first.json().get("entries").findValuesAsText("requestId"));
    }

    private long eventsInOutbox(String type, String meetingId) {
        try (Connection connection = DriverManager.getConnection(databaseUrl, databaseUser, databasePassword);
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*) FROM dsr_kit.outbox_event WHERE type = ? AND payload->>'meetingId' = ?")) {
            query.setString(1, type);
            query.setString(2, meetingId);
            try (ResultSet found = query.executeQuery()) {
                found.next();
                return found.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
