package org.opendsr.meeting.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.meeting.CancellationReason;
import org.opendsr.contracts.Topics;
import org.opendsr.kit.calendar.WorkingDayCalendars;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.meeting.series.application.SchedulingSeriesMeetings;
import org.opendsr.meeting.series.application.TrackingSeries;
import org.opendsr.meeting.series.domain.BankHolidayRule;
import org.opendsr.meeting.series.domain.SeriesTerms;
import org.opendsr.meeting.series.domain.TrackingMeetingSeries;
import org.opendsr.meeting.shared.application.MeetingChanges;
import org.opendsr.meeting.shared.application.Meetings;
import org.opendsr.meeting.shared.domain.Meeting;
import org.opendsr.meeting.support.MeetingServiceUnderTest;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.TestTokens;
import org.opendsr.testkit.events.PublishedEvents;

/**
 * Tracking-meeting series through meeting-service's API, on real PostgreSQL and Kafka: set up by the DSR team of the
 * area or a lead with the configured defaults, changed (future meetings follow), read; every other caller refused.
 */
@MicronautTest(transactional = false)
class SeriesApiTest extends MeetingServiceUnderTest {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    @Inject
    WorkingDayCalendars calendars;

    @Inject
    TrackingSeries trackingSeries;

    @Inject
    SchedulingSeriesMeetings scheduling;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    Meetings meetings;

    @Inject
    MeetingChanges changes;

    private PublishedEvents published;

    @BeforeAll
    void readTheMeetingTopic() {
        published = new PublishedEvents(Topics.MEETING_EVENTS);
    }

    @AfterAll
    void stopReading() {
        published.close();
    }

    /** An area no other test uses, and a DSR team member who works in it. */
    private static String newArea() {
        return "AREA_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static String dsrTeamOf(String area) {
        return TestTokens.get().tokenFor("dsr-team-" + area, List.of(DsrRoles.DSR_TEAM), Map.of("areas", List.of(area)),
                Duration.ofHours(1));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), UK);
    }

    private JsonNode meetingsOf(String area, String token) {
        ApiResponse response = api.http.get("/meetings?area=" + area + "&from=" + today() + "&to="
                + today().plusWeeks(8), token);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json().get("meetings");
    }

    @Test
    void theDsrTeamSetsUpTheirAreasSeriesWithTheConfiguredDefaultsAndItsMeetingsAreScheduled() {
        String area = newArea();
        String team = dsrTeamOf(area);

        ApiResponse created = api.http.post("/meetings/series", team, Map.of("area", area));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode series = created.json();
        assertThat(series.get("dayOfWeek").asText()).isEqualTo("THURSDAY");
        assertThat(series.get("intervalWeeks").asInt()).isEqualTo(2);
        assertThat(series.get("startTime").asText()).isEqualTo("10:00");
        assertThat(series.get("durationMinutes").asInt()).isEqualTo(90);
        assertThat(series.get("bankHolidayRule").asText()).isEqualTo("MOVE_TO_NEXT_WORKING_DAY");
        assertThat(series.get("onlineLink").asText()).startsWith("https://");
        assertThat(series.get("active").asBoolean()).isTrue();
        LocalDate first = LocalDate.parse(series.get("firstMeetingOn").asText());
        assertThat(first.getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);
        assertThat(first).isBetween(today(), today().plusDays(7));

        JsonNode meetings = meetingsOf(area, team);
        assertThat(meetings).hasSizeBetween(4, 5);
        for (JsonNode meeting : meetings) {
            assertThat(meeting.get("kind").asText()).isEqualTo("TRACKING");
            assertThat(meeting.get("status").asText()).isEqualTo("SCHEDULED");
            assertThat(meeting.get("sequence").asInt()).isZero();
            assertThat(meeting.get("startTime").asText()).isEqualTo("10:00");
            assertThat(meeting.get("seriesId").asText()).isEqualTo(series.get("seriesId").asText());
        }
        String firstMeeting = meetings.get(0).get("meetingId").asText();
        assertThat(published.first(UUID.fromString(firstMeeting), EventTypes.MEETING_SCHEDULED_V1)).isNotNull();

        // A second series for the area is refused: change the one it has.
        ApiResponse again = api.http.post("/meetings/series", api.dsrLead, Map.of("area", area));
        assertThat(again.status()).as(again.text()).isEqualTo(409);
        assertThat(again.text()).contains("series-exists");
        assertThat(meetingsOf(area, team)).hasSize(meetings.size());
    }

    @Test
    void theRequestOverridesEachDefault() {
        String area = newArea();
        LocalDate firstTuesday = nextOnOrAfter(today().plusDays(1), DayOfWeek.TUESDAY);

        ApiResponse created = api.http.post("/meetings/series", api.dsrLead, Map.of("area", area,
                "dayOfWeek", "TUESDAY", "intervalWeeks", 1, "startTime", "13:30", "durationMinutes", 60,
                "firstMeetingOn", firstTuesday.toString(), "onlineLink", "https://meet.example.nhs.uk/" + area,
                "bankHolidayRule", "SKIP"));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json().get("bankHolidayRule").asText()).isEqualTo("SKIP");
        JsonNode meetings = meetingsOf(area, api.dsrLead);
        assertThat(meetings.size()).isBetween(7, 8);
        assertThat(meetings.get(0).get("date").asText()).isEqualTo(firstTuesday.toString());
        assertThat(meetings.get(0).get("startTime").asText()).isEqualTo("13:30");
        assertThat(meetings.get(0).get("onlineLink").asText()).isEqualTo("https://meet.example.nhs.uk/" + area);
        assertThat(Duration.between(Instant.parse(meetings.get(0).get("startsAt").asText()),
                Instant.parse(meetings.get(0).get("endsAt").asText()))).isEqualTo(Duration.ofMinutes(60));
    }

    @Test
    void changingTheTimeReschedulesFutureMeetingsAndChangingTheDayCancelsTheOldOnesAsRearranged() {
        String area = newArea();
        String team = dsrTeamOf(area);
        String seriesId = api.http.post("/meetings/series", team, Map.of("area", area)).json().get("seriesId")
                .asText();
        JsonNode before = meetingsOf(area, team);

        ApiResponse retimed = api.http.put("/meetings/series/" + seriesId, team, Map.of("startTime", "14:00"));

        assertThat(retimed.status()).as(retimed.text()).isEqualTo(200);
        JsonNode after = meetingsOf(area, team);
        assertThat(after).hasSize(before.size());
        for (JsonNode meeting : after) {
            assertThat(meeting.get("startTime").asText()).isEqualTo("14:00");
            assertThat(meeting.get("sequence").asInt()).isEqualTo(1);
        }
        String firstId = after.get(0).get("meetingId").asText();
        assertThat(after.get(0).get("meetingId").asText()).isEqualTo(before.get(0).get("meetingId").asText());
        ApiResponse ics = api.http.get("/meetings/" + firstId + "/invitation.ics", team);
        assertThat(ics.text()).contains("SEQUENCE:1").contains("T140000").contains("METHOD:REQUEST");

        ApiResponse moved = api.http.put("/meetings/series/" + seriesId, team, Map.of("dayOfWeek", "WEDNESDAY"));

        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        JsonNode now = meetingsOf(area, team);
        assertThat(now).filteredOn(m -> m.get("status").asText().equals("CANCELLED"))
                .hasSize(before.size())
                .allSatisfy(m -> assertThat(m.get("cancellationReason").asText()).isEqualTo("REARRANGED"));
        assertThat(now).filteredOn(m -> m.get("status").asText().equals("SCHEDULED")).isNotEmpty()
                .allSatisfy(m -> assertThat(LocalDate.parse(m.get("date").asText()).getDayOfWeek())
                        .isEqualTo(DayOfWeek.WEDNESDAY));
        ApiResponse cancelledIcs = api.http.get("/meetings/" + firstId + "/invitation.ics", team);
        assertThat(cancelledIcs.text()).contains("METHOD:CANCEL").contains("STATUS:CANCELLED")
                .contains("SEQUENCE:2");
        assertThat(published.first(UUID.fromString(firstId), EventTypes.MEETING_CANCELLED_V1)).isNotNull();

        // Stopping the series cancels what is left.
        ApiResponse stopped = api.http.put("/meetings/series/" + seriesId, team, Map.of("active", false));
        assertThat(stopped.status()).as(stopped.text()).isEqualTo(200);
        assertThat(meetingsOf(area, team)).allSatisfy(m -> assertThat(m.get("status").asText())
                .isEqualTo("CANCELLED"));
    }

    @Test
    void aMeetingOnABankHolidayMovesToTheNextWorkingDayAndSaysSo() {
        LocalDate holiday = nextWeekdayBankHoliday();
        assumeTrue(!holiday.isAfter(today().plusWeeks(8)), "no bank holiday in the next 8 weeks");
        String area = newArea();

        ApiResponse created = api.http.post("/meetings/series", api.dsrLead, Map.of("area", area,
                "dayOfWeek", holiday.getDayOfWeek().name(), "intervalWeeks", 1,
                "firstMeetingOn", nextOnOrAfter(today().plusDays(1), holiday.getDayOfWeek()).toString()));
        assertThat(created.status()).as(created.text()).isEqualTo(201);

        LocalDate nextWorkingDay = calendars.current().workingDaysAfter(holiday, 1);
        assertThat(meetingsOf(area, api.dsrLead))
                .filteredOn(m -> holiday.toString().equals(m.path("movedFrom").asText()))
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.get("startTime").asText()).isEqualTo("10:00");
                    assertThat(m.get("date").asText()).isEqualTo(nextWorkingDay.toString());
                });
    }

    @Test
    void badTermsAreRefusedNamingTheFieldAndNothingIsWritten() {
        String area = newArea();
        String team = dsrTeamOf(area);
        LocalDate thursday = nextOnOrAfter(today().plusDays(1), DayOfWeek.THURSDAY);

        assertRefused(Map.of(), team, "area");
        assertRefused(Map.of("area", "Not an area code", "dayOfWeek", "MONDAY"), api.dsrLead, "area");
        assertRefused(Map.of("area", area, "dayOfWeek", "FUNDAY"), team, "dayOfWeek");
        assertRefused(Map.of("area", area, "dayOfWeek", "SATURDAY"), team, "dayOfWeek");
        assertRefused(Map.of("area", area, "intervalWeeks", 0), team, "intervalWeeks");
        assertRefused(Map.of("area", area, "intervalWeeks", 9), team, "intervalWeeks");
        assertRefused(Map.of("area", area, "startTime", "25:00"), team, "startTime");
        assertRefused(Map.of("area", area, "startTime", "10am"), team, "startTime");
        assertRefused(Map.of("area", area, "durationMinutes", 5), team, "durationMinutes");
        assertRefused(Map.of("area", area, "onlineLink", "http://meet.example.nhs.uk/x"), team, "onlineLink");
        assertRefused(Map.of("area", area, "onlineLink", "not a link"), team, "onlineLink");
        assertRefused(Map.of("area", area, "firstMeetingOn", "2026-13-01"), team, "firstMeetingOn");
        assertRefused(Map.of("area", area, "firstMeetingOn", thursday.plusDays(1).toString()), team,
                "firstMeetingOn");
        assertRefused(Map.of("area", area, "firstMeetingOn", nextOnOrAfter(today().minusWeeks(2),
                DayOfWeek.THURSDAY).toString()), team, "firstMeetingOn");
        assertRefused(Map.of("area", area, "bankHolidayRule", "MAYBE"), team, "bankHolidayRule");

        assertThat(api.http.get("/meetings/series?area=" + area, team).json().get("series")).isEmpty();
        assertThat(meetingsOf(area, team)).isEmpty();

        String seriesId = api.http.post("/meetings/series", team, Map.of("area", area)).json().get("seriesId")
                .asText();
        ApiResponse badChange = api.http.put("/meetings/series/" + seriesId, team, Map.of("intervalWeeks", 12));
        assertThat(badChange.status()).as(badChange.text()).isEqualTo(400);
        assertThat(badChange.text()).contains("intervalWeeks");
        assertThat(api.http.get("/meetings/series/" + seriesId, team).json().get("intervalWeeks").asInt())
                .isEqualTo(2);
    }

    @Test
    void onlyTheDsrTeamOfTheAreaAndLeadsWorkWithASeries() {
        String area = newArea();
        String team = dsrTeamOf(area);
        String seriesId = api.http.post("/meetings/series", team, Map.of("area", area)).json().get("seriesId")
                .asText();
        Map<String, Object> change = Map.of("startTime", "11:00");

        for (String refused : api.notTheDsr()) {
            assertThat(api.http.post("/meetings/series", refused, Map.of("area", newArea())).status()).isEqualTo(403);
            assertThat(api.http.get("/meetings/series?area=" + area, refused).status()).isEqualTo(403);
            assertThat(api.http.get("/meetings/series/" + seriesId, refused).status()).isEqualTo(403);
            assertThat(api.http.put("/meetings/series/" + seriesId, refused, change).status()).isEqualTo(403);
            assertThat(api.http.get("/meetings?area=" + area, refused).status()).isEqualTo(403);
        }
        // Another area's DSR team: as if the series did not exist.
        String elsewhere = api.dsrTeamInWiltshire;
        assertThat(api.http.post("/meetings/series", elsewhere, Map.of("area", newArea())).status()).isEqualTo(404);
        assertThat(api.http.get("/meetings/series?area=" + area, elsewhere).status()).isEqualTo(404);
        assertThat(api.http.get("/meetings/series/" + seriesId, elsewhere).status()).isEqualTo(404);
        assertThat(api.http.put("/meetings/series/" + seriesId, elsewhere, change).status()).isEqualTo(404);
        assertThat(api.http.get("/meetings?area=" + area, elsewhere).status()).isEqualTo(404);
        assertThat(api.http.get("/meetings/series", elsewhere).json().get("series"))
                .noneSatisfy(s -> assertThat(s.get("area").asText()).isEqualTo(area));
        // The area's team and leads.
        assertThat(api.http.get("/meetings/series/" + seriesId, team).status()).isEqualTo(200);
        assertThat(api.http.get("/meetings/series", team).json().get("series")).singleElement()
                .satisfies(s -> assertThat(s.get("seriesId").asText()).isEqualTo(seriesId));
        assertThat(api.http.get("/meetings/series/" + seriesId, api.dsrLead).status()).isEqualTo(200);
        assertThat(api.http.put("/meetings/series/" + seriesId, api.dsrLead, change).status()).isEqualTo(200);
        assertThat(api.http.get("/meetings/series", api.dsrLead).json().get("series"))
                .anySatisfy(s -> assertThat(s.get("seriesId").asText()).isEqualTo(seriesId));
        assertThat(api.http.get("/meetings/series/" + UUID.randomUUID(), api.dsrLead).status()).isEqualTo(404);
    }

    @Test
    void twoReplicasSchedulingTheSameSeriesAtOnceMakeEachMeetingOnceAndTheSweepChangesNothing() throws Exception {
        String area = newArea();
        TrackingMeetingSeries created = TrackingMeetingSeries.start(UUID.randomUUID(), area, new SeriesTerms(
                DayOfWeek.MONDAY, 1, LocalTime.of(10, 0), Duration.ofMinutes(60),
                nextOnOrAfter(today().plusDays(1), DayOfWeek.MONDAY), "https://meet.example.nhs.uk/" + area,
                BankHolidayRule.MOVE_TO_NEXT_WORKING_DAY));
        transactions.executeWrite(status -> {
            trackingSeries.save(created);
            return null;
        });

        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(replicas.submit(() -> {
                    start.await();
                    return scheduling.keepScheduled(created.id());
                }));
            }
            start.countDown();
            int made = runs.get(0).get(30, TimeUnit.SECONDS) + runs.get(1).get(30, TimeUnit.SECONDS);
            JsonNode meetings = meetingsOf(area, api.dsrLead);
            assertThat(meetings.size()).isEqualTo(made).isBetween(8, 9);
            assertThat(meetings).extracting(m -> m.get("date").asText()).doesNotHaveDuplicates();
        } finally {
            replicas.shutdownNow();
        }

        ApiResponse swept = api.http.post("/meetings/sweeps", api.dsrLead, "");
        assertThat(swept.status()).as(swept.text()).isEqualTo(200);
        assertThat(swept.text()).contains("tracking-meetings-scheduled");
        assertThat(scheduling.keepScheduled(created.id())).isZero();
    }

    @Test
    void seriesChangesAndReadsAreAuditedRefusalsIncluded() {
        String area = newArea();
        String team = dsrTeamOf(area);
        String seriesId = api.http.post("/meetings/series", team, Map.of("area", area)).json().get("seriesId")
                .asText();
        api.http.put("/meetings/series/" + seriesId, team, Map.of("startTime", "11:00"));
        api.http.get("/meetings/series/" + seriesId, api.dsrTeamInWiltshire);

        List<String> audited = transactions.executeRead(status -> {
            List<String> rows = new ArrayList<>();
            try (PreparedStatement query = status.getConnection().prepareStatement("SELECT actor || ' ' || action "
                    + "|| ' ' || outcome || ' ' || coalesce(person_id::text, 'no person') FROM dsr_kit.audit_entry "
                    + "WHERE what LIKE ? ORDER BY seq")) {
                query.setString(1, "%" + seriesId + "%");
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        rows.add(result.getString(1));
                    }
                }
            }
            return rows;
        });
        assertThat(audited).contains("dsr-team-" + area + " CREATE ALLOWED no person",
                "dsr-team-" + area + " CHANGE ALLOWED no person");
        ApiResponse listed = api.http.get("/meetings?area=" + area, team);
        assertThat(listed.status()).isEqualTo(200);
        int refusals = transactions.executeRead(status -> {
            try (PreparedStatement query = status.getConnection().prepareStatement("SELECT count(*) FROM "
                    + "dsr_kit.audit_entry WHERE action = 'READ' AND outcome = ? AND what LIKE ?")) {
                query.setString(1, "REFUSED");
                query.setString(2, "tracking meeting series%");
                try (ResultSet result = query.executeQuery()) {
                    result.next();
                    return result.getInt(1);
                }
            }
        });
        assertThat(refusals).isPositive();
    }

    @Test
    void anUppercaseLinkSchemeIsStoredAsHttpsAndAnyOtherSchemeIsRefusedNotA500() {
        String area = newArea();
        String team = dsrTeamOf(area);

        ApiResponse created = api.http.post("/meetings/series", team,
                Map.of("area", area, "onlineLink", "HTTPS://meet.example.nhs.uk/" + area));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json().get("onlineLink").asText()).isEqualTo("https://meet.example.nhs.uk/" + area);
        String seriesId = created.json().get("seriesId").asText();
        ApiResponse changed = api.http.put("/meetings/series/" + seriesId, team,
                Map.of("onlineLink", "Https://meet.example.nhs.uk/other"));
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(changed.json().get("onlineLink").asText()).isEqualTo("https://meet.example.nhs.uk/other");
        assertThat(meetingsOf(area, team)).isNotEmpty().allSatisfy(meeting ->
                assertThat(meeting.get("onlineLink").asText()).isEqualTo("https://meet.example.nhs.uk/other"));
        ApiResponse http = api.http.put("/meetings/series/" + seriesId, team,
                Map.of("onlineLink", "HTTP://meet.example.nhs.uk/other"));
        assertThat(http.status()).as(http.text()).isEqualTo(400);
        assertThat(http.text()).contains("onlineLink");
    }

    @Test
    void theAreaFollowsTheEventContractsRule() {
        String tooLong = "A" + "B".repeat(40);
        assertRefused(Map.of("area", tooLong), api.dsrLead, "area");
        assertRefused(Map.of("area", "lower"), api.dsrLead, "area");

        String hyphenated = "AREA-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        ApiResponse created = api.http.post("/meetings/series", api.dsrLead, Map.of("area", hyphenated));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json().get("area").asText()).isEqualTo(hyphenated);
    }

    @Test
    void aFirstMeetingBeyondThePlanningHorizonIsRefused() {
        String area = newArea();
        String team = dsrTeamOf(area);
        LocalDate farAway = nextOnOrAfter(today().plusYears(3), DayOfWeek.THURSDAY);

        assertRefused(Map.of("area", area, "firstMeetingOn", farAway.toString()), team, "firstMeetingOn");
        assertRefused(Map.of("area", area, "firstMeetingOn", "+99999-01-07"), team, "firstMeetingOn");

        String seriesId = api.http.post("/meetings/series", team, Map.of("area", area)).json().get("seriesId")
                .asText();
        ApiResponse moved = api.http.put("/meetings/series/" + seriesId, team,
                Map.of("firstMeetingOn", farAway.toString()));
        assertThat(moved.status()).as(moved.text()).isEqualTo(400);
        assertThat(moved.text()).contains("firstMeetingOn");
        assertThat(meetingsOf(area, team)).isNotEmpty();
    }

    /**
     * A series change while one of its meetings is being cancelled (its row locked by the cancellation, which commits
     * a moment later): the series change waits for it and leaves the cancelled meeting cancelled, with one sequence
     * per change (the change never writes the meeting back SCHEDULED over the cancellation).
     */
    @Test
    void aMeetingCancelledWhileItsSeriesChangesStaysCancelled() throws Exception {
        String area = newArea();
        String team = dsrTeamOf(area);
        String seriesId = api.http.post("/meetings/series", team, Map.of("area", area, "startTime", "10:00"))
                .json().get("seriesId").asText();
        UUID meetingId = UUID.fromString(meetingsOf(area, team).get(0).get("meetingId").asText());

        ExecutorService cancelling = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch locked = new CountDownLatch(1);
            Future<?> cancellation = cancelling.submit(() -> transactions.executeWrite(status -> {
                Meeting meeting = meetings.findForUpdate(meetingId).orElseThrow();
                locked.countDown();
                // The signal: the series change is waiting for this meeting's row lock. Only then does the
                // cancellation commit, so the series change reads the meeting after it, whatever the machine's speed.
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                        .until(() -> aMeetingLockIsAwaited(status.getConnection()));
                changes.record(meeting.cancel(CancellationReason.CHAIR_UNAVAILABLE, clock.instant()));
                return null;
            }));
            assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();

            ApiResponse changed = api.http.put("/meetings/series/" + seriesId, team, Map.of("startTime", "11:00"));

            cancellation.get(30, TimeUnit.SECONDS);
            assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        } finally {
            cancelling.shutdownNow();
        }
        JsonNode meeting = api.http.get("/meetings/" + meetingId, team).json();
        assertThat(meeting.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(meeting.get("sequence").asInt()).isEqualTo(1);
        assertThat(meeting.get("startTime").asText()).isEqualTo("10:00");
        assertThat(meetingsOf(area, team)).filteredOn(m -> !m.get("meetingId").asText().equals(meetingId.toString()))
                .isNotEmpty().allSatisfy(m -> assertThat(m.get("startTime").asText()).isEqualTo("11:00"));
    }

    private void assertRefused(Map<String, Object> request, String token, String field) {
        ApiResponse response = api.http.post("/meetings/series", token, new HashMap<>(request));
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.contentType()).contains("application/problem+json");
        assertThat(response.text()).contains(field);
    }

    /**
     * Whether another session is waiting for a lock (here: the series change, for the meeting row this transaction
     * holds). pg_locks, not pg_stat_activity: it shows every ungranted lock whatever the statistics settings.
     */
    private static boolean aMeetingLockIsAwaited(java.sql.Connection connection) throws java.sql.SQLException {
        try (var waiting = connection.prepareStatement(
                "SELECT count(*) FROM pg_locks WHERE NOT granted AND pid <> pg_backend_pid()");
             var rows = waiting.executeQuery()) {
            return rows.next() && rows.getInt(1) > 0;
        }
    }

    private static LocalDate nextOnOrAfter(LocalDate day, DayOfWeek dayOfWeek) {
        LocalDate next = day;
        while (next.getDayOfWeek() != dayOfWeek) {
            next = next.plusDays(1);
        }
        return next;
    }

    private LocalDate nextWeekdayBankHoliday() {
        LocalDate day = today().plusDays(1);
        while (calendars.current().isWorkingDay(day) || day.getDayOfWeek() == DayOfWeek.SATURDAY
                || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }

}
