package org.opendsr.meeting.bookings;

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
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.contracts.risk.ObligationKind;
import org.opendsr.meeting.support.MeetingServiceUnderTest;
import org.opendsr.testkit.ApiClient.ApiResponse;

/**
 * Reviews booked against risk-service's obligations through the API on the real database and broker: two weeks'
 * notice for a planned C(E)TR (13 days refused naming startsAt, 14 accepted), documents due a day before, one open
 * booking per obligation, an urgent LAEP held (review-held in the outbox), a cancellation (review-cancelled), a
 * rebooking (review-booked again with a higher sequence), and every role.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookingApiTest extends MeetingServiceUnderTest {

    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    @Value("${datasources.default.url}")
    String databaseUrl;

    @Value("${datasources.default.username}")
    String databaseUser;

    @Value("${datasources.default.password}")
    String databasePassword;

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ENGLAND);
    }

    private Instant tenOClock(LocalDate day) {
        return day.atTime(LocalTime.of(10, 0)).atZone(ENGLAND).toInstant();
    }

    private Map<String, Object> ctr(UUID obligationId, Instant startsAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("obligationId", obligationId.toString());
        body.put("reviewType", "COMMUNITY_CTR");
        body.put("startsAt", startsAt.toString());
        body.put("endsAt", startsAt.plus(Duration.ofHours(2)).toString());
        body.put("location", "Civic Centre, room 2");
        return body;
    }

    private ApiResponse book(String token, Map<String, Object> body) {
        return api.http.post("/meetings/bookings", token, body);
    }

    private void assertProblem(ApiResponse response, int status, String field) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        if (field != null) {
            assertThat(response.json().get("errors").findValuesAsText("field")).as(response.text()).contains(field);
        }
    }

    private UUID redPersonWithACommunityCtr(UUID[] person) {
        UUID personId = register.onRegister();
        person[0] = personId;
        return register.obligationDue(personId, ObligationKind.COMMUNITY_CTR, today().plusDays(14), RagRating.RED);
    }

    @Test
    void aPlannedCtrNeedsTwoWeeksNoticeAndItsDocumentsAreDueADayBefore() {
        UUID[] person = new UUID[1];
        UUID obligationId = redPersonWithACommunityCtr(person);

        ApiResponse thirteen = book(api.dsrTeam, ctr(obligationId, tenOClock(today().plusDays(13))));
        assertProblem(thirteen, 400, "startsAt");
        assertThat(thirteen.text()).contains(today().plusDays(14).toString());

        Instant start = tenOClock(today().plusDays(14));
        ApiResponse fourteen = book(api.dsrTeam, ctr(obligationId, start));
        assertThat(fourteen.status()).as(fourteen.text()).isEqualTo(201);
        assertThat(fourteen.json().get("status").asText()).isEqualTo("BOOKED");
        assertThat(fourteen.json().get("sequence").asInt()).isZero();
        assertThat(Instant.parse(fourteen.json().get("documentsDueAt").asText()))
                .isEqualTo(start.minus(Duration.ofHours(24)));
        String bookingId = fourteen.json().get("bookingId").asText();
        assertThat(eventsInOutbox(EventTypes.MEETING_REVIEW_BOOKED_V1, bookingId)).isEqualTo(1);

        assertProblem(book(api.dsrLead, ctr(obligationId, tenOClock(today().plusDays(20)))), 409, "obligationId");

        ApiResponse ics = api.http.get("/meetings/bookings/" + bookingId + "/invitation.ics", api.professional);
        assertThat(ics.status()).as(ics.text()).isEqualTo(200);
        assertThat(ics.contentType()).startsWith("text/calendar");
        assertThat(ics.text()).contains("BEGIN:VCALENDAR").contains("UID:" + bookingId + "@dsr.opendsr.org")
                .contains("Europe/London").doesNotContain(person[0].toString());
    }

    @Test
    void whatCannotBeBookedIsRefusedNamingTheField() {
        UUID personId = register.onRegister();
        UUID partners = register.obligationDue(personId, ObligationKind.CTR_PARTNERS, today().plusDays(30),
                RagRating.GREEN);
        UUID ctr = register.obligationDue(personId, ObligationKind.COMMUNITY_CTR, today().plusDays(14),
                RagRating.RED);

        assertProblem(book(api.dsrTeam, ctr(partners, tenOClock(today().plusDays(20)))), 400, "obligationId");
        assertProblem(book(api.dsrTeam, ctr(UUID.randomUUID(), tenOClock(today().plusDays(20)))), 404, null);
        Map<String, Object> inpatient = ctr(ctr, tenOClock(today().plusDays(20)));
        inpatient.put("reviewType", "INPATIENT_CTR");
        assertProblem(book(api.dsrTeam, inpatient), 400, "reviewType");
        Map<String, Object> urgentCtr = ctr(ctr, tenOClock(today().plusDays(20)));
        urgentCtr.put("urgent", true);
        assertProblem(book(api.dsrTeam, urgentCtr), 400, "urgent");
        Map<String, Object> both = ctr(ctr, tenOClock(today().plusDays(20)));
        both.put("onlineLink", "https://meet.example.org/r/1");
        assertProblem(book(api.dsrTeam, both), 400, "location");
        // Issue 15: a link or a place is left out or given; a blank one is neither, and is refused naming it.
        Map<String, Object> blankLink = ctr(ctr, tenOClock(today().plusDays(20)));
        blankLink.put("onlineLink", "");
        assertProblem(book(api.dsrTeam, blankLink), 400, "onlineLink");
        Map<String, Object> blankPlace = ctr(ctr, tenOClock(today().plusDays(20)));
        blankPlace.put("location", "  ");
        assertProblem(book(api.dsrTeam, blankPlace), 400, "location");
        assertThat(bookingsOf(ctr)).as("nothing booked").isZero();
    }

    @Test
    void aPostAdmissionCtrNeedsNoNoticeAnInpatientCtrDoesAndNothingIsBookedPastTheHorizon() {
        UUID personId = register.onRegister();
        UUID postAdmission = register.obligationDue(personId, ObligationKind.POST_ADMISSION_CTR,
                today().plusDays(10), RagRating.BLUE);
        UUID inpatient = register.obligationDue(personId, ObligationKind.INPATIENT_CTR, today().plusDays(60),
                RagRating.BLUE);

        Map<String, Object> soon = ctr(postAdmission, tenOClock(today().plusDays(3)));
        soon.put("reviewType", "POST_ADMISSION_CTR");
        ApiResponse booked = book(api.dsrTeam, soon);
        assertThat(booked.status()).as(booked.text()).isEqualTo(201);

        Map<String, Object> inpatientSoon = ctr(inpatient, tenOClock(today().plusDays(3)));
        inpatientSoon.put("reviewType", "INPATIENT_CTR");
        assertProblem(book(api.dsrTeam, inpatientSoon), 400, "startsAt");

        Map<String, Object> tooFar = ctr(inpatient, tenOClock(today().plusYears(3)));
        tooFar.put("reviewType", "INPATIENT_CTR");
        ApiResponse refused = book(api.dsrTeam, tooFar);
        assertProblem(refused, 400, "startsAt");
        assertThat(refused.text()).contains("within 2 years");
        String bookingId = booked.json().get("bookingId").asText();
        Instant far = tenOClock(today().plusYears(3));
        assertProblem(api.http.put("/meetings/bookings/" + bookingId + "/time", api.dsrTeam,
                Map.of("startsAt", far.toString(), "endsAt", far.plusSeconds(3600).toString())), 400, "startsAt");
        Map<String, Object> malformed = ctr(inpatient, tenOClock(today().plusDays(20)));
        malformed.put("reviewType", "INPATIENT_CTR");
        malformed.put("startsAt", "next tuesday");
        assertProblem(book(api.dsrTeam, malformed), 400, "startsAt");
        malformed.put("startsAt", "+20000-01-01T10:00:00Z");
        assertProblem(book(api.dsrTeam, malformed), 400, "startsAt");
    }

    @Test
    void aClosedObligationOrAPersonWhoLeftTheRegisterHasItsOpenBookingsCancelled() {
        UUID personId = register.onRegister();
        UUID first = register.obligationDue(personId, ObligationKind.COMMUNITY_CTR, today().plusDays(14),
                RagRating.RED);
        UUID second = register.obligationDue(personId, ObligationKind.POST_ADMISSION_CTR, today().plusDays(10),
                RagRating.BLUE);
        String firstBooking = book(api.dsrTeam, ctr(first, tenOClock(today().plusDays(15))))
                .json().get("bookingId").asText();
        Map<String, Object> postAdmission = ctr(second, tenOClock(today().plusDays(5)));
        postAdmission.put("reviewType", "POST_ADMISSION_CTR");
        String secondBooking = book(api.dsrTeam, postAdmission).json().get("bookingId").asText();

        referrals.publishOn(org.opendsr.contracts.Topics.RISK_EVENTS, personId,
                EventTypes.RISK_OBLIGATION_COMPLETED_V1, data -> {
                    data.put("obligationId", first.toString());
                    data.put("kind", "COMMUNITY_CTR");
                    data.put("outcome", "NOT_NEEDED");
                });
        assertThat(awaitCancelled(firstBooking)).isEqualTo("CANCELLED NOT_NEEDED 1");
        assertThat(eventsInOutbox(EventTypes.MEETING_REVIEW_CANCELLED_V1, firstBooking)).isEqualTo(1);
        assertThat(booking(secondBooking)).isEqualTo("BOOKED - 0");

        referrals.removedFromRegister(personId, org.opendsr.contracts.referral.RemovalReason.STEPPED_DOWN);
        assertThat(awaitCancelled(secondBooking)).isEqualTo("CANCELLED PERSON_LEFT_REGISTER 1");
        assertThat(eventsInOutbox(EventTypes.MEETING_REVIEW_CANCELLED_V1, secondBooking)).isEqualTo(1);
        assertThat(eventsInOutbox(EventTypes.MEETING_REVIEW_CANCELLED_V1, firstBooking)).isEqualTo(1);
    }

    private String awaitCancelled(String bookingId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> booking(bookingId).startsWith("CANCELLED"));
        return booking(bookingId);
    }

    private String booking(String bookingId) {
        return row("SELECT status || ' ' || coalesce(cancellation_reason, '-') || ' ' || sequence FROM review_booking "
                + "WHERE id = ?", bookingId);
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
    void anUrgentLaepIsHeldOnceStartedAndReviewHeldIsPublished() {
        UUID personId = register.onRegister();
        UUID obligationId = register.obligationDue(personId, ObligationKind.COMMUNITY_CTR, today().plusDays(14),
                RagRating.RED);
        Instant start = clock.instant().plusSeconds(3);
        Map<String, Object> laep = ctr(obligationId, start);
        laep.put("reviewType", "LAEP");
        laep.put("urgent", true);

        ApiResponse booked = book(api.dsrTeam, laep);
        assertThat(booked.status()).as(booked.text()).isEqualTo(201);
        String bookingId = booked.json().get("bookingId").asText();
        assertProblem(api.http.post("/meetings/bookings/" + bookingId + "/held", api.dsrTeam, ""), 409, null);

        await().atMost(Duration.ofSeconds(10)).until(() -> clock.instant().isAfter(start));
        assertProblem(api.http.post("/meetings/bookings/" + bookingId + "/held", api.professional, ""), 403, null);
        ApiResponse held = api.http.post("/meetings/bookings/" + bookingId + "/held", api.dsrTeam, "");

        assertThat(held.status()).as(held.text()).isEqualTo(200);
        assertThat(held.json().get("status").asText()).isEqualTo("HELD");
        assertThat(eventsInOutbox(EventTypes.MEETING_REVIEW_HELD_V1, bookingId)).isEqualTo(1);
        assertProblem(api.http.post("/meetings/bookings/" + bookingId + "/cancellation", api.dsrTeam,
                Map.of("reason", "OTHER")), 409, null);
    }

    @Test
    void aBookingIsMovedWithTheSameNoticeAndCancelledWithAReason() {
        UUID personId = register.onRegister();
        UUID obligationId = register.obligationDue(personId, ObligationKind.COMMUNITY_CTR, today().plusDays(14),
                RagRating.RED);
        String bookingId = book(api.dsrTeam, ctr(obligationId, tenOClock(today().plusDays(15))))
                .json().get("bookingId").asText();

        Instant tooSoon = tenOClock(today().plusDays(3));
        assertProblem(api.http.put("/meetings/bookings/" + bookingId + "/time", api.dsrTeam,
                Map.of("startsAt", tooSoon.toString(), "endsAt", tooSoon.plusSeconds(3600).toString())), 400,
                "startsAt");
        Instant later = tenOClock(today().plusDays(16));
        ApiResponse moved = api.http.put("/meetings/bookings/" + bookingId + "/time", api.dsrLead,
                Map.of("startsAt", later.toString(), "endsAt", later.plusSeconds(3600).toString()));
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        assertThat(moved.json().get("sequence").asInt()).isEqualTo(1);
        assertThat(moved.json().get("location").asText()).isEqualTo("Civic Centre, room 2");
        assertThat(eventsInOutbox(EventTypes.MEETING_REVIEW_BOOKED_V1, bookingId)).isEqualTo(2);

        assertProblem(api.http.post("/meetings/bookings/" + bookingId + "/cancellation", api.dsrTeam, Map.of()), 400,
                "reason");
        ApiResponse cancelled = api.http.post("/meetings/bookings/" + bookingId + "/cancellation", api.dsrTeam,
                Map.of("reason", "PERSON_UNAVAILABLE"));
        assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().get("sequence").asInt()).isEqualTo(2);
        assertThat(eventsInOutbox(EventTypes.MEETING_REVIEW_CANCELLED_V1, bookingId)).isEqualTo(1);
        assertThat(api.http.get("/meetings/bookings/" + bookingId + "/invitation.ics", api.dsrTeam).text())
                .contains("METHOD:CANCEL").contains("SEQUENCE:2");

        // The obligation is free again: a new booking is allowed.
        assertThat(book(api.dsrTeam, ctr(obligationId, tenOClock(today().plusDays(17)))).status()).isEqualTo(201);
    }

    @Test
    void theDsrTeamOfTheAreaOrALeadBooksTheCareTeamReadsNobodyElseSeesIt() {
        UUID personId = register.onRegister();
        UUID obligationId = register.obligationDue(personId, ObligationKind.COMMUNITY_CTR, today().plusDays(14),
                RagRating.RED);
        Map<String, Object> body = ctr(obligationId, tenOClock(today().plusDays(15)));

        assertProblem(book(api.professional, body), 403, null);
        assertProblem(book(api.anotherProfessional, body), 404, null);
        assertProblem(book(api.dsrTeamInWiltshire, body), 404, null);
        for (String refused : List.of(api.analyst, api.admin, api.agencySystem)) {
            assertThat(book(refused, body).status()).isEqualTo(403);
        }
        ApiResponse booked = book(api.dsrLead, body);
        assertThat(booked.status()).as(booked.text()).isEqualTo(201);
        String bookingId = booked.json().get("bookingId").asText();

        for (String reader : List.of(api.professional, api.dsrTeam, api.dsrLead)) {
            assertThat(api.http.get("/meetings/bookings/" + bookingId, reader).status()).isEqualTo(200);
            ApiResponse ofPerson = api.http.get("/meetings/people/" + personId + "/bookings", reader);
            assertThat(ofPerson.status()).as(ofPerson.text()).isEqualTo(200);
            assertThat(ofPerson.json().get("bookings").findValuesAsText("bookingId")).contains(bookingId);
        }
        for (String outsider : List.of(api.anotherProfessional, api.dsrTeamInWiltshire)) {
            assertProblem(api.http.get("/meetings/bookings/" + bookingId, outsider), 404, null);
            assertProblem(api.http.get("/meetings/people/" + personId + "/bookings", outsider), 404, null);
            assertProblem(api.http.get("/meetings/bookings/" + bookingId + "/invitation.ics", outsider), 404, null);
        }
        for (String refused : List.of(api.analyst, api.admin, api.agencySystem)) {
            assertThat(api.http.get("/meetings/bookings/" + bookingId, refused).status()).isEqualTo(403);
            assertThat(api.http.get("/meetings/people/" + personId + "/bookings", refused).status()).isEqualTo(403);
            assertThat(api.http.post("/meetings/bookings/" + bookingId + "/held", refused, "").status())
                    .isEqualTo(403);
            assertThat(api.http.post("/meetings/bookings/" + bookingId + "/cancellation", refused,
                    Map.of("reason", "OTHER")).status()).isEqualTo(403);
        }
        assertProblem(api.http.post("/meetings/bookings/" + bookingId + "/cancellation", api.professional,
                Map.of("reason", "OTHER")), 403, null);
        assertProblem(api.http.post("/meetings/bookings/" + bookingId + "/cancellation", api.dsrTeamInWiltshire,
                Map.of("reason", "OTHER")), 404, null);
    }

    /** How many events of a type the outbox holds for one booking: what was written, whatever was relayed. */
    private long bookingsOf(UUID obligationId) {
        try (Connection connection = DriverManager.getConnection(databaseUrl, databaseUser, databasePassword);
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*) FROM review_booking WHERE obligation_id = ?")) {
            query.setObject(1, obligationId);
            try (ResultSet found = query.executeQuery()) {
                found.next();
                return found.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long eventsInOutbox(String type, String bookingId) {
        try (Connection connection = DriverManager.getConnection(databaseUrl, databaseUser, databasePassword);
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*) FROM dsr_kit.outbox_event WHERE type = ? AND payload->>'bookingId' = ?")) {
            query.setString(1, type);
            query.setString(2, bookingId);
            try (ResultSet found = query.executeQuery()) {
                found.next();
                return found.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
