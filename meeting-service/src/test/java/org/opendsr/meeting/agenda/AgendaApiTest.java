package org.opendsr.meeting.agenda;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.contracts.meeting.CancellationReason;
import org.opendsr.contracts.risk.ObligationKind;
import org.opendsr.meeting.agenda.application.AgendaCutOffs;
import org.opendsr.meeting.shared.application.MeetingFollower;
import org.opendsr.meeting.shared.application.Meetings;
import org.opendsr.meeting.shared.application.OverdueActions;
import org.opendsr.meeting.shared.domain.Meeting;
import org.opendsr.meeting.shared.domain.MeetingChange;
import org.opendsr.meeting.shared.domain.WorkingHours;
import org.opendsr.meeting.support.MeetingServiceUnderTest;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.events.ReferralEvents;

/**
 * Agendas through the API, on real PostgreSQL and Kafka: people made known by referral, consent and risk events,
 * assembled at the cut-off with their reasons, regenerated keeping the items added by hand, frozen when the meeting
 * is held; and who may do what. Each test has its own series, so "since the last meeting" is the first meeting's
 * look-back; other tests' people in the same area may be on an agenda too, so each looks for its own.
 */
@MicronautTest(transactional = false)
class AgendaApiTest extends MeetingServiceUnderTest {

    private static final String AREA = ReferralEvents.AREA;

    @Inject
    TestMeetings testMeetings;

    @Inject
    AgendaCutOffs cutOffs;

    @Inject
    FakeOverdueActions overdueActions;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.HashMap<>(super.getProperties());
        // The test beans below (meetings written directly, overdue actions) are this class's only.
        properties.put("spec.name", "AgendaApiTest");
        return properties;
    }

    @Test
    void atTheCutOffThePeopleOfTheAreaAreOnTheAgendaEachWithWhy() {
        LocalDate today = today();
        UUID red = register.onRegister();
        register.rated(red, RagRating.RED, RagRating.AMBER, today);
        UUID amber = register.onRegister();
        register.rated(amber, RagRating.AMBER, null, today);
        register.obligationDue(amber, ObligationKind.MULTI_AGENCY_REVIEW, today.plusDays(5), RagRating.AMBER);
        UUID consent = register.onRegister();
        register.consentRenewalDue(consent, today.plusDays(7));
        UUID late = register.onRegister();
        register.updateOverdue(late, today.minusDays(3));
        overdueActions.add(late, today.minusDays(2));
        UUID meeting = testMeetings.tracking(clock.instant().plus(Duration.ofDays(1)));

        JsonNode before = agendaOf(meeting);
        assertThat(before.get("preview").asBoolean()).isTrue();
        assertThat(before.get("status").asText()).isEqualTo("NOT_YET_ASSEMBLED");

        cutOffs.sweepNow();

        JsonNode agenda = agendaOf(meeting);
        assertThat(agenda.get("status").asText()).isEqualTo("DRAFT");
        assertThat(agenda.get("preview").asBoolean()).isFalse();
        assertThat(reasonsOf(agenda, red)).contains("RED", "RATING_CHANGED", "NEW_REFERRAL", "ACCEPTED");
        assertThat(whysOf(agenda, red)).contains("Rated RED since " + today,
                "Rating changed AMBER → RED on " + today);
        assertThat(reasonsOf(agenda, amber)).contains("AMBER_DUE_REVIEW");
        assertThat(whysOf(agenda, amber)).contains("AMBER: multi-agency review due " + today.plusDays(5));
        assertThat(reasonsOf(agenda, consent)).contains("CONSENT_RENEWAL_DUE");
        assertThat(whysOf(agenda, consent)).contains("Consent renewal due " + today.plusDays(7));
        assertThat(reasonsOf(agenda, late)).contains("UPDATE_OVERDUE", "ACTION_OVERDUE");
        assertThat(whysOf(agenda, late)).contains("Update overdue since " + today.minusDays(3),
                "1 action overdue (due " + today.minusDays(2) + ")");
        List<UUID> order = peopleOn(agenda);
        assertThat(order.indexOf(red)).isLessThan(order.indexOf(amber));
        assertThat(order.indexOf(amber)).isLessThan(order.indexOf(consent));
        assertThat(agenda.toString()).doesNotContain("\"name\"");

        String assembledAt = agenda.get("assembledAt").asText();
        ApiResponse sweep = api.http.post("/meetings/sweeps", api.dsrLead, "");
        assertThat(sweep.status()).as(sweep.text()).isEqualTo(200);
        assertThat(sweep.json().has("agenda-cut-offs")).as(sweep.text()).isTrue();
        assertThat(agendaOf(meeting).get("assembledAt").asText()).as("assembled once").isEqualTo(assembledAt);
    }

    @Test
    void regeneratingKeepsWhatWasAddedByHandAndHoldingFreezesItAsItWas() {
        UUID byHand = register.onRegister();
        UUID meeting = testMeetings.tracking(clock.instant().minus(Duration.ofMinutes(30)));
        cutOffs.sweepNow();

        ApiResponse added = api.http.post(itemsOf(meeting), api.dsrTeam,
                Map.of("personId", byHand.toString(), "reason", "Housing placement at risk"));
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        assertThat(whysOf(added.json(), byHand)).contains("Added by the DSR team: Housing placement at risk");
        assertProblem(api.http.post(itemsOf(meeting), api.dsrLead,
                Map.of("personId", byHand.toString(), "reason", "Again")), 409, "personId");

        UUID redLater = register.onRegister();
        register.rated(redLater, RagRating.RED, null, today());
        assertThat(peopleOn(agendaOf(meeting))).doesNotContain(redLater);
        ApiResponse regenerated = api.http.post(regenerationOf(meeting), api.dsrLead, "");
        assertThat(regenerated.status()).as(regenerated.text()).isEqualTo(200);
        assertThat(reasonsOf(regenerated.json(), redLater)).contains("RED");
        assertThat(reasonsOf(regenerated.json(), byHand)).contains("ADDED_BY_HAND");

        testMeetings.hold(meeting);

        JsonNode frozen = agendaOf(meeting);
        assertThat(frozen.get("status").asText()).isEqualTo("FROZEN");
        UUID redAfter = register.onRegister();
        register.rated(redAfter, RagRating.RED, null, today());
        ApiResponse again = api.http.post(regenerationOf(meeting), api.dsrTeam, "");
        assertProblem(again, 409, null);
        assertThat(again.json().get("type").asText()).isEqualTo("urn:dsr:problem:agenda-frozen");
        assertProblem(api.http.post(itemsOf(meeting), api.dsrTeam,
                Map.of("personId", redAfter.toString(), "reason", "Late")), 409, null);
        assertThat(agendaOf(meeting).get("items")).isEqualTo(frozen.get("items"));
        assertThat(peopleOn(agendaOf(meeting))).doesNotContain(redAfter);
    }

    @Test
    void aMeetingHeldBeforeItsAgendaWasAssembledHasItAssembledAndFrozen() {
        UUID red = register.onRegister();
        register.rated(red, RagRating.RED, null, today());
        UUID meeting = testMeetings.tracking(clock.instant().minus(Duration.ofMinutes(30)));

        testMeetings.hold(meeting);

        JsonNode agenda = agendaOf(meeting);
        assertThat(agenda.get("status").asText()).isEqualTo("FROZEN");
        assertThat(reasonsOf(agenda, red)).contains("RED");
    }

    @Test
    void beforeTheCutOffTheAgendaIsAPreviewAndHandItemsWaitForIt() {
        UUID red = register.onRegister();
        register.rated(red, RagRating.RED, null, today());
        UUID byHand = register.onRegister();
        UUID meeting = testMeetings.tracking(clock.instant().plus(Duration.ofDays(30)));

        cutOffs.sweepNow();
        ApiResponse added = api.http.post(itemsOf(meeting), api.dsrTeam,
                Map.of("personId", byHand.toString(), "reason", "Family asked for a discussion"));
        assertThat(added.status()).as(added.text()).isEqualTo(201);

        JsonNode preview = agendaOf(meeting);
        assertThat(preview.get("preview").asBoolean()).isTrue();
        assertThat(preview.get("status").asText()).isEqualTo("NOT_YET_ASSEMBLED");
        assertThat(reasonsOf(preview, red)).contains("RED");
        assertThat(reasonsOf(preview, byHand)).contains("ADDED_BY_HAND");
        assertThat(preview.get("cutOffOn").asText()).isNotBlank();
    }

    @Test
    void handItemsNeedAPersonOfTheAreaAndAOneLineReason() {
        UUID person = register.onRegister();
        UUID meeting = testMeetings.tracking(clock.instant().plus(Duration.ofDays(1)));

        assertProblem(api.http.post(itemsOf(meeting), api.dsrTeam, Map.of("reason", "Concern")), 400, "personId");
        assertProblem(api.http.post(itemsOf(meeting), api.dsrTeam, Map.of("personId", person.toString())), 400,
                "reason");
        assertProblem(api.http.post(itemsOf(meeting), api.dsrTeam,
                Map.of("personId", person.toString(), "reason", "Ring on 01234 567 890")), 400, "reason");
        assertProblem(api.http.post(itemsOf(meeting), api.dsrTeam,
                Map.of("personId", person.toString(), "reason", "two\nlines")), 400, "reason");
        assertProblem(api.http.post(itemsOf(meeting), api.dsrTeam,
                Map.of("personId", UUID.randomUUID().toString(), "reason", "Concern")), 404, "personId");
    }

    @Test
    void onlyTheDsrTeamOfTheAreaAndLeadsSeeOrChangeAnAgenda() {
        UUID person = register.onRegister();
        UUID meeting = testMeetings.tracking(clock.instant().plus(Duration.ofDays(1)));

        for (String token : api.notTheDsr()) {
            assertThat(api.http.get(agendaPath(meeting), token).status()).isEqualTo(403);
            assertThat(api.http.post(regenerationOf(meeting), token, "").status()).isEqualTo(403);
            assertThat(api.http.post(itemsOf(meeting), token,
                    Map.of("personId", person.toString(), "reason", "Concern")).status()).isEqualTo(403);
        }
        assertProblem(api.http.get(agendaPath(meeting), api.dsrTeamInWiltshire), 404, null);
        assertProblem(api.http.post(regenerationOf(meeting), api.dsrTeamInWiltshire, ""), 404, null);
        assertProblem(api.http.post(itemsOf(meeting), api.dsrTeamInWiltshire,
                Map.of("personId", person.toString(), "reason", "Concern")), 404, null);
        assertThat(api.http.get(agendaPath(meeting), api.dsrTeam).status()).isEqualTo(200);
        assertThat(api.http.get(agendaPath(meeting), api.dsrLead).status()).isEqualTo(200);
        assertThat(api.http.post(regenerationOf(meeting), api.dsrTeam, "").status()).isEqualTo(200);
        assertProblem(api.http.get(agendaPath(UUID.randomUUID()), api.dsrLead), 404, null);
    }

    @Test
    void aCancelledMeetingsAgendaNoLongerChanges() {
        UUID person = register.onRegister();
        UUID assembled = testMeetings.tracking(clock.instant().plus(Duration.ofDays(1)));
        cutOffs.sweepNow();
        UUID never = testMeetings.tracking(clock.instant().plus(Duration.ofDays(30)));
        testMeetings.cancel(assembled);
        testMeetings.cancel(never);

        assertThat(agendaOf(assembled).get("status").asText()).isEqualTo("DRAFT");
        ApiResponse regenerated = api.http.post(regenerationOf(assembled), api.dsrTeam, "");
        assertProblem(regenerated, 409, null);
        assertThat(regenerated.json().get("type").asText()).isEqualTo("urn:dsr:problem:meeting-cancelled");
        assertProblem(api.http.post(itemsOf(assembled), api.dsrTeam,
                Map.of("personId", person.toString(), "reason", "Concern")), 409, null);
        assertProblem(api.http.get(agendaPath(never), api.dsrTeam), 404, null);
        cutOffs.sweepNow();
        assertProblem(api.http.get(agendaPath(never), api.dsrTeam), 404, null);
    }

    @Test
    void aMeetingByExceptionHasNoAgenda() {
        UUID person = register.onRegister();
        UUID exception = testMeetings.exception(person, clock.instant().plus(Duration.ofDays(3)));

        assertProblem(api.http.get(agendaPath(exception), api.dsrLead), 404, null);
        assertProblem(api.http.post(regenerationOf(exception), api.dsrLead, ""), 404, null);
    }

    private JsonNode agendaOf(UUID meeting) {
        ApiResponse response = api.http.get(agendaPath(meeting), api.dsrTeam);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), WorkingHours.ENGLAND);
    }

    private static String agendaPath(UUID meeting) {
        return "/meetings/" + meeting + "/agenda";
    }

    private static String itemsOf(UUID meeting) {
        return agendaPath(meeting) + "/items";
    }

    private static String regenerationOf(UUID meeting) {
        return agendaPath(meeting) + "/regeneration";
    }

    private static List<UUID> peopleOn(JsonNode agenda) {
        return StreamSupport.stream(agenda.get("items").spliterator(), false)
                .map(item -> UUID.fromString(item.get("personId").asText())).toList();
    }

    private static JsonNode itemOf(JsonNode agenda, UUID personId) {
        return StreamSupport.stream(agenda.get("items").spliterator(), false)
                .filter(item -> item.get("personId").asText().equals(personId.toString())).findFirst()
                .orElseThrow(() -> new AssertionError(personId + " is not on " + agenda));
    }

    private static List<String> reasonsOf(JsonNode agenda, UUID personId) {
        return itemOf(agenda, personId).get("reasons").findValuesAsText("code");
    }

    private static List<String> whysOf(JsonNode agenda, UUID personId) {
        return itemOf(agenda, personId).get("reasons").findValuesAsText("why");
    }

    private static void assertProblem(ApiResponse response, int status, String field) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        if (field != null) {
            assertThat(response.json().get("errors").findValuesAsText("field")).as(response.text()).contains(field);
        }
    }

    /**
     * Meetings for these tests, written as the series and exceptions features would (each tracking meeting in its own
     * series) and held as {@code MeetingChanges} records a change: saved, then every follower told in the same
     * transaction. The meeting events themselves are the core's business (and their schemas are not all written
     * yet), so they are left out here.
     */
    @Singleton
    @Requires(property = "spec.name", value = "AgendaApiTest")
    static class TestMeetings {

        private final Meetings meetings;
        private final List<MeetingFollower> followers;
        private final java.time.Clock clock;

        TestMeetings(Meetings meetings, List<MeetingFollower> followers, java.time.Clock clock) {
            this.meetings = meetings;
            this.followers = followers;
            this.clock = clock;
        }

        @Transactional
        public UUID tracking(Instant startsAt) {
            UUID id = UUID.randomUUID();
            meetings.save(Meeting.tracking(id, AREA, UUID.randomUUID(), startsAt, startsAt.plus(Duration.ofHours(1)),
                    null).meeting());
            return id;
        }

        @Transactional
        public UUID exception(UUID personId, Instant startsAt) {
            UUID id = UUID.randomUUID();
            meetings.save(Meeting.exception(id, AREA, personId, startsAt, startsAt.plus(Duration.ofHours(1)), null,
                    "dsr-lead-1").meeting());
            return id;
        }

        @Transactional
        public void cancel(UUID meetingId) {
            meetings.save(meetings.findForUpdate(meetingId).orElseThrow()
                    .cancel(CancellationReason.NOT_NEEDED, clock.instant()).meeting());
        }

        @Transactional
        public void hold(UUID meetingId) {
            MeetingChange change = meetings.findForUpdate(meetingId).orElseThrow().hold(clock.instant());
            meetings.save(change.meeting());
            followers.forEach(follower -> follower.meetingChanged(change));
        }
    }

    /** Overdue actions as the outcomes feature would report them. */
    @Singleton
    @Replaces(OverdueActions.class)
    @Requires(property = "spec.name", value = "AgendaApiTest")
    static class FakeOverdueActions implements OverdueActions {

        private final List<OverdueAction> actions = new ArrayList<>();

        synchronized void add(UUID personId, LocalDate dueOn) {
            actions.add(new OverdueAction(UUID.randomUUID(), personId, dueOn));
        }

        @Override
        public synchronized List<OverdueAction> inArea(String area, LocalDate asOf) {
            return actions.stream().filter(action -> action.dueOn().isBefore(asOf)).toList();
        }
    }
}
