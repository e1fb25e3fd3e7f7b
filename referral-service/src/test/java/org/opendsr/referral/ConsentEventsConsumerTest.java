package org.opendsr.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.kit.messaging.DeadLetters;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.testkit.TestTokens;
import org.opendsr.testkit.TopicReader;

/**
 * referral-service as a consumer of consent-service's events (built from the golden samples), on the real broker:
 * each event leaves the person's consent standing where the register needs it; lapsed or withdrawn consent removes them
 * from the register; news of a consent other than the one held changes nothing; a re-sent event changes nothing; an
 * event about a person referral-service does not know is dead-lettered with the reason.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsentEventsConsumerTest extends ReferralServiceUnderTest {

    private String referrer;

    @BeforeAll
    void signIn() {
        referrer = TestTokens.get().tokenFor("sam.patel@swindon-cldt.example", DsrRoles.PROFESSIONAL);
    }

    private String someoneReferred() {
        return journeys.refer(referrer, ReferralRequests.aReferralOfSomeoneNew()).get("personId").asText();
    }

    /** A golden sample about the person's consent. */
    private void publish(String type, String personId, String consentId) {
        events.publishConsentEvent(EventsOnTopics.goldenSample(type, data -> data.put("consentId", consentId)), personId);
    }

    @Test
    void theGoldenSampleOfRecordedConsentMakesConsentActive() {
        String personId = someoneReferred();

        events.publishConsentEvent(EventsOnTopics.goldenSample(EventTypes.CONSENT_RECORDED_V1), personId);

        journeys.awaitConsent(personId, "ACTIVE");
    }

    @ParameterizedTest(name = "{0} leaves consent {1}")
    @CsvSource({
            "dsr.consent.renewal-due.v1, RENEWAL_DUE",
            "dsr.consent.overdue.v1,     OVERDUE",
            "dsr.consent.lapsed.v1,      LAPSED",
            "dsr.consent.withdrawn.v1,   WITHDRAWN"})
    void eachGoldenSampleMovesTheHeldConsentOn(String type, String status) {
        String personId = someoneReferred();
        String consentId = journeys.recordConsent(personId, "ACTIVE");

        publish(type, personId, consentId);

        journeys.awaitConsent(personId, status);
    }

    @Test
    void consentServiceSaysWhatARecordedConsentsStatusIs() {
        String personId = someoneReferred();

        // Given long ago, it is overdue the moment it is recorded.
        journeys.recordConsent(personId, "OVERDUE");
    }

    @Test
    void lapsedConsentRemovesThePersonFromTheRegister() {
        Journeys.OnRegister onRegister = journeys.putOnRegister(referrer, ReferralRequests.aReferralOfSomeoneNew());
        String consentId = consentRenewedNow(onRegister.personId());

        publish(EventTypes.CONSENT_LAPSED_V1, onRegister.personId(), consentId);

        assertThat(events.awaitEvent(EventTypes.REGISTER_PERSON_REMOVED_V1, onRegister.personId()).get("reason").asText())
                .isEqualTo("CONSENT_LAPSED");
        assertThat(journeys.person(onRegister.personId()).at("/register/status").asText()).isEqualTo("REMOVED");
    }

    @Test
    void aReSentWithdrawalChangesNothing() {
        Journeys.OnRegister onRegister = journeys.putOnRegister(referrer, ReferralRequests.aReferralOfSomeoneNew());
        ObjectNode withdrawal = EventsOnTopics.goldenSample(EventTypes.CONSENT_WITHDRAWN_V1,
                data -> data.put("consentId", consentRenewedNow(onRegister.personId())));

        events.publishConsentEvent(withdrawal, onRegister.personId());
        events.publishConsentEvent(withdrawal, onRegister.personId());
        // Events about one person are handled in order: once a later one is handled, the re-sent one was too.
        ObjectNode later = EventsOnTopics.goldenSample(EventTypes.CONSENT_RENEWAL_DUE_V1,
                data -> data.put("consentId", UUID.randomUUID().toString()));
        later.put("id", UUID.randomUUID().toString());
        events.publishConsentEvent(later, onRegister.personId());
        database.awaitHandled("referral-service.consent-events", later.get("id").asText());

        assertThat(database.outboxEvents(EventTypes.REGISTER_PERSON_REMOVED_V1, onRegister.personId())).isEqualTo(1);
    }

    @Test
    void newsOfAConsentOtherThanTheOneHeldChangesNothing() {
        String personId = someoneReferred();
        String old = journeys.recordConsent(personId, "OVERDUE");
        String renewed = journeys.recordConsent(personId, "ACTIVE");
        assertThat(renewed).isNotEqualTo(old);

        publish(EventTypes.CONSENT_LAPSED_V1, personId, old);
        // Events about one person stay in order: once this is applied, the stale one was handled.
        publish(EventTypes.CONSENT_RENEWAL_DUE_V1, personId, renewed);

        journeys.awaitConsent(personId, "RENEWAL_DUE");
    }

    @Test
    void withdrawalBeforeAcceptanceLeavesNothingToRemoveAndAcceptanceIsThenRefused() {
        JsonReceipt receipt = JsonReceipt.of(journeys.refer(referrer, ReferralRequests.aReferralOfSomeoneNew()));
        journeys.contact(receipt.referralId());
        String consentId = journeys.recordConsent(receipt.personId(), "ACTIVE");

        publish(EventTypes.CONSENT_WITHDRAWN_V1, receipt.personId(), consentId);
        journeys.awaitConsent(receipt.personId(), "WITHDRAWN");

        assertThat(journeys.accept(receipt.referralId(), Map.of("criteria", Journeys.ALL_CRITERIA_MET)).status())
                .isEqualTo(409);
    }

    @Test
    void reminderDueIsNotReferralServicesBusinessAndIsSkipped() {
        String personId = someoneReferred();
        String consentId = journeys.recordConsent(personId, "ACTIVE");
        try (TopicReader deadLetters = TopicReader.fromBeginning(Topics.deadLetterTopicOf(Topics.CONSENT_EVENTS))) {
            publish(EventTypes.CONSENT_REMINDER_DUE_V1, personId, consentId);
            publish(EventTypes.CONSENT_RENEWAL_DUE_V1, personId, consentId);

            journeys.awaitConsent(personId, "RENEWAL_DUE");
            assertThat(deadLetters.readFor(Duration.ofMillis(300), r -> personId.equals(r.key()))).isEmpty();
        }
    }

    @Test
    void anEventAboutSomeoneReferralServiceDoesNotKnowIsDeadLetteredWithTheReason() {
        String stranger = UUID.randomUUID().toString();
        try (TopicReader deadLetters = TopicReader.fromBeginning(Topics.deadLetterTopicOf(Topics.CONSENT_EVENTS))) {
            events.publishConsentEvent(EventsOnTopics.goldenSample(EventTypes.CONSENT_RECORDED_V1), stranger);

            ConsumerRecord<String, String> deadLetter = deadLetters.awaitRecord(r -> stranger.equals(r.key()));

            assertThat(TopicReader.header(deadLetter, DeadLetters.REASON_CODE)).isEqualTo("REJECTED_BY_HANDLER");
            assertThat(TopicReader.header(deadLetter, DeadLetters.REASON)).isEqualTo("no person with this personId");
            assertThat(TopicReader.header(deadLetter, DeadLetters.CONSUMER_GROUP)).isEqualTo("referral-service.consent-events");
        }
    }

    /** consent-service records a renewal now: the consent held from here on. */
    private String consentRenewedNow(String personId) {
        return journeys.recordConsent(personId, "ACTIVE");
    }

    /** A receipt's ids. */
    record JsonReceipt(String referralId, String personId) {
        static JsonReceipt of(com.fasterxml.jackson.databind.JsonNode receipt) {
            return new JsonReceipt(receipt.get("referralId").asText(), receipt.get("personId").asText());
        }
    }
}
