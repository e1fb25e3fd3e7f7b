package org.opendsr.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.testkit.ApiClient;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.TopicReader;

/**
 * Meetings through the gateway and the started services (issue 13): Wiltshire's DSR team sets up its fortnightly
 * tracking meetings; a person they rate RED is on the next meeting's agenda, saying why; the meeting is held and its
 * outcome about them recorded (a summary, an agreed AMBER that risk-service records as agreed at that meeting, an
 * action with an owner, a recommended service marked unmet); a day after its due date the action is on the
 * overdue-actions worklist. A Meeting by Exception for another person is refused at 18:00 and scheduled at 10:00 with
 * an invitation a calendar can read; a community C(E)TR against the first person's RED obligation is refused with 13
 * days' notice, booked with 14, held, and risk-service's obligation is done.
 *
 * <p>Only meeting-service's clock moves (and risk-service's, for as long as it takes to complete the C(E)TR held on a
 * day still to come in real time, then back): cut-off, meeting, due date and notice are counted on meeting-service's
 * own days. The people live in
 * Wiltshire (other journeys keep to Swindon and B&NES; Wiltshire's people of RegisterAndConsentJourneyTest may share
 * the agenda), are referred by "professional" (so in their care team) and are managed by "dsr-team-wiltshire". The
 * meeting's words (summary, decisions, rationale, action, notes) stay in meeting-service: no event and no log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(DsrJourney.class)
class MeetingJourneyTest {

    private static final String AREA = "WILTSHIRE";
    private static final String MEETINGS = "meeting-service";
    private static final String RISK = "risk-service";
    private static final ZoneId ENGLAND = ThroughTheGateway.ENGLAND;

    // Two people of this journey's own (NHS numbers 999 55x xxxx: no other journey's), so that finding any of their
    // details in a log or an event can only mean this journey leaked it.
    private static final Person RATED = new Person("Kerensa", "Meetingjourney",
            ThroughTheGateway.testNhsNumber("999550001"), LocalDate.of(2003, 2, 11), "rated.person@example.org");
    private static final Person EXCEPTION = new Person("Demelza", "Meetingjourney",
            ThroughTheGateway.testNhsNumber("999550002"), LocalDate.of(2006, 9, 23), "mbe.person@example.org");

    // Free text that must stay where it was written.
    private static final String RED_RATIONALE = "Tenancy ending next month; two crisis calls since the weekend";
    private static final String SUMMARY = "Discussed the tenancy ending and the crisis calls; new provider found";
    private static final String DECISION = "Keep the current placement until the new provider starts";
    private static final String AGREED_RATIONALE = "New provider starts in a fortnight and the crisis plan is working";
    private static final String ACTION_TEXT = "Send the crisis plan to the new supported living provider";
    private static final String RECOMMENDATION_NOTE = "Short-term intensive support while the provider changes";
    private static final String UNMET_NOTE = "Intensive support team waiting list is eight weeks";

    private StartedDsr system;
    private ApiClient gateway;
    private String professional;
    private String outsider;
    private String dsrTeam;
    private String otherAreaTeam;
    private String dsrLead;

    private String ratedId;
    private String exceptionPersonId;
    private LocalDate firstMeetingOn;
    private String meetingId;
    private Instant meetingStartsAt;
    private String outcomeId;
    private String actionId;
    private LocalDate actionDueOn;
    private String recommendationId;

    private record Person(String givenName, String familyName, String nhsNumber, LocalDate born, String email) {

        List<String> personalData() {
            return List.of(givenName, familyName, nhsNumber, born.toString(), email);
        }
    }

    @BeforeAll
    void theStartedSystem(StartedDsr system) {
        this.system = system;
        this.gateway = system.gateway;
        this.professional = system.tokenFor("professional");
        this.outsider = system.tokenFor("professional-2");
        this.dsrTeam = system.tokenFor("dsr-team-wiltshire");
        this.otherAreaTeam = system.tokenFor("dsr-team");
        this.dsrLead = system.tokenFor("dsr-lead");
    }

    @Test
    @Order(1)
    void aSeriesIsSetUpForTheArea() {
        ratedId = acceptedOntoTheRegister(RATED);
        exceptionPersonId = acceptedOntoTheRegister(EXCEPTION);

        // A review is completed on meeting-service's day, which risk-service may not see as before the day the
        // obligation opened: meeting-service's clock starts no earlier than risk-service's (another journey may have
        // moved risk-service's on).
        LocalDate riskToday = today(RISK);
        if (riskToday.isAfter(today(MEETINGS))) {
            system.advanceClockTo(MEETINGS, riskToday);
        }

        // The first meeting a week or more ahead, so that the agenda's cut-off is still to come.
        firstMeetingOn = aThursdayFrom(today(MEETINGS).plusDays(7));
        ApiResponse created = gateway.post("/api/meetings/series", dsrTeam, Map.of("area", AREA,
                "firstMeetingOn", firstMeetingOn.toString()));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode series = created.json();
        // Fortnightly on Thursdays at 10:00 by default (DOMAIN.md "Meetings").
        assertThat(series.get("area").asText()).isEqualTo(AREA);
        assertThat(series.get("dayOfWeek").asText()).isEqualTo("THURSDAY");
        assertThat(series.get("intervalWeeks").asInt()).isEqualTo(2);
        assertThat(series.get("startTime").asText()).isEqualTo("10:00");
        assertThat(series.get("active").asBoolean()).isTrue();
        String seriesId = series.get("seriesId").asText();

        // A second series for the area is refused; another area's team does not see this one; professionals no series.
        assertThat(gateway.post("/api/meetings/series", dsrLead, Map.of("area", AREA)).status()).isEqualTo(409);
        assertThat(gateway.get("/api/meetings/series/" + seriesId, otherAreaTeam).status()).isEqualTo(404);
        assertThat(gateway.get("/api/meetings/series?area=" + AREA, professional).status()).isEqualTo(403);

        ApiResponse meetings = gateway.get("/api/meetings?area=" + AREA + "&from=" + firstMeetingOn + "&to="
                + firstMeetingOn.plusDays(14), dsrTeam);
        assertThat(meetings.status()).as(meetings.text()).isEqualTo(200);
        JsonNode first = null;
        for (JsonNode meeting : meetings.json().get("meetings")) {
            if (seriesId.equals(meeting.path("seriesId").asText()) && first == null) {
                first = meeting;
            }
        }
        assertThat(first).as("the series' first meeting in " + meetings.text()).isNotNull();
        assertThat(first.get("date").asText()).isEqualTo(firstMeetingOn.toString());
        assertThat(first.get("startTime").asText()).isEqualTo("10:00");
        assertThat(first.get("status").asText()).isEqualTo("SCHEDULED");
        assertThat(first.get("kind").asText()).isEqualTo("TRACKING");
        meetingId = first.get("meetingId").asText();
        meetingStartsAt = Instant.parse(first.get("startsAt").asText());
    }

    @Test
    @Order(2)
    void aPersonRatedRedAppearsOnTheNextAgendaWithTheReason() {
        ApiResponse rated = gateway.post("/api/ratings/people/" + ratedId, dsrTeam, Map.of("rating", "RED",
                "rationale", RED_RATIONALE, "discussedWithPersonAndFamily", true));
        assertThat(rated.status()).as(rated.text()).isEqualTo(201);
        awaitObligation("COMMUNITY_CTR", List.of("DUE"));

        // Before the cut-off the agenda is a preview, worked out from the register as meeting-service has it (from
        // risk-service's events, a moment after the rating).
        JsonNode preview = awaitAgenda(agenda -> reasonsOf(agenda, ratedId).contains("RED"));
        assertThat(preview.get("preview").asBoolean()).isTrue();
        assertThat(preview.get("status").asText()).isEqualTo("NOT_YET_ASSEMBLED");
        LocalDate cutOffOn = LocalDate.parse(preview.get("cutOffOn").asText());
        assertThat(cutOffOn).isBefore(firstMeetingOn);

        // At the cut-off the sweep assembles it.
        system.advanceClockTo(MEETINGS, cutOffOn);
        sweep();
        JsonNode agenda = agenda();
        assertThat(agenda.get("status").asText()).isEqualTo("DRAFT");
        assertThat(agenda.get("preview").asBoolean()).isFalse();
        JsonNode red = reasonOf(agenda, ratedId, "RED");
        assertThat(red).as("the RED reason in " + agenda).isNotNull();
        assertThat(red.get("why").asText()).contains("RED");
        assertThat(agenda.toString()).doesNotContain(RED_RATIONALE);
        for (String personal : RATED.personalData()) {
            assertThat(agenda.toString()).doesNotContain(personal);
        }
        // The agenda is the area's DSR team's and the leads': another area's team does not see it.
        assertThat(gateway.get("/api/meetings/" + meetingId + "/agenda", otherAreaTeam).status()).isEqualTo(404);
        assertThat(gateway.get("/api/meetings/" + meetingId + "/agenda", professional).status()).isEqualTo(403);
    }

    @Test
    @Order(3)
    void theMeetingIsHeldWithAnOutcomeAnAgreedAmberAnActionAndAnUnmetRecommendation() {
        advanceMeetingServiceTo(meetingStartsAt.plus(Duration.ofMinutes(15)));

        ApiResponse attended = gateway.post("/api/meetings/" + meetingId + "/attendees", dsrTeam,
                Map.of("agency", "Wiltshire Council", "role", "Social worker"));
        assertThat(attended.status()).as(attended.text()).isEqualTo(201);
        ApiResponse held = gateway.post("/api/meetings/" + meetingId + "/held", dsrTeam, Map.of());
        assertThat(held.status()).as(held.text()).isEqualTo(200);
        assertThat(held.json().get("status").asText()).isEqualTo("HELD");
        // Held: the agenda is kept as it was.
        JsonNode frozen = agenda();
        assertThat(frozen.get("status").asText()).isEqualTo("FROZEN");
        assertThat(reasonsOf(frozen, ratedId)).contains("RED");

        ApiResponse catalogue = gateway.get("/api/meetings/recommendations/catalogue", dsrTeam);
        assertThat(catalogue.status()).as(catalogue.text()).isEqualTo(200);
        assertThat(catalogue.json().get("serviceTypes").findValuesAsText("serviceType"))
                .contains("INTENSIVE_SUPPORT_TEAM");

        actionDueOn = today(MEETINGS);
        Map<String, Object> outcome = new HashMap<>();
        outcome.put("personId", ratedId);
        outcome.put("summary", SUMMARY);
        outcome.put("decisions", List.of(DECISION));
        outcome.put("agreedRating", "AMBER");
        outcome.put("ratingRationale", AGREED_RATIONALE);
        outcome.put("discussedWithPersonAndFamily", true);
        outcome.put("actions", List.of(Map.of("description", ACTION_TEXT, "ownerAgency", "wiltshire-council",
                "ownerSubject", "professional", "dueOn", actionDueOn.toString())));
        outcome.put("recommendations", List.of(Map.of("serviceType", "INTENSIVE_SUPPORT_TEAM",
                "note", RECOMMENDATION_NOTE)));
        ApiResponse recorded = gateway.post("/api/meetings/" + meetingId + "/outcomes", dsrTeam, outcome);
        assertThat(recorded.status()).as(recorded.text()).isEqualTo(201);
        JsonNode view = recorded.json();
        outcomeId = view.get("outcomeId").asText();
        assertThat(view.get("summary").asText()).isEqualTo(SUMMARY);
        assertThat(view.at("/agreedRating/rating").asText()).isEqualTo("AMBER");
        JsonNode action = view.get("actions").get(0);
        actionId = action.get("actionId").asText();
        assertThat(action.get("ownerAgency").asText()).isEqualTo("wiltshire-council");
        assertThat(action.get("ownerSubject").asText()).isEqualTo("professional");
        assertThat(action.get("status").asText()).isEqualTo("OPEN");
        JsonNode recommendation = view.get("recommendations").get(0);
        recommendationId = recommendation.get("recommendationId").asText();
        assertThat(recommendation.get("status").asText()).isEqualTo("MADE");
        // Feedback to the referrer is due 2 working days after the meeting (a Thursday: the next Monday).
        LocalDate feedbackDueOn = LocalDate.parse(view.get("feedbackDueOn").asText());
        assertThat(feedbackDueOn).isAfter(firstMeetingOn);

        // risk-service records the rating as agreed at this meeting: confirmed, pointing to the meeting.
        JsonNode agreed = awaitRating(rating -> "AMBER".equals(rating.at("/current/rating").asText()));
        assertThat(agreed.at("/current/indicative").asBoolean()).isFalse();
        JsonNode latest = agreed.get("history").get(0);
        assertThat(latest.get("rating").asText()).isEqualTo("AMBER");
        assertThat(latest.get("previousRating").asText()).isEqualTo("RED");
        assertThat(latest.get("cause").asText()).isEqualTo("AGREED_AT_MEETING");
        assertThat(latest.get("meetingId").asText()).isEqualTo(meetingId);
        assertThat(latest.get("rationale").asText()).doesNotContain(AGREED_RATIONALE);

        ApiResponse unmet = gateway.post("/api/meetings/recommendations/" + recommendationId + "/unmet", dsrTeam,
                Map.of("reason", "WAITING_LIST", "note", UNMET_NOTE));
        assertThat(unmet.status()).as(unmet.text()).isEqualTo(200);
        assertThat(unmet.json().get("status").asText()).isEqualTo("UNMET");
        assertThat(unmet.json().get("unmetReason").asText()).isEqualTo("WAITING_LIST");
        assertThat(ids("/api/meetings/worklists/unmet-recommendations?area=" + AREA, dsrTeam, "recommendationId"))
                .contains(recommendationId);
        assertThat(ids("/api/meetings/worklists/feedback-due?area=" + AREA, dsrTeam, "outcomeId"))
                .contains(outcomeId);

        // The notifier closes both loops (issue 15): the referrer hears that the meeting discussed the person and
        // feedback is due; the person is kept informed in plain words. Neither message holds what was said.
        JsonNode feedback = awaitMessage(ratedId, "meeting-feedback-due-referrer-email");
        assertThat(feedback.get("recipient").asText()).isEqualTo("REFERRER");
        assertThat(feedback.get("sentTo").asText()).isEqualTo("sam.patel@swindon-ld.example");
        assertThat(LocalDate.parse(feedback.at("/personalisation/feedback_due_on").asText(), READABLE))
                .isEqualTo(feedbackDueOn);
        JsonNode update = awaitMessage(ratedId, "meeting-outcome-update-person-email");
        assertThat(update.get("recipient").asText()).isEqualTo("PERSON");
        assertThat(update.get("sentTo").asText()).isEqualTo(RATED.email());
        assertThat(update.at("/personalisation/actions_agreed").asText()).isEqualTo("1");
        assertThat(update.at("/personalisation/services_recommended").asText()).isEqualTo("1");
        assertThat(update.at("/personalisation/meeting_kind").asText()).startsWith("tracking meeting");
        for (JsonNode message : List.of(feedback, update)) {
            assertThat(message.toString()).doesNotContain(SUMMARY, DECISION, AGREED_RATIONALE, ACTION_TEXT,
                    RECOMMENDATION_NOTE);
        }

        // The person's care team reads the outcome; a professional outside it learns nothing, not even that it exists.
        ApiResponse ofPerson = gateway.get("/api/meetings/people/" + ratedId + "/outcomes", professional);
        assertThat(ofPerson.status()).as(ofPerson.text()).isEqualTo(200);
        assertThat(ofPerson.json().get("outcomes").findValuesAsText("outcomeId")).contains(outcomeId);
        assertThat(gateway.get("/api/meetings/people/" + ratedId + "/outcomes", outsider).status()).isEqualTo(404);
    }

    @Test
    @Order(4)
    void theActionBecomesOverdueAndShowsOnTheOverdueActionsWorklist() {
        assertThat(ids("/api/meetings/worklists/overdue-actions?area=" + AREA, dsrTeam, "actionId"))
                .doesNotContain(actionId);

        try (TopicReader meetingEvents = TopicReader.fromBeginning(system.dsr.kafkaBootstrapServers(),
                Topics.MEETING_EVENTS)) {
            system.advanceClockTo(MEETINGS, actionDueOn.plusDays(1));
            sweep();
            ConsumerRecord<String, String> overdue = meetingEvents.awaitRecord(record -> ratedId.equals(record.key())
                    && record.value().contains(EventTypes.MEETING_ACTION_OVERDUE_V1)
                    && record.value().contains(actionId));
            assertThat(overdue.value()).doesNotContain(ACTION_TEXT);
        }

        List<JsonNode> entries = entries("/api/meetings/worklists/overdue-actions?area=" + AREA, dsrTeam);
        JsonNode entry = entries.stream().filter(e -> actionId.equals(e.get("actionId").asText())).findFirst()
                .orElse(null);
        assertThat(entry).as("the action on the overdue-actions worklist").isNotNull();
        assertThat(entry.get("status").asText()).isEqualTo("OVERDUE");
        assertThat(entry.get("dueOn").asText()).isEqualTo(actionDueOn.toString());
        assertThat(entry.get("personId").asText()).isEqualTo(ratedId);
        // Its owner, a professional in the person's care team, finds it on their own worklist too.
        assertThat(ids("/api/meetings/worklists/overdue-actions?owner=professional", professional, "actionId"))
                .contains(actionId);
        assertThat(ids("/api/meetings/worklists/overdue-actions", outsider, "actionId")).doesNotContain(actionId);
    }

    @Test
    @Order(5)
    void aMeetingByExceptionForAnotherPersonIsRefusedAtSixInTheEveningAndScheduledAtTen() throws Exception {
        // Their referrer asks for it (services disagree); meeting-service learns of the person from events.
        ApiResponse[] asked = new ApiResponse[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            asked[0] = gateway.post("/api/meetings/exceptions", professional,
                    Map.of("personId", exceptionPersonId, "reason", "SERVICES_DISAGREE"));
            return asked[0].status() != 404;
        });
        assertThat(asked[0].status()).as(asked[0].text()).isEqualTo(201);
        assertThat(asked[0].json().get("status").asText()).isEqualTo("REQUESTED");
        assertThat(asked[0].json().get("area").asText()).isEqualTo(AREA);
        String requestId = asked[0].json().get("requestId").asText();

        LocalDate day = aWorkingMidweekDayFrom(today(MEETINGS).plusDays(1));
        ApiResponse evening = schedule(requestId, day, LocalTime.of(18, 0));
        assertThat(evening.status()).as(evening.text()).isEqualTo(400);
        assertThat(evening.contentType()).startsWith("application/problem+json");
        assertThat(evening.json().get("errors").findValuesAsText("field")).containsExactly("startsAt");
        assertThat(evening.json().get("detail").asText()).contains("startsAt", "18:00");
        // Only a lead schedules (and chairs) one.
        assertThat(schedule(requestId, day, LocalTime.of(10, 0), dsrTeam).status()).isEqualTo(403);

        ApiResponse morning = schedule(requestId, day, LocalTime.of(10, 0));
        assertThat(morning.status()).as(morning.text()).isEqualTo(200);
        assertThat(morning.json().get("status").asText()).isEqualTo("SCHEDULED");
        assertThat(morning.json().get("chair").asText()).isEqualTo("dsr-lead");
        String exceptionMeetingId = morning.json().get("meetingId").asText();

        // The person is invited by the notifier (issue 15): the day and time in England, in plain words.
        JsonNode invitation = awaitMessage(exceptionPersonId, "meeting-by-exception-invitation-person-email");
        assertThat(invitation.get("sentTo").asText()).isEqualTo(EXCEPTION.email());
        assertThat(invitation.at("/personalisation/start_time").asText()).isEqualTo("10am");
        assertThat(invitation.at("/personalisation/meeting_day").asText())
                .isEqualTo(day.format(DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK)));
        assertThat(invitation.at("/personalisation/time_changed").asText()).isEqualTo("no");

        // The person's care team downloads the invitation; a calendar reads it back.
        ApiResponse ics = gateway.get("/api/meetings/exceptions/" + requestId + "/invitation.ics", professional);
        assertThat(ics.status()).as(ics.text()).isEqualTo(200);
        assertThat(ics.contentType()).startsWith("text/calendar");
        VEvent event = invitationEvent(ics.text(), "REQUEST");
        assertThat(value(event, Property.UID)).isEqualTo(exceptionMeetingId + "@dsr.opendsr.org");
        assertThat(value(event, Property.SUMMARY)).isEqualTo("Meeting by Exception");
        assertThat(value(event, Property.DTSTART)).isEqualTo(day.format(DateTimeFormatter.BASIC_ISO_DATE) + "T100000");
        assertThat(event.getProperty(Property.DTSTART).flatMap(start -> start.<Parameter>getParameter(Parameter.TZID))
                .map(Parameter::getValue)).contains("Europe/London");
        for (String personal : EXCEPTION.personalData()) {
            assertThat(ics.text()).doesNotContain(personal);
        }
    }

    @Test
    @Order(6)
    void aCommunityCtrNeedsTwoWeeksNoticeAndOnceHeldTheObligationIsDone() throws Exception {
        String obligationId = awaitObligation("COMMUNITY_CTR", List.of("DUE", "OVERDUE")).get("obligationId").asText();
        LocalDate today = today(MEETINGS);

        // meeting-service learns of the obligation from risk-service's events: until then it answers 404.
        ApiResponse[] tooSoon = new ApiResponse[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            tooSoon[0] = book(obligationId, today.plusDays(13));
            return tooSoon[0].status() != 404;
        });
        assertThat(tooSoon[0].status()).as(tooSoon[0].text()).isEqualTo(400);
        assertThat(tooSoon[0].json().get("errors").findValuesAsText("field")).containsExactly("startsAt");
        assertThat(tooSoon[0].json().get("detail").asText()).contains(today.plusDays(14).toString());

        LocalDate reviewDay = today.plusDays(14);
        ApiResponse booked = book(obligationId, reviewDay);
        assertThat(booked.status()).as(booked.text()).isEqualTo(201);
        assertThat(booked.json().get("status").asText()).isEqualTo("BOOKED");
        String bookingId = booked.json().get("bookingId").asText();
        Instant startsAt = Instant.parse(booked.json().get("startsAt").asText());
        assertThat(Instant.parse(booked.json().get("documentsDueAt").asText()))
                .isEqualTo(startsAt.minus(Duration.ofHours(24)));
        awaitObligation(obligation -> obligationId.equals(obligation.get("obligationId").asText())
                && reviewDay.toString().equals(obligation.path("bookedFor").asText()));

        ApiResponse ics = gateway.get("/api/meetings/bookings/" + bookingId + "/invitation.ics", professional);
        assertThat(ics.status()).as(ics.text()).isEqualTo(200);
        VEvent event = invitationEvent(ics.text(), "REQUEST");
        assertThat(value(event, Property.UID)).isEqualTo(bookingId + "@dsr.opendsr.org");
        assertThat(value(event, Property.SUMMARY)).isEqualTo("Community C(E)TR");

        // The review takes place: meeting-service records it held; risk-service, which may not count a review done
        // on a day still to come, is on that day too, and afterwards back where it was: the other journeys' people
        // are counted on risk-service's days from their acceptance, which is real time.
        advanceMeetingServiceTo(startsAt.plus(Duration.ofHours(1)));
        long riskDaysMoved = Math.max(0, ChronoUnit.DAYS.between(today(RISK), reviewDay));
        system.advanceClock(RISK, "P" + riskDaysMoved + "D");
        try {
            ApiResponse held = gateway.post("/api/meetings/bookings/" + bookingId + "/held", dsrTeam, Map.of());
            assertThat(held.status()).as(held.text()).isEqualTo(200);
            assertThat(held.json().get("status").asText()).isEqualTo("HELD");

            JsonNode done = awaitObligation(obligation -> obligationId.equals(obligation.get("obligationId").asText())
                    && "DONE".equals(obligation.get("status").asText()));
            assertThat(done.get("completedOn").asText()).isEqualTo(reviewDay.toString());
            assertThat(done.get("reviewType").asText()).isEqualTo("COMMUNITY_CTR");
        } finally {
            system.advanceClock(RISK, "P-" + riskDaysMoved + "D");
        }
    }

    @Test
    @Order(7)
    void theMeetingsWordsReachNeitherAnEventNorALog() throws IOException {
        List<String> kept = new ArrayList<>(List.of(SUMMARY, DECISION, AGREED_RATIONALE, ACTION_TEXT,
                RECOMMENDATION_NOTE, UNMET_NOTE, RED_RATIONALE));
        List<String> personal = new ArrayList<>(RATED.personalData());
        personal.addAll(EXCEPTION.personalData());

        try (TopicReader meetingEvents = TopicReader.fromBeginning(system.dsr.kafkaBootstrapServers(),
                Topics.MEETING_EVENTS)) {
            // What this journey published: about the held meeting (keyed by it) and about each person (keyed by them).
            // Each valid against its contract (the CloudEvents envelope and the type's JSON Schema).
            ThroughTheGateway.assertValid(meetingEvents.awaitRecord(event(meetingId, EventTypes.MEETING_HELD_V1)));
            for (String type : List.of(EventTypes.MEETING_OUTCOME_RECORDED_V1, EventTypes.MEETING_RATING_AGREED_V1,
                    EventTypes.MEETING_ACTION_DUE_V1, EventTypes.MEETING_ACTION_OVERDUE_V1,
                    EventTypes.MEETING_RECOMMENDATION_MADE_V1, EventTypes.MEETING_RECOMMENDATION_UNMET_V1,
                    EventTypes.MEETING_FEEDBACK_DUE_V1, EventTypes.MEETING_REVIEW_BOOKED_V1,
                    EventTypes.MEETING_REVIEW_HELD_V1)) {
                ThroughTheGateway.assertValid(meetingEvents.awaitRecord(event(ratedId, type)));
            }
            ThroughTheGateway.assertValid(meetingEvents.awaitRecord(event(exceptionPersonId,
                    EventTypes.MEETING_EXCEPTION_INVITATION_REQUESTED_V1)));
            // ... and every other record on the topic so far: none carries the words or a person's details.
            for (ConsumerRecord<String, String> record : meetingEvents.readFor(Duration.ofSeconds(2), any -> true)) {
                for (String text : kept) {
                    assertThat(record.value()).as("a %s record", record.key()).doesNotContain(text);
                }
                for (String detail : personal) {
                    assertThat(record.value()).as("a %s record", record.key()).doesNotContain(detail);
                }
            }
        }

        try (var logs = Files.list(system.dsr.logDirectory())) {
            for (var log : logs.toList()) {
                String text = Files.readString(log);
                for (String words : kept) {
                    assertThat(text).as("%s", log.getFileName()).doesNotContain(words);
                }
                for (String detail : personal) {
                    assertThat(text).as("%s", log.getFileName()).doesNotContain(detail);
                }
            }
        }
    }

    // ---- steps ---------------------------------------------------------------------------------------------------

    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** The local mailbox's message about the person with this template (the Wiltshire team reads it). */
    private JsonNode awaitMessage(String personId, String template) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            ApiResponse mailbox = gateway.get("/api/local-mailbox?personId=" + personId, dsrTeam);
            assertThat(mailbox.status()).as(mailbox.text()).isEqualTo(200);
            for (JsonNode message : mailbox.json().get("items")) {
                if (template.equals(message.get("template").asText())) {
                    found[0] = message;
                }
            }
            return found[0] != null;
        });
        return found[0];
    }

    /** Referred by "professional", contacted by the Wiltshire team, consent recorded, accepted: as the DSR does it. */
    private String acceptedOntoTheRegister(Person person) {
        String personId = ThroughTheGateway.acceptedOntoTheRegister(gateway, professional, dsrTeam, Map.ofEntries(
                Map.entry("givenName", person.givenName()), Map.entry("familyName", person.familyName()),
                Map.entry("dateOfBirth", person.born().toString()), Map.entry("nhsNumber", person.nhsNumber()),
                Map.entry("postcode", "SN12 6AA"), Map.entry("locality", AREA),
                Map.entry("reasonForReferral", "Tenancy at risk of ending"),
                Map.entry("currentIssues", "Crisis calls at night"), Map.entry("indicativeRag", "AMBER"),
                Map.entry("diagnosis", "LEARNING_DISABILITY"),
                Map.entry("contacts", List.of(Map.of("relationship", "PERSON", "email", person.email())))));

        // The referrer hears the outcome (issue 15): at the e-mail their token gave when they referred.
        JsonNode outcome = awaitMessage(personId, "referral-outcome-referrer-email");
        assertThat(outcome.get("sentTo").asText()).isEqualTo("sam.patel@swindon-ld.example");
        assertThat(outcome.at("/personalisation/outcome").asText()).isEqualTo("accepted");

        // risk-service and meeting-service learn of the person and their care team from referral-service's events.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            ApiResponse rating = gateway.get("/api/ratings/people/" + personId, dsrTeam);
            return rating.status() == 200 && rating.json().path("onRegister").asBoolean();
        });
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                gateway.get("/api/meetings/people/" + personId + "/outcomes", professional).status() == 200);
        return personId;
    }

    private void sweep() {
        ApiResponse swept = gateway.post("/api/meetings/sweeps", dsrLead, Map.of());
        assertThat(swept.status()).as(swept.text()).isEqualTo(200);
    }

    private JsonNode agenda() {
        ApiResponse agenda = gateway.get("/api/meetings/" + meetingId + "/agenda", dsrTeam);
        assertThat(agenda.status()).as(agenda.text()).isEqualTo(200);
        return agenda.json();
    }

    private JsonNode awaitAgenda(Predicate<JsonNode> condition) {
        JsonNode[] seen = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            seen[0] = agenda();
            return condition.test(seen[0]);
        });
        return seen[0];
    }

    /** The codes of every reason the person is on the agenda for. */
    private static List<String> reasonsOf(JsonNode agenda, String personId) {
        List<String> codes = new ArrayList<>();
        for (JsonNode item : agenda.get("items")) {
            if (personId.equals(item.get("personId").asText())) {
                item.get("reasons").forEach(reason -> codes.add(reason.get("code").asText()));
            }
        }
        return codes;
    }

    private static JsonNode reasonOf(JsonNode agenda, String personId, String code) {
        for (JsonNode item : agenda.get("items")) {
            if (personId.equals(item.get("personId").asText())) {
                for (JsonNode reason : item.get("reasons")) {
                    if (code.equals(reason.get("code").asText())) {
                        return reason;
                    }
                }
            }
        }
        return null;
    }

    private ApiResponse schedule(String requestId, LocalDate day, LocalTime at) {
        return schedule(requestId, day, at, dsrLead);
    }

    private ApiResponse schedule(String requestId, LocalDate day, LocalTime at, String token) {
        Instant startsAt = day.atTime(at).atZone(ENGLAND).toInstant();
        return gateway.post("/api/meetings/exceptions/" + requestId + "/schedule", token, Map.of(
                "startsAt", startsAt.toString(), "endsAt", startsAt.plus(Duration.ofHours(1)).toString(),
                "onlineLink", "https://meet.example.nhs.uk/dsr-mbe"));
    }

    private ApiResponse book(String obligationId, LocalDate day) {
        Instant startsAt = day.atTime(10, 0).atZone(ENGLAND).toInstant();
        return gateway.post("/api/meetings/bookings", dsrTeam, Map.of("obligationId", obligationId,
                "reviewType", "COMMUNITY_CTR", "startsAt", startsAt.toString(),
                "endsAt", startsAt.plus(Duration.ofHours(3)).toString(),
                "location", "Trowbridge County Hall, meeting room 2"));
    }

    /** The .ics parsed by ical4j, as a calendar program reads it: its one event, after checking the METHOD. */
    private static VEvent invitationEvent(String ics, String method) throws IOException, ParserException {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertThat(calendar.getProperty(Property.METHOD).map(Property::getValue)).contains(method);
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse(null);
    }

    private JsonNode awaitRating(Predicate<JsonNode> condition) {
        JsonNode[] seen = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            ApiResponse view = gateway.get("/api/ratings/people/" + ratedId, dsrTeam);
            seen[0] = view.json();
            return view.status() == 200 && condition.test(view.json());
        });
        return seen[0];
    }

    private JsonNode awaitObligation(String kind, List<String> statuses) {
        return awaitObligation(obligation -> kind.equals(obligation.get("kind").asText())
                && statuses.contains(obligation.get("status").asText()));
    }

    /** One of the rated person's obligations in risk-service, once it matches. */
    private JsonNode awaitObligation(Predicate<JsonNode> condition) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            ApiResponse list = gateway.get("/api/ratings/people/" + ratedId + "/obligations", dsrTeam);
            assertThat(list.status()).as(list.text()).isEqualTo(200);
            found[0] = null;
            for (JsonNode obligation : list.json().get("obligations")) {
                if (condition.test(obligation)) {
                    found[0] = obligation;
                }
            }
            assertThat(found[0]).as("an obligation as expected in " + list.text()).isNotNull();
        });
        return found[0];
    }

    /** Every entry of a keyset-paged meeting worklist, all pages (other journeys' people may share it). */
    private List<JsonNode> entries(String path, String token) {
        List<JsonNode> entries = new ArrayList<>();
        String after = null;
        do {
            String page = path + (path.contains("?") ? "&" : "?") + "limit=200"
                    + (after == null ? "" : "&after=" + after);
            ApiResponse answer = gateway.get(page, token);
            assertThat(answer.status()).as(page + ": " + answer.text()).isEqualTo(200);
            answer.json().get("entries").forEach(entries::add);
            after = answer.json().path("next").isTextual() ? answer.json().get("next").asText() : null;
        } while (after != null);
        return entries;
    }

    private List<String> ids(String path, String token, String idField) {
        return entries(path, token).stream().map(entry -> entry.get(idField).asText()).toList();
    }

    /** Moves meeting-service's clock on to an instant (elapsed time: the instant, not a time of day). */
    private void advanceMeetingServiceTo(Instant target) {
        Duration ahead = Duration.between(now(MEETINGS), target);
        if (!ahead.isNegative() && !ahead.isZero()) {
            system.advanceClock(MEETINGS, ahead.toString());
        }
        assertThat(now(MEETINGS)).isAfterOrEqualTo(target);
    }

    private Instant now(String service) {
        ApiResponse now = new ApiClient(system.dsr.serviceUrl(service)).get("/testing/clock", null);
        assertThat(now.status()).as(now.text()).isEqualTo(200);
        return Instant.parse(now.json().get("now").asText());
    }

    private LocalDate today(String service) {
        return LocalDate.ofInstant(now(service), ENGLAND);
    }

    /**
     * A Thursday on or after the day, outside Christmas and the New Year: the only days a Thursday can be an England
     * and Wales bank holiday (a tracking meeting on one would move to the Friday).
     */
    static LocalDate aThursdayFrom(LocalDate from) {
        LocalDate day = from.with(TemporalAdjusters.nextOrSame(DayOfWeek.THURSDAY));
        while (inTheChristmasHolidays(day)) {
            day = day.plusWeeks(1);
        }
        return day;
    }

    /**
     * A Tuesday, Wednesday or Thursday on or after the day, outside Christmas and the New Year: never a bank holiday
     * (Easter, May and August holidays fall on Mondays and Fridays; substitute days on Mondays and Tuesdays after a
     * weekend Christmas or New Year's Day).
     */
    static LocalDate aWorkingMidweekDayFrom(LocalDate from) {
        LocalDate day = from;
        while (!List.of(DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY).contains(day.getDayOfWeek())
                || inTheChristmasHolidays(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    private static boolean inTheChristmasHolidays(LocalDate day) {
        MonthDay monthDay = MonthDay.from(day);
        return !monthDay.isBefore(MonthDay.of(12, 20)) || monthDay.isBefore(MonthDay.of(1, 6));
    }

    private static Predicate<ConsumerRecord<String, String>> event(String key, String type) {
        return record -> key.equals(record.key()) && record.value().contains("\"type\":\"" + type + "\"");
    }

}
