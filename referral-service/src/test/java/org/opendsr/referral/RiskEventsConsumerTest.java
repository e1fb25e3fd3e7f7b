package org.opendsr.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.kit.messaging.DeadLetters;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.testclock.MovableClock;
import org.opendsr.testkit.TestTokens;
import org.opendsr.testkit.TopicReader;

/**
 * referral-service as a consumer of risk-service's rating changes (built from the golden sample), on the real broker:
 * someone under 25 on the register who is rated Red, Amber or Blue gets a keyworker referral suggested for their
 * register entry, once however often they are rated; Green, or anyone 25 or over, suggests nothing; a rating about
 * someone unknown is dead-lettered with the reason. The age that counts is the one on the rating's date, wherever the
 * service's clock stands when the event arrives (issue 15). "Nothing" is checked exactly: once the consumer has recorded the
 * event as handled (same transaction as its effects), the outbox holds every event it caused.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RiskEventsConsumerTest extends ReferralServiceUnderTest {

    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    @Inject
    MovableClock clock;

    private String referrer;

    @BeforeAll
    void signIn() {
        referrer = TestTokens.get().tokenFor("sam.patel@swindon-cldt.example", DsrRoles.PROFESSIONAL);
    }

    @AfterEach
    void backToRealTime() {
        clock.advance(clock.offset().negated());
    }

    /** Today in England by the service's (test) clock. */
    private LocalDate today() {
        return LocalDate.now(clock.withZone(ENGLAND));
    }

    /** Publishes risk-service's rating change, rated today, and returns its event id. */
    private String rate(String personId, String rating) {
        return rate(personId, rating, LocalDate.now());
    }

    /** Publishes risk-service's rating change made on {@code ratedOn} and returns its event id. */
    private String rate(String personId, String rating, LocalDate ratedOn) {
        String eventId = UUID.randomUUID().toString();
        ObjectNode event = EventsOnTopics.goldenSample(EventTypes.RISK_RATING_CHANGED_V1, data -> data
                .put("personId", personId).put("rating", rating).put("ratedOn", ratedOn.toString()));
        event.put("id", eventId).put("subject", personId);
        events.send(Topics.RISK_EVENTS, personId, EventsOnTopics.bytes(event));
        return eventId;
    }

    private void awaitHandled(String eventId) {
        database.awaitHandled("referral-service.risk-events", eventId);
    }

    /** Keyworker suggestions written for the person because of a rating (exact: read from the outbox, not the topic). */
    private long suggestionsBecauseRated(String personId) {
        return database.count("SELECT count(*) FROM dsr_kit.outbox_event WHERE aggregateid = ? AND type = ?"
                + " AND payload->>'reason' = 'RATED_RED_AMBER_OR_BLUE'", personId,
                EventTypes.PERSON_KEYWORKER_REFERRAL_SUGGESTED_V1);
    }

    @Test
    void someoneUnder25RatedAmberGetsAKeyworkerReferralSuggestedOncePerRegisterEntry() {
        Journeys.OnRegister onRegister = journeys.putOnRegister(referrer, ReferralRequests.aReferralOfSomeoneNew()
                .with("dateOfBirth", LocalDate.now().minusYears(19).toString()));

        rate(onRegister.personId(), "AMBER");
        JsonNode suggestion = events.awaitEvent(EventTypes.PERSON_KEYWORKER_REFERRAL_SUGGESTED_V1,
                onRegister.personId(), data -> "RATED_RED_AMBER_OR_BLUE".equals(data.get("reason").asText()));
        assertThat(suggestion.get("episodeId").asText()).isEqualTo(onRegister.registerEntryId());
        assertThat(suggestion.get("ageBand").asText()).isEqualTo("AGE_18_TO_24");

        rate(onRegister.personId(), "RED");
        awaitHandled(rate(onRegister.personId(), "BLUE"));

        assertThat(suggestionsBecauseRated(onRegister.personId())).as("once per register entry").isEqualTo(1);
    }

    @Test
    void whileProcessingIsRestrictedARatingSuggestsNoKeyworkerAndOnceLiftedItDoes() {
        Journeys.OnRegister onRegister = journeys.putOnRegister(referrer, ReferralRequests.aReferralOfSomeoneNew()
                .with("dateOfBirth", LocalDate.now().minusYears(19).toString()));
        assertThat(api.put("/people/" + onRegister.personId() + "/processing-restriction", journeys.dsrTeam(),
                java.util.Map.of("restricted", true, "reason", "Accuracy contested")).status()).isEqualTo(200);

        awaitHandled(rate(onRegister.personId(), "RED"));

        assertThat(suggestionsBecauseRated(onRegister.personId())).as("non-essential: stopped").isZero();
        assertThat(api.put("/people/" + onRegister.personId() + "/processing-restriction", journeys.dsrTeam(),
                java.util.Map.of("restricted", false)).status()).isEqualTo(200);
        awaitHandled(rate(onRegister.personId(), "AMBER"));
        assertThat(suggestionsBecauseRated(onRegister.personId())).isEqualTo(1);
    }

    @Test
    void aGreenRatingOrSomeoneAged25OrOverSuggestsNothing() {
        Journeys.OnRegister young = journeys.putOnRegister(referrer, ReferralRequests.aReferralOfSomeoneNew()
                .with("dateOfBirth", LocalDate.now().minusYears(20).toString()));
        Journeys.OnRegister older = journeys.putOnRegister(referrer, ReferralRequests.aReferralOfSomeoneNew()
                .with("dateOfBirth", LocalDate.now().minusYears(30).toString()));

        awaitHandled(rate(young.personId(), "GREEN"));
        awaitHandled(rate(older.personId(), "RED"));

        assertThat(suggestionsBecauseRated(young.personId())).isZero();
        assertThat(suggestionsBecauseRated(older.personId())).isZero();
    }

    @Test
    void aRatingMadeTheDayBeforeThe25thBirthdaySuggestsAKeyworkerThoughItArrivesAfterIt() {
        LocalDate ratedOn = today();
        LocalDate birthday25 = ratedOn.plusDays(1);
        Journeys.OnRegister onRegister = journeys.putOnRegister(referrer, ReferralRequests.aReferralOfSomeoneNew()
                .with("dateOfBirth", birthday25.minusYears(25).toString()));

        // The consumer runs behind: the rating reaches it three days later, when the person is 25.
        clock.advance(Period.ofDays(3));
        awaitHandled(rate(onRegister.personId(), "AMBER", ratedOn));

        assertThat(suggestionsBecauseRated(onRegister.personId())).as("rated at 24").isEqualTo(1);
    }

    @Test
    void aRatingMadeOnThe25thBirthdaySuggestsNothingThoughTheServicesClockIsStillBeforeIt() {
        LocalDate birthday25 = today().plusDays(2);
        Journeys.OnRegister onRegister = journeys.putOnRegister(referrer, ReferralRequests.aReferralOfSomeoneNew()
                .with("dateOfBirth", birthday25.minusYears(25).toString()));

        // The service's clock is behind the rating's date (by the test clock here; by skew or a replay elsewhere).
        awaitHandled(rate(onRegister.personId(), "RED", birthday25));

        assertThat(suggestionsBecauseRated(onRegister.personId())).as("rated at 25").isZero();
    }

    @Test
    void aRatingAboutSomeoneReferralServiceDoesNotKnowIsDeadLetteredWithTheReason() {
        String stranger = UUID.randomUUID().toString();
        try (TopicReader deadLetters = TopicReader.fromBeginning(Topics.deadLetterTopicOf(Topics.RISK_EVENTS))) {
            rate(stranger, "RED");

            ConsumerRecord<String, String> deadLetter = deadLetters.awaitRecord(r -> stranger.equals(r.key()));

            assertThat(TopicReader.header(deadLetter, DeadLetters.REASON)).isEqualTo("no person with this personId");
            assertThat(TopicReader.header(deadLetter, DeadLetters.CONSUMER_GROUP)).isEqualTo("referral-service.risk-events");
        }
    }
}
