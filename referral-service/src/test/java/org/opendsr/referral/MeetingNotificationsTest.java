package org.opendsr.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.kit.messaging.DeadLetters;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.testkit.TestTokens;
import org.opendsr.testkit.TopicReader;

/**
 * meeting-service's events through the real broker and database to the local mailbox: a Meeting by Exception
 * invitation to the person's side in their accessible format (and again, saying so, when the time changed), an update
 * after a meeting discussed the person, neither to the responsible professional (they are in the meeting), and
 * neither to someone who asked not to be contacted or withdrew consent.
 */
@MicronautTest(transactional = false)
class MeetingNotificationsTest extends NotifierUnderTest {

    private static final String GROUP = "referral-service.meeting-notifications";
    private static final String REFERRER = "sam.patel@swindon-cldt.example";
    private static final ObjectMapper JSON = new ObjectMapper();

    private String referrer;


    @BeforeAll
    void signIn() {
        referrer = TestTokens.get().tokenFor(REFERRER, DsrRoles.PROFESSIONAL);
    }

    private static final Map<String, Object> THE_REFERRER_AS_KEY_PROFESSIONAL = Map.of("name", "Sam Patel",
            "role", "Community LD nurse", "organisation", "Swindon CLDT", "email", REFERRER, "userId", REFERRER);

    /** Seventeen: told in their own right, at their own e-mail address. */
    private Journeys.OnRegister aSeventeenYearOldOnTheRegister() {
        return journeys.putOnRegister(referrer, ReferralRequests.aReferralOfSomeoneNew()
                .with("dateOfBirth", LocalDate.now().minusYears(17).minusDays(10).toString())
                .with("contacts", List.of(Map.of("relationship", "PERSON", "email", "ottoline@example.org")))
                .with("keyProfessionals", List.of(THE_REFERRER_AS_KEY_PROFESSIONAL)));
    }

    /** Fifteen: a parent with parental responsibility is told. */
    private Journeys.OnRegister aChildWithAParentOnTheRegister() {
        return journeys.putOnRegister(referrer, ReferralRequests.aReferralOfSomeoneNew()
                .with("contacts", List.of(Map.of("relationship", "PARENT_OR_CARER", "name", "Hester Quince",
                        "email", "hester.quince@example.org", "hasParentalResponsibility", true)))
                .with("keyProfessionals", List.of(THE_REFERRER_AS_KEY_PROFESSIONAL)));
    }

    private void preferences(String personId, Map<String, Object> preferences) {
        assertThat(api.put("/people/" + personId + "/communication-preferences", journeys.dsrTeam(), preferences)
                .status()).isEqualTo(204);
    }

    private static ObjectNode invitation(String personId, String meetingId, String startsAt, String endsAt,
                                         int sequence) {
        return EventsOnTopics.goldenSample(EventTypes.MEETING_EXCEPTION_INVITATION_REQUESTED_V1, data -> data
                .put("meetingId", meetingId).put("startsAt", startsAt).put("endsAt", endsAt).put("sequence", sequence));
    }

    private static ObjectNode outcome(String meetingKind) {
        return EventsOnTopics.goldenSample(EventTypes.MEETING_OUTCOME_RECORDED_V1, data -> data
                .put("meetingKind", meetingKind).put("heldOn", "2026-11-12").put("actionsAgreed", 3)
                .put("servicesRecommended", 1));
    }

    /** As meeting-service publishes: subject and key the personId. */
    private void publish(ObjectNode event, String personId) {
        event.put("subject", personId);
        ((ObjectNode) event.get("data")).put("personId", personId);
        events.send(Topics.MEETING_EVENTS, personId, EventsOnTopics.bytes(event));
    }

    private void publishAndAwait(ObjectNode event, String personId) {
        publish(event, personId);
        database.awaitHandled(GROUP, event.get("id").asText());
    }

    private List<JsonNode> mailboxOf(String personId, int expected) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                api.get("/local-mailbox?personId=" + personId, journeys.dsrTeam()).json().get("items").size()
                        >= expected);
        List<JsonNode> messages = new ArrayList<>();
        api.get("/local-mailbox?personId=" + personId, journeys.dsrTeam()).json().get("items").forEach(messages::add);
        messages.sort(Comparator.comparing(m -> m.get("template").asText()));
        return messages;
    }

    private long notifications(String personId, String where) {
        // The meeting messages only: the referrer's outcome message, queued when the person was accepted, is not one.
        return database.count("SELECT count(*) FROM notification WHERE person_id = ?::uuid"
                + " AND message IN ('MEETING_BY_EXCEPTION_INVITATION', 'MEETING_OUTCOME_UPDATE',"
                + " 'MEETING_BY_EXCEPTION_CANCELLED')" + where, personId);
    }

    @Test
    void someoneWhoNeedsEasyReadIsInvitedInEasyReadAndToldWhenTheTimeChanges() {
        Journeys.OnRegister onRegister = aSeventeenYearOldOnTheRegister();
        String personId = onRegister.personId();
        preferences(personId, Map.of("accessibleFormat", "EASY_READ"));
        String meetingId = UUID.randomUUID().toString();
        ObjectNode first = invitation(personId, meetingId, "2036-01-15T10:00:00Z", "2036-01-15T11:30:00Z", 0);

        publishAndAwait(first, personId);
        List<JsonNode> invited = mailboxOf(personId, 1);

        assertThat(invited).hasSize(1);
        JsonNode message = invited.get(0);
        assertThat(message.get("recipient").asText()).isEqualTo("PERSON");
        assertThat(message.get("channel").asText()).isEqualTo("EMAIL");
        assertThat(message.get("template").asText()).isEqualTo("meeting-by-exception-invitation-person-email-easy-read");
        assertThat(message.get("sentTo").asText()).isEqualTo("ottoline@example.org");
        String givenName = journeys.person(personId).get("givenName").asText();
        assertThat(message.get("personalisation")).isEqualTo(JSON.valueToTree(Map.of("name", givenName,
                "person_name", givenName, "meeting_day", "Tuesday 15 January 2036", "start_time", "10am",
                "end_time", "11:30am", "time_changed", "no")));

        // Moved (British Summer Time by then): the invitation again, saying the time changed.
        publishAndAwait(invitation(personId, meetingId, "2036-04-16T13:00:00Z", "2036-04-16T14:00:00Z", 1), personId);
        List<JsonNode> both = mailboxOf(personId, 2);
        JsonNode moved = both.stream().filter(m -> m.at("/personalisation/time_changed").asText().equals("yes"))
                .findFirst().orElseThrow();
        assertThat(moved.get("personalisation")).isEqualTo(JSON.valueToTree(Map.of("name", givenName,
                "person_name", givenName, "meeting_day", "Wednesday 16 April 2036", "start_time", "2pm",
                "end_time", "3pm", "time_changed", "yes")));

        // The first again (re-delivered), and, behind it on the person's partition, a stale request at the old
        // sequence: nothing more.
        publish(first, personId);
        publishAndAwait(invitation(personId, meetingId, "2036-01-15T10:00:00Z", "2036-01-15T11:30:00Z", 0), personId);
        assertThat(notifications(personId, "")).isEqualTo(2);
        assertThat(notifications(personId, " AND recipient = 'RESPONSIBLE_PROFESSIONAL'"))
                .as("the responsible professional is invited by meeting-service, not told by the notifier").isZero();
    }

    @Test
    void anInvitationNotYetSentIsNeverSentOnceTheMeetingMovedOrWasCancelledAndASentOneIsCalledOff() {
        String personId = aSeventeenYearOldOnTheRegister().personId();
        preferences(personId, Map.of("accessibleFormat", "EASY_READ"));
        String meetingId = UUID.randomUUID().toString();
        publishAndAwait(invitation(personId, meetingId, "2036-01-15T10:00:00Z", "2036-01-15T11:30:00Z", 0), personId);
        mailboxOf(personId, 1);
        // As if the first had not gone yet when the meeting moved: only the new time is sent.
        database.update("UPDATE notification SET status = 'PENDING', next_attempt_at = now() + interval '1 hour',"
                + " settled_at = NULL, provider_reference = NULL, delivered_at = NULL, next_delivery_check_at = NULL"
                + " WHERE person_id = ?::uuid"
                + " AND message = 'MEETING_BY_EXCEPTION_INVITATION'", personId);
        publishAndAwait(invitation(personId, meetingId, "2036-01-22T10:00:00Z", "2036-01-22T11:30:00Z", 1), personId);
        // The new time is queued to go (the sender may already have sent it: it runs every 200 ms here).
        assertThat(database.column("SELECT (facts ->> 'sequence') || ' ' || CASE WHEN status = 'WITHHELD'"
                + " THEN status || ' ' || failure_reason WHEN status IN ('PENDING', 'SENT', 'DELIVERED') THEN 'TO GO'"
                + " ELSE status END FROM notification WHERE person_id = ?::uuid"
                + " AND message = 'MEETING_BY_EXCEPTION_INVITATION' ORDER BY 1",
                personId)).containsExactly("0 WITHHELD SUPERSEDED_BY_A_LATER_INVITATION", "1 TO GO");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> database.count(
                "SELECT count(*) FROM notification WHERE person_id = ?::uuid AND message ="
                        + " 'MEETING_BY_EXCEPTION_INVITATION' AND status = 'SENT'", personId) == 1);

        ObjectNode cancelled = EventsOnTopics.goldenSample(EventTypes.MEETING_CANCELLED_V1, data -> data
                .put("meetingId", meetingId).put("kind", "EXCEPTION").put("sequence", 2));
        publishAndAwait(cancelled, personId);
        publish(cancelled, personId);
        JsonNode calledOff = mailboxOf(personId, 3).stream()
                .filter(m -> m.get("template").asText().startsWith("meeting-by-exception-cancelled")).findFirst()
                .orElseThrow();
        assertThat(calledOff.get("template").asText()).isEqualTo("meeting-by-exception-cancelled-person-email-easy-read");
        assertThat(calledOff.at("/personalisation/meeting_day").asText()).isEqualTo("Tuesday 22 January 2036");
        assertThat(calledOff.at("/personalisation/start_time").asText()).isEqualTo("10am");
        assertThat(notifications(personId, " AND message = 'MEETING_BY_EXCEPTION_CANCELLED'")).isOne();
    }

    @Test
    void afterAMeetingTheParentOfAChildIsToldWhatCameOfItInPlainWordsAndWhoToAsk() {
        Journeys.OnRegister onRegister = aChildWithAParentOnTheRegister();
        String personId = onRegister.personId();
        ObjectNode tracking = outcome("TRACKING");

        publishAndAwait(tracking, personId);
        publish(tracking, personId);
        // Behind the re-delivery on the person's partition: once this is handled, so was the re-delivery.
        publishAndAwait(invitation(personId, UUID.randomUUID().toString(), "2020-01-14T10:00:00Z",
                "2020-01-14T11:00:00Z", 0), personId);

        List<JsonNode> messages = mailboxOf(personId, 1);
        assertThat(messages).hasSize(1);
        JsonNode update = messages.get(0);
        assertThat(update.get("recipient").asText()).isEqualTo("REPRESENTATIVE");
        assertThat(update.get("template").asText()).isEqualTo("meeting-outcome-update-person-email");
        assertThat(update.get("sentTo").asText()).isEqualTo("hester.quince@example.org");
        String givenName = journeys.person(personId).get("givenName").asText();
        assertThat(update.get("personalisation")).isEqualTo(JSON.valueToTree(Map.of("name", "Hester Quince",
                "person_name", givenName, "meeting_day", "Thursday 12 November 2026",
                "meeting_kind", "tracking meeting (a regular meeting of the professionals who support people on the"
                        + " register)",
                "actions_agreed", "3", "services_recommended", "1",
                "who_to_ask", "Sam Patel, Community LD nurse, Swindon CLDT")));
        assertThat(notifications(personId, "")).as("once, and not to the responsible professional").isEqualTo(1);
    }

    @Test
    void someoneWhoAskedNotToBeContactedIsNeitherInvitedNorUpdated() {
        Journeys.OnRegister onRegister = aSeventeenYearOldOnTheRegister();
        String personId = onRegister.personId();
        preferences(personId, Map.of("accessibleFormat", "EASY_READ",
                "askedNotToBeContactedOn", LocalDate.now().minusDays(1).toString()));

        publishAndAwait(invitation(personId, UUID.randomUUID().toString(), "2036-01-15T10:00:00Z",
                "2036-01-15T11:00:00Z", 0), personId);
        publishAndAwait(outcome("EXCEPTION"), personId);

        assertThat(notifications(personId, " AND status = 'WITHHELD' AND failure_reason = 'ASKED_NOT_TO_BE_CONTACTED'"))
                .isEqualTo(2);
        assertThat(notifications(personId, " AND status <> 'WITHHELD'")).isZero();
        assertThat(api.get("/local-mailbox?personId=" + personId, journeys.dsrTeam()).json().get("items")).isEmpty();
    }

    @Test
    void nobodyOnThePersonsSideIsInvitedAfterConsentWasWithdrawn() {
        Journeys.OnRegister onRegister = aChildWithAParentOnTheRegister();
        String personId = onRegister.personId();
        String consentId = journeys.recordConsent(personId, "ACTIVE");
        events.publishConsentEvent(EventsOnTopics.goldenSample(EventTypes.CONSENT_WITHDRAWN_V1,
                data -> data.put("consentId", consentId)), personId);
        journeys.awaitConsent(personId, "WITHDRAWN");

        publishAndAwait(invitation(personId, UUID.randomUUID().toString(), "2036-01-15T10:00:00Z",
                "2036-01-15T11:00:00Z", 0), personId);

        assertThat(notifications(personId, " AND status = 'WITHHELD' AND failure_reason = 'CONSENT_WITHDRAWN'"))
                .isEqualTo(1);
        assertThat(notifications(personId, " AND status <> 'WITHHELD'")).isZero();
    }

    @Test
    void anInvitationForAMeetingAlreadyOverQueuesNothing() {
        Journeys.OnRegister onRegister = aSeventeenYearOldOnTheRegister();

        publishAndAwait(invitation(onRegister.personId(), UUID.randomUUID().toString(), "2020-01-14T10:00:00Z",
                "2020-01-14T11:00:00Z", 0), onRegister.personId());

        assertThat(notifications(onRegister.personId(), "")).isZero();
    }

    @Test
    void aMalformedEventIsDeadLetteredAndQueuesNothing() {
        Journeys.OnRegister onRegister = aSeventeenYearOldOnTheRegister();
        String personId = onRegister.personId();
        ObjectNode broken = outcome("TRACKING");
        ((ObjectNode) broken.get("data")).remove("heldOn");
        try (TopicReader deadLetters = TopicReader.fromBeginning(Topics.deadLetterTopicOf(Topics.MEETING_EVENTS))) {
            publish(broken, personId);

            ConsumerRecord<String, String> deadLetter = deadLetters.awaitRecord(r -> personId.equals(r.key())
                    && GROUP.equals(TopicReader.header(r, DeadLetters.CONSUMER_GROUP)));

            assertThat(TopicReader.header(deadLetter, DeadLetters.REASON_CODE)).isEqualTo("SCHEMA_VIOLATION");
        }
        assertThat(notifications(personId, "")).isZero();
    }

    @Test
    void anUpdateAboutSomeoneReferralServiceDoesNotKnowIsDeadLetteredWithTheReason() {
        String stranger = UUID.randomUUID().toString();
        try (TopicReader deadLetters = TopicReader.fromBeginning(Topics.deadLetterTopicOf(Topics.MEETING_EVENTS))) {
            publish(outcome("EXCEPTION"), stranger);

            ConsumerRecord<String, String> deadLetter = deadLetters.awaitRecord(r -> stranger.equals(r.key()));

            assertThat(TopicReader.header(deadLetter, DeadLetters.REASON_CODE)).isEqualTo("REJECTED_BY_HANDLER");
            assertThat(TopicReader.header(deadLetter, DeadLetters.REASON)).isEqualTo("no person with this personId");
            assertThat(TopicReader.header(deadLetter, DeadLetters.CONSUMER_GROUP)).isEqualTo(GROUP);
        }
    }
}
