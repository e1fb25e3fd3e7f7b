package org.opendsr.meeting.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.contracts.risk.ObligationKind;
import org.opendsr.meeting.shared.application.Meetings;
import org.opendsr.meeting.shared.domain.Meeting;
import org.opendsr.meeting.support.MeetingServiceUnderTest;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.PersonDataSearch;
import org.opendsr.testkit.events.PublishedEvents;
import org.opendsr.testkit.events.ReferralEvents;

/**
 * Issue 16: meeting-service follows a person's erasure, merge and restriction of processing from referral-service's
 * events, on the real database and broker. An erased person's Meeting by Exception, outcomes, actions,
 * recommendations and bookings are gone, a tracking meeting they shared stays with the others' outcomes, and the
 * erasure is confirmed once; a merged duplicate's outcomes, requests and bookings are the survivor's, read by either
 * personId; a restriction shows on the person's outcomes and bookings.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeetingPersonLifecycleTest extends MeetingServiceUnderTest {

    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

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

    private PersonDataSearch store;
    private PublishedEvents meetingEvents;

    @BeforeAll
    void prepare() {
        store = new PersonDataSearch(databaseUrl, databaseUser, databasePassword);
        meetingEvents = new PublishedEvents(Topics.MEETING_EVENTS);
    }

    @AfterAll
    void close() {
        meetingEvents.close();
    }

    // --- fixtures ---

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ENGLAND);
    }

    /** A tracking meeting of SWINDON that started two hours ago and was held. */
    private Meeting heldTrackingMeeting() {
        Instant startsAt = clock.instant().minus(Duration.ofHours(2));
        Meeting meeting = Meeting.tracking(UUID.randomUUID(), ReferralEvents.AREA, UUID.randomUUID(), startsAt,
                startsAt.plus(Duration.ofHours(1)), "https://meet.example/dsr").meeting();
        meeting.hold(startsAt.plus(Duration.ofHours(1)));
        transactions.executeWrite(status -> {
            meetings.save(meeting);
            return null;
        });
        return meeting;
    }

    private String outcomeAt(Meeting meeting, UUID personId) {
        Map<String, Object> body = new HashMap<>();
        body.put("personId", personId.toString());
        body.put("summary", "Placement holding; family coping");
        body.put("decisions", List.of("Keep on the register"));
        body.put("actions", List.of(Map.of("description", "Ask the community team for a review",
                "ownerAgency", "swindon-community-ld-team", "dueOn", today().plusDays(7).toString())));
        body.put("recommendations", List.of(Map.of("serviceType", "SHORT_BREAKS")));
        ApiResponse response = api.http.post("/meetings/" + meeting.id() + "/outcomes", api.dsrTeam, body);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json().get("outcomeId").asText();
    }

    /** A Meeting by Exception requested for the person and scheduled on a working day ahead. */
    private UUID exceptionMeetingOf(UUID personId) {
        ApiResponse requested = api.http.post("/meetings/exceptions", api.professional,
                Map.of("personId", personId.toString(), "reason", "SERVICES_DISAGREE"));
        assertThat(requested.status()).as(requested.text()).isEqualTo(201);
        LocalDate day = today().plusDays(2);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY
                || day.getDayOfWeek() == DayOfWeek.MONDAY || day.getDayOfWeek() == DayOfWeek.FRIDAY) {
            day = day.plusDays(1);
        }
        Instant start = day.atTime(LocalTime.of(10, 0)).atZone(ENGLAND).toInstant();
        ApiResponse scheduled = api.http.post("/meetings/exceptions/" + requested.json().get("requestId").asText()
                        + "/schedule", api.dsrLead, Map.of("startsAt", start.toString(),
                "endsAt", start.plus(Duration.ofHours(1)).toString(), "onlineLink", "https://meet.example.org/mbe"));
        assertThat(scheduled.status()).as(scheduled.text()).isEqualTo(200);
        return UUID.fromString(scheduled.json().get("meetingId").asText());
    }

    /** A community C(E)TR booked for the person, two weeks ahead. */
    private String bookingOf(UUID personId) {
        UUID obligationId = register.obligationDue(personId, ObligationKind.COMMUNITY_CTR, today().plusDays(14),
                RagRating.RED);
        Instant start = today().plusDays(14).atTime(LocalTime.of(10, 0)).atZone(ENGLAND).toInstant();
        ApiResponse booked = api.http.post("/meetings/bookings", api.dsrTeam, Map.of("obligationId",
                obligationId.toString(), "reviewType", "COMMUNITY_CTR", "startsAt", start.toString(),
                "endsAt", start.plus(Duration.ofHours(2)).toString(), "location", "Civic Centre, room 2"));
        assertThat(booked.status()).as(booked.text()).isEqualTo(201);
        return booked.json().get("bookingId").asText();
    }

    private JsonNode outcomesOf(UUID personId) {
        ApiResponse response = api.http.get("/meetings/people/" + personId + "/outcomes", api.dsrTeam);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    private JsonNode bookingsOf(UUID personId) {
        ApiResponse response = api.http.get("/meetings/people/" + personId + "/bookings", api.dsrTeam);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    /** The meeting's agenda, assembled with these people on it (in order) and frozen, as at its cut-off. */
    private void frozenAgendaOf(Meeting meeting, UUID... people) {
        try (Connection connection = java.sql.DriverManager.getConnection(databaseUrl, databaseUser, databasePassword)) {
            try (java.sql.PreparedStatement agenda = connection.prepareStatement(
                    "INSERT INTO agenda (meeting_id, status, assembled_at) VALUES (?, 'DRAFT', now())")) {
                agenda.setObject(1, meeting.id());
                agenda.executeUpdate();
            }
            int position = 1;
            for (UUID personId : people) {
                try (java.sql.PreparedStatement item = connection.prepareStatement(
                        "INSERT INTO agenda_item (meeting_id, position, person_id, reason_codes, reason_whys) "
                                + "VALUES (?, ?, ?, ARRAY['RATED_RED'], ARRAY['Rated RED'])")) {
                    item.setObject(1, meeting.id());
                    item.setInt(2, position++);
                    item.setObject(3, personId);
                    item.executeUpdate();
                }
            }
            try (java.sql.PreparedStatement freeze = connection.prepareStatement(
                    "UPDATE agenda SET status = 'FROZEN', frozen_at = now() WHERE meeting_id = ?")) {
                freeze.setObject(1, meeting.id());
                freeze.executeUpdate();
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    private List<String> agendaPeople(Meeting meeting) {
        List<String> people = new java.util.ArrayList<>();
        try (Connection connection = java.sql.DriverManager.getConnection(databaseUrl, databaseUser, databasePassword);
             java.sql.PreparedStatement select = connection.prepareStatement(
                     "SELECT person_id FROM agenda_item WHERE meeting_id = ? ORDER BY position")) {
            select.setObject(1, meeting.id());
            try (java.sql.ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    people.add(rows.getString(1));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        return people;
    }

    /** The outcomes' own ids (their actions and recommendations name them too). */
    private static List<String> outcomeIds(JsonNode outcomes) {
        List<String> ids = new java.util.ArrayList<>();
        outcomes.get("outcomes").forEach(outcome -> ids.add(outcome.get("outcomeId").asText()));
        return ids;
    }

    private void awaitProcessed(ObjectNode event) {
        String id = event.get("id").asText();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> store.processed(id));
    }

    /** Delivers the same event again, then a marker behind it on the same partition, and waits for the marker. */
    private void redeliverAndSettle(UUID key, ObjectNode event) {
        referrals.send(key, event.deepCopy());
        ObjectNode marker = ReferralEvents.goldenSample(EventTypes.PERSON_PROCESSING_RESTRICTED_V1, UUID.randomUUID());
        referrals.send(key, marker);
        awaitProcessed(marker);
    }

    // --- erasure ---

    @Test
    void anErasedPersonLeavesNothingHereAndTheTrackingMeetingTheySharedKeepsTheOthers() {
        UUID erased = register.onRegister();
        UUID other = register.onRegister();
        Meeting shared = heldTrackingMeeting();
        outcomeAt(shared, erased);
        String othersOutcome = outcomeAt(shared, other);
        UUID exceptionMeeting = exceptionMeetingOf(erased);
        bookingOf(erased);
        frozenAgendaOf(shared, erased, other);
        assertThat(store.tablesHolding(erased)).contains("public.meeting_outcome.person_id",
                "public.meeting_action.person_id", "public.service_recommendation.person_id",
                "public.meeting.person_id", "public.exception_request.person_id", "public.review_booking.person_id",
                "public.register_person.person_id", "dsr_kit.care_team.person_id");

        ObjectNode erasure = referrals.erased(erased);
        awaitProcessed(erasure);

        assertThat(store.tablesHolding(erased)).isEmpty();
        assertThat(store.auditedActions(erased)).containsOnlyOnce("ERASED");
        assertThat(api.http.get("/meetings/" + exceptionMeeting, api.dsrLead).status()).isEqualTo(404);
        // The tracking meeting stays, with the other person's item on its frozen agenda and their outcome.
        assertThat(agendaPeople(shared)).containsExactly(other.toString());
        ApiResponse sharedOutcomes = api.http.get("/meetings/" + shared.id() + "/outcomes", api.dsrTeam);
        assertThat(outcomeIds(sharedOutcomes.json())).containsExactly(othersOutcome);
        PublishedEvents.Published confirmation = meetingEvents.first(erased, EventTypes.MEETING_ERASURE_CONFIRMED_V1);
        assertThat(confirmation.data().get("service").asText()).isEqualTo("meeting-service");
        assertThat(confirmation.data().get("recordsErased").asLong()).isGreaterThanOrEqualTo(8);

        redeliverAndSettle(erased, erasure);
        assertThat(store.auditedActions(erased)).containsOnlyOnce("ERASED");
        assertThat(store.outboxEvents(erased, EventTypes.MEETING_ERASURE_CONFIRMED_V1)).isEqualTo(1);
        assertThat(meetingEvents.allAbout(erased, Duration.ofSeconds(2)).stream()
                .filter(event -> event.type().equals(EventTypes.MEETING_ERASURE_CONFIRMED_V1))).hasSize(1);
    }

    @Test
    void someoneNeverHeardOfIsConfirmedWithNothingErased() {
        UUID stranger = UUID.randomUUID();
        awaitProcessed(referrals.erased(stranger));
        assertThat(meetingEvents.first(stranger, EventTypes.MEETING_ERASURE_CONFIRMED_V1).data().get("recordsErased")
                .asLong()).isZero();
    }

    // --- merge ---

    @Test
    void aMergedDuplicatesOutcomesRequestsAndBookingsAreTheSurvivorsReadByEitherPersonId() {
        UUID survivor = register.onRegister();
        UUID duplicate = register.onRegister();
        Meeting meeting = heldTrackingMeeting();
        String survivorsOutcome = outcomeAt(meeting, survivor);
        String duplicatesOutcome = outcomeAt(heldTrackingMeeting(), duplicate);
        exceptionMeetingOf(duplicate);
        String booking = bookingOf(duplicate);
        Meeting both = heldTrackingMeeting();
        frozenAgendaOf(both, duplicate, survivor);
        Meeting duplicateOnly = heldTrackingMeeting();
        frozenAgendaOf(duplicateOnly, duplicate);

        ObjectNode merge = referrals.merged(duplicate, survivor);
        awaitProcessed(merge);

        JsonNode outcomes = outcomesOf(survivor);
        assertThat(outcomeIds(outcomes))
                .containsExactlyInAnyOrder(survivorsOutcome, duplicatesOutcome);
        // The person is discussed once at a meeting whose agenda held both records.
        assertThat(agendaPeople(both)).containsExactly(survivor.toString());
        assertThat(agendaPeople(duplicateOnly)).containsExactly(survivor.toString());
        assertThat(bookingsOf(survivor).get("bookings").findValuesAsText("bookingId")).containsExactly(booking);
        assertThat(outcomesOf(duplicate).get("personId").asText()).isEqualTo(survivor.toString());
        assertThat(bookingsOf(duplicate).get("personId").asText()).isEqualTo(survivor.toString());
        // The link, and the duplicate's audit key if its entries have values (they stay under its id).
        assertThat(store.tablesHolding(duplicate)).contains("public.merged_person.from_person_id")
                .isSubsetOf("public.merged_person.from_person_id", PersonDataSearch.AUDIT_KEY);
        assertThat(store.auditedActions(survivor)).containsOnlyOnce("MERGED");

        redeliverAndSettle(duplicate, merge);
        assertThat(store.auditedActions(survivor)).containsOnlyOnce("MERGED");
        assertThat(outcomesOf(survivor)).isEqualTo(outcomes);

        // A rating risk-service published about the duplicate after the merge is the survivor's.
        referrals.publishOn(Topics.RISK_EVENTS, duplicate, EventTypes.RISK_RATING_CHANGED_V1, data -> {
            data.put("rating", "BLUE");
            data.putNull("previousRating");
            data.put("ratedOn", today().toString());
            data.put("indicative", false);
        });
        register.awaitPerson(survivor, person -> person.rating() == RagRating.BLUE);
        // The link, and the duplicate's audit key if its entries have values (they stay under its id).
        assertThat(store.tablesHolding(duplicate)).contains("public.merged_person.from_person_id")
                .isSubsetOf("public.merged_person.from_person_id", PersonDataSearch.AUDIT_KEY);
    }

    // --- restriction ---

    @Test
    void aRestrictionOfProcessingShowsOnThePersonsOutcomesAndBookingsUntilItIsLifted() {
        UUID personId = register.onRegister();
        assertThat(outcomesOf(personId).get("processingRestricted").asBoolean()).isFalse();

        referrals.processingRestricted(personId, true);
        await().atMost(Duration.ofSeconds(60)).until(() -> outcomesOf(personId).get("processingRestricted").asBoolean());
        assertThat(bookingsOf(personId).get("processingRestricted").asBoolean()).isTrue();

        referrals.processingRestricted(personId, false);
        await().atMost(Duration.ofSeconds(60)).until(() -> !outcomesOf(personId).get("processingRestricted").asBoolean());
    }
}
