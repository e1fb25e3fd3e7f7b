package org.opendsr.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.opendsr.consent.support.ConsentRequests.bestInterestsDecision;
import static org.opendsr.consent.support.ConsentRequests.informedConsent;
import static org.opendsr.consent.support.ConsentRequests.parentalResponsibility;
import static org.opendsr.consent.support.ConsentRequests.renewalOf;
import static org.opendsr.consent.support.ConsentRequests.with;
import static org.opendsr.consent.support.ConsentRequests.withdrawal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.testkit.events.PublishedEvents;
import org.opendsr.testkit.events.PublishedEvents.Published;
import org.opendsr.testkit.events.ReferralEvents;
import org.opendsr.contracts.EventCatalogue;
import org.opendsr.contracts.EventContract;
import org.opendsr.contracts.EventSchemas;
import org.opendsr.contracts.EventSources;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.contracts.common.AgeBand;
import org.opendsr.contracts.common.LifeStage;
import org.opendsr.contracts.referral.RemovalReason;
import org.opendsr.kit.messaging.CloudEventCodec;
import org.opendsr.kit.messaging.DeadLetters;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.testkit.TestTokens;
import org.opendsr.testkit.TopicReader;

/**
 * The event contracts from consent-service's side. As a producer: every consent event it publishes is a valid
 * CloudEvent of its published contract, keyed by the person, with no personal data or free text. As a consumer:
 * referral-service's events, built from their golden samples, have the effect the contract promises.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsentEventsContractTest extends ConsentServiceUnderTest {

    private static final Set<String> CONSENT_EVENT_TYPES = Set.of(EventTypes.CONSENT_RECORDED_V1,
            EventTypes.CONSENT_RENEWAL_DUE_V1, EventTypes.CONSENT_OVERDUE_V1, EventTypes.CONSENT_REMINDER_DUE_V1,
            EventTypes.CONSENT_LAPSED_V1, EventTypes.CONSENT_WITHDRAWN_V1);

    @Inject
    JsonMapper json;

    private PublishedEvents published;
    private TopicReader deadLetters;

    @BeforeAll
    void prepare() {
        published = new PublishedEvents(org.opendsr.contracts.Topics.CONSENT_EVENTS);
        deadLetters = TopicReader.fromBeginning(Topics.deadLetterTopicOf(Topics.REFERRAL_EVENTS));
    }

    @AfterAll
    void tidyUp() {
        published.close();
        deadLetters.close();
    }

    private UUID knownAdult() {
        UUID personId = referrals.referredAdult();
        api.awaitKnown(personId);
        return personId;
    }

    /** A referral exactly as the golden sample shows it (a child aged 14 to 17), with fresh ids. */
    private UUID knownFromTheGoldenReferralSample() {
        UUID personId = UUID.randomUUID();
        ObjectNode referral = ReferralEvents.goldenSample(EventTypes.REFERRAL_RECEIVED_V1, personId);
        ((ObjectNode) referral.get("data")).put("referralId", UUID.randomUUID().toString());
        referrals.referrerJoins(personId);
        referrals.send(personId, referral);
        api.awaitKnown(personId);
        return personId;
    }

    /** What a consumer of dsr.consent.events checks, and the contract promises. */
    private void assertValidConsentEvent(Published event, UUID personId) {
        ConsumerRecord<String, String> record = event.record();
        assertThat(record.key()).isEqualTo(personId.toString());
        CloudEventCodec.ReceivedCloudEvent read = CloudEventCodec.read(record.value().getBytes(StandardCharsets.UTF_8));
        EventContract contract = EventCatalogue.of(event.type());
        assertThat(read.contract()).isEqualTo(contract);
        assertThat(contract.topic()).isEqualTo(Topics.CONSENT_EVENTS);
        assertThat(read.source()).isEqualTo(EventSources.CONSENT_SERVICE);
        assertThat(read.subject()).isEqualTo(personId.toString());
        assertThat(EventSchemas.envelopeProblems(event.cloudEvent())).isEmpty();
        assertThat(EventSchemas.dataProblems(contract, event.data())).isEmpty();
        assertThat(event.cloudEvent().get("dataschema").asText()).isEqualTo(contract.dataSchema().toString());
        assertThat(event.data().get("personId").asText()).isEqualTo(personId.toString());
        assertThat(mapsToItsPayloadRecord(event, contract)).isTrue();
    }

    private boolean mapsToItsPayloadRecord(Published event, EventContract contract) {
        try {
            return contract.payloadType().isInstance(json.readValue(event.data().toString(), contract.payloadType()));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyConsentEventItPublishesIsAValidCloudEventOfItsContract() {
        LocalDate today = api.today();
        UUID renewalDue = knownAdult();
        UUID overdue = knownAdult();
        UUID lapsed = knownAdult();
        UUID withdrawn = knownAdult();
        // Due in 31 days: the renewal window opens tomorrow.
        api.recorded(informedConsent(renewalDue, today.minusYears(1).plusDays(31)));
        // Due tomorrow.
        api.recorded(informedConsent(overdue, today.minusYears(1).plusDays(1)));
        // Its grace period ended a week ago: it lapses at the next run.
        api.recorded(informedConsent(lapsed, today.minusYears(1).minusWeeks(5)));
        String toWithdraw = api.recorded(informedConsent(withdrawn, today)).get("consentId").asText();
        api.withdraw(toWithdraw, withdrawal("REPRESENTATIVE_WITHDREW"));
        api.advanceClockByDays(1);
        api.runLifecycle();

        Map<UUID, List<String>> expected = Map.of(
                renewalDue, List.of(EventTypes.CONSENT_RECORDED_V1, EventTypes.CONSENT_RENEWAL_DUE_V1,
                        EventTypes.CONSENT_REMINDER_DUE_V1),
                overdue, List.of(EventTypes.CONSENT_RECORDED_V1, EventTypes.CONSENT_OVERDUE_V1,
                        EventTypes.CONSENT_REMINDER_DUE_V1),
                lapsed, List.of(EventTypes.CONSENT_RECORDED_V1, EventTypes.CONSENT_LAPSED_V1),
                withdrawn, List.of(EventTypes.CONSENT_RECORDED_V1, EventTypes.CONSENT_WITHDRAWN_V1));
        List<String> typesSeen = new ArrayList<>();
        expected.forEach((personId, types) -> {
            List<Published> events = published.about(personId, types.size());
            assertThat(events).extracting(Published::type).containsExactlyElementsOf(types);
            events.forEach(event -> assertValidConsentEvent(event, personId));
            events.forEach(event -> typesSeen.add(event.type()));
        });
        assertThat(Set.copyOf(typesSeen)).isEqualTo(CONSENT_EVENT_TYPES);

        JsonNode overdueEvent = published.first(overdue, EventTypes.CONSENT_OVERDUE_V1).data();
        assertThat(overdueEvent.get("overdueSince").asText()).isEqualTo(today.plusDays(1).toString());
        assertThat(overdueEvent.get("graceEndsOn").asText()).isEqualTo(today.plusDays(29).toString());
        assertThat(overdueEvent.get("reason").asText()).isEqualTo("ANNUAL_RENEWAL");
        JsonNode reminder = published.first(renewalDue, EventTypes.CONSENT_REMINDER_DUE_V1).data();
        assertThat(reminder.get("subject").asText()).isEqualTo("RENEWAL_DUE_SOON");
        assertThat(reminder.get("reminderNumber").asInt()).isEqualTo(1);
    }

    @Test
    void consentRecordedSaysWhetherItIsActiveConsentWithTheGraceEndWhenOverdue() {
        LocalDate today = api.today();
        UUID personId = knownAdult();
        String overdue = api.recorded(informedConsent(personId, today.minusYears(1).minusWeeks(1)))
                .get("consentId").asText();
        api.recorded(renewalOf(informedConsent(personId, today), overdue));

        List<Published> recorded = published.about(personId, 2);
        recorded.forEach(event -> assertValidConsentEvent(event, personId));
        assertThat(recorded.get(0).data().get("status").asText()).isEqualTo("OVERDUE");
        assertThat(recorded.get(0).data().get("graceEndsOn").asText()).isEqualTo(today.plusWeeks(3).toString());
        assertThat(recorded.get(1).data().get("status").asText()).isEqualTo("ACTIVE");
        assertThat(recorded.get(1).data().get("renewalOf").asText()).isEqualTo(overdue);
    }

    @Test
    void itsEventsCarryNoFreeTextAndNoContactDetails() {
        UUID personId = knownAdult();
        String place = "Locked cabinet in the Riverside team office";
        String role = "Approved mental health professional";
        String note = "Prefers not to be contacted by the team";
        String consentId = api.recorded(with(with(bestInterestsDecision(personId, api.today()), "formKeptAt", place),
                "bestInterests", Map.of("capacityAssessedOn", api.today().toString(), "decisionMakerRole", role)))
                .get("consentId").asText();
        api.withdraw(consentId, with(withdrawal("OTHER"), "note", note));

        for (Published event : published.about(personId, 2)) {
            assertThat(event.record().value()).doesNotContain(place, role, note, "professional-1");
            List<String> fields = new ArrayList<>();
            event.data().fieldNames().forEachRemaining(fields::add);
            assertThat(fields).noneMatch(field -> Set.of("name", "email", "phone", "address", "nhsNumber",
                    "dateOfBirth", "formKeptAt", "note", "decisionMakerRole").contains(field));
        }
    }

    @Test
    void aReferralAsInTheGoldenSampleMakesThePersonKnownAsAChild() {
        UUID child = knownFromTheGoldenReferralSample();

        JsonNode consent = api.recorded(parentalResponsibility(child, api.today()));

        assertThat(consent.get("givenForChild").asBoolean()).isTrue();
    }

    @Test
    void aReferralAsInTheGoldenSampleSaysTheyAreNotUnder16SoTheMentalCapacityActApplies() {
        UUID sixteenOrSeventeen = knownFromTheGoldenReferralSample();

        assertThat(api.recorded(bestInterestsDecision(sixteenOrSeventeen, api.today())).get("basis").asText())
                .isEqualTo("BEST_INTERESTS_DECISION");
    }

    @Test
    void turned16AsInTheGoldenSampleLetsABestInterestsDecisionBeRecordedForSomeoneReferredAt15() {
        LocalDate today = api.today();
        UUID child = UUID.randomUUID();
        ObjectNode referral = ReferralEvents.goldenSample(EventTypes.REFERRAL_RECEIVED_V1, child);
        ((ObjectNode) referral.get("data")).put("referralId", UUID.randomUUID().toString()).put("under16", true);
        referrals.referrerJoins(child);
        referrals.send(child, referral);
        api.awaitKnown(child);
        assertThat(api.record(bestInterestsDecision(child, today)).status()).isEqualTo(409);

        ObjectNode turned16 = ReferralEvents.goldenSample(EventTypes.PERSON_TURNED_16_V1, child);
        ((ObjectNode) turned16.get("data")).put("turned16In", YearMonth.from(today).minusMonths(1).toString());
        referrals.send(child, turned16);

        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.record(bestInterestsDecision(child, today)).status() == 201);
    }

    @Test
    void turned16OfSomeoneNoReferralIntroducedIsSkippedNotDeadLettered() {
        UUID notYetKnown = UUID.randomUUID();

        referrals.send(notYetKnown, ReferralEvents.goldenSample(EventTypes.PERSON_TURNED_16_V1, notYetKnown));
        // Their referral after it, on the same partition: once they are known, the announcement has been dealt with.
        ObjectNode referral = ReferralEvents.goldenSample(EventTypes.REFERRAL_RECEIVED_V1, notYetKnown);
        ((ObjectNode) referral.get("data")).put("referralId", UUID.randomUUID().toString()).put("under16", true);
        referrals.referrerJoins(notYetKnown);
        referrals.send(notYetKnown, referral);
        api.awaitKnown(notYetKnown);

        assertThat(deadLetters.readFor(Duration.ofMillis(500), record -> notYetKnown.toString().equals(record.key())))
                .isEmpty();
        assertThat(api.record(bestInterestsDecision(notYetKnown, api.today())).status())
                .as("the announcement before they were known changed nothing").isEqualTo(409);
    }

    @Test
    void turning18AsInTheGoldenSampleMakesAChildsConsentDueByTheEndOfThatMonth() {
        LocalDate today = api.today();
        YearMonth thisMonth = YearMonth.from(today);
        UUID child = knownFromTheGoldenReferralSample();
        String consentId = api.recorded(parentalResponsibility(child, today.minusMonths(2))).get("consentId").asText();

        ObjectNode turning18 = ReferralEvents.goldenSample(EventTypes.PERSON_TURNING_18_V1, child);
        ((ObjectNode) turning18.get("data")).put("turns18In", thisMonth.toString())
                .put("consentRenewalDueBy", thisMonth.atEndOfMonth().toString());
        referrals.send(child, turning18);

        await().atMost(Duration.ofSeconds(30)).until(() ->
                "TURNED_18".equals(api.history(child).get("consents").get(0).path("renewalReason").asText()));
        JsonNode current = api.history(child).get("consents").get(0);
        assertThat(current.get("renewalDueOn").asText()).isEqualTo(thisMonth.atEndOfMonth().toString());
        assertThat(current.get("status").asText()).isIn("RENEWAL_DUE", "OVERDUE");
        // An adult for consent from the first of that month: parental responsibility no longer applies.
        assertThat(api.record(renewalOf(parentalResponsibility(child, today), consentId)).status()).isEqualTo(409);
        assertThat(api.recorded(renewalOf(informedConsent(child, today), consentId)).get("status").asText())
                .isEqualTo("ACTIVE");
    }

    @Test
    void removalFromTheRegisterAsInTheGoldenSampleTakesThePersonOffTheWorklists() {
        UUID personId = knownAdult();
        api.recorded(informedConsent(personId, api.today().minusYears(1).plusDays(20)));
        referrals.accepted(personId);

        referrals.send(personId, ReferralEvents.goldenSample(EventTypes.REGISTER_PERSON_REMOVED_V1, personId));

        await().atMost(Duration.ofSeconds(30)).until(() -> api.history(personId).has("leftRegisterOn"));
        assertThat(api.worklist("renewals-due").get("entries").findValuesAsText("personId"))
                .doesNotContain(personId.toString());
    }

    @Test
    void theOldDayPreciseEventFromOlderRecordsCountsOnlyByItsMonthAndWhenItWasPublished() {
        LocalDate today = api.today();
        YearMonth lastMonth = YearMonth.from(today).minusMonths(1);
        UUID child = knownFromTheGoldenReferralSample();
        api.recorded(parentalResponsibility(child, today.minusMonths(2)));

        // Delivered late (an older record, or replayed from the dead-letter topic): its month stays where it was.
        referrals.turned18(child, lastMonth.atDay(12).atTime(9, 0).atZone(ZoneId.of("Europe/London")).toInstant());

        JsonNode overdue = published.first(child, EventTypes.CONSENT_OVERDUE_V1).data();
        assertThat(overdue.get("overdueSince").asText())
                .as("the last day of the month, not the birthday").isEqualTo(lastMonth.atEndOfMonth().toString());
        assertThat(overdue.get("graceEndsOn").asText()).isEqualTo(lastMonth.atEndOfMonth().plusDays(28).toString());
    }

    @Test
    void theOldEventJustAfterMidnightInEnglandOnTheFirstIsThatMonths() {
        LocalDate today = api.today();
        YearMonth thisMonth = YearMonth.from(today);
        UUID child = knownFromTheGoldenReferralSample();
        api.recorded(parentalResponsibility(child, today.minusMonths(2)));

        // 00:30 in England in summer is 23:30 UTC the day before: still this month in England.
        referrals.turned18(child, thisMonth.atDay(1).atTime(0, 30).atZone(ZoneId.of("Europe/London")).toInstant());

        await().atMost(Duration.ofSeconds(30)).until(() ->
                "TURNED_18".equals(api.history(child).get("consents").get(0).path("renewalReason").asText()));
        assertThat(api.history(child).get("consents").get(0).get("renewalDueOn").asText())
                .isEqualTo(thisMonth.atEndOfMonth().toString());
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        UUID child = UUID.randomUUID();
        ObjectNode referral = ReferralEvents.goldenSample(EventTypes.REFERRAL_RECEIVED_V1, child);
        ((ObjectNode) referral.get("data")).put("referralId", UUID.randomUUID().toString());
        referrals.referrerJoins(child);
        referrals.send(child, referral);
        api.awaitKnown(child);
        api.recorded(parentalResponsibility(child, api.today()));
        referrals.removedFromRegister(child, RemovalReason.STEPPED_DOWN);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.history(child).has("leftRegisterOn"));

        // Applied again, the referral would put the person back on the worklists.
        referrals.send(child, referral);
        referrals.turning18(child, YearMonth.from(api.today()).minusMonths(1));

        published.first(child, EventTypes.CONSENT_OVERDUE_V1);
        assertThat(api.history(child).has("leftRegisterOn")).isTrue();
    }

    @Test
    void turning18OfSomeoneNoReferralIntroducedIsSetAsideNotDeadLettered() {
        // referral-service announced people whose self or family referral was never completed, whom nobody else
        // knew: such records (and the old day-precise ones) may still be on the topic. Nobody unknown has a consent
        // to renew, and referral-service announces them again once a referral of theirs is announced: a dead letter
        // would be a false alert.
        UUID stranger = UUID.randomUUID();
        referrals.turning18(stranger);
        referrals.turned18(stranger, Instant.now());

        // Referred afterwards (on the same partition, so after both announcements were dealt with).
        UUID referralId = referrals.referred(stranger, LifeStage.CHILD, AgeBand.AGE_14_TO_17, Instant.now());
        api.awaitKnown(stranger);

        assertThat(deadLetters.readFor(Duration.ofMillis(500), record -> stranger.toString().equals(record.key())))
                .as("no dead letter about %s (referral %s)", stranger, referralId).isEmpty();
        // Nothing was kept of the announcements: a child to consent-service until referral-service announces again.
        JsonNode consent = api.recorded(parentalResponsibility(stranger, api.today()));
        assertThat(consent.get("renewalReason").asText()).isEqualTo("ANNUAL_RENEWAL");
    }

    @Test
    void referralOutcomesAsInTheGoldenSamplesDecideWhetherTheConsentIsFollowedUp() {
        UUID accepted = knownAdult();
        UUID declined = knownAdult();
        UUID withdrawn = knownAdult();
        api.recorded(informedConsent(declined, api.today().minusYears(1).plusDays(20)));

        referrals.send(accepted, withReferral(EventTypes.REFERRAL_ACCEPTED_V1, accepted));
        referrals.send(declined, withReferral(EventTypes.REFERRAL_DECLINED_V1, declined));
        referrals.send(withdrawn, withReferral(EventTypes.REFERRAL_WITHDRAWN_V1, withdrawn));

        await().atMost(Duration.ofSeconds(30)).until(() -> api.history(accepted).get("onRegister").asBoolean());
        await().atMost(Duration.ofSeconds(30)).until(() -> !api.history(declined).get("followedUp").asBoolean());
        await().atMost(Duration.ofSeconds(30)).until(() -> !api.history(withdrawn).get("followedUp").asBoolean());
        assertThat(api.history(accepted).get("followedUp").asBoolean()).isTrue();
        assertThat(api.history(accepted).get("openReferrals").asInt()).isZero();
        assertThat(api.worklist("renewals-due").get("entries").findValuesAsText("personId"))
                .doesNotContain(declined.toString());
    }

    @Test
    void anOutcomeOfAReferralOfSomeoneNoReferralIntroducedGoesToTheDeadLetterTopic() {
        UUID stranger = UUID.randomUUID();

        referrals.send(stranger, ReferralEvents.goldenSample(EventTypes.REFERRAL_DECLINED_V1, stranger));

        ConsumerRecord<String, String> deadLetter = deadLetters.awaitRecord(record ->
                stranger.toString().equals(record.key())
                        && "consent-service".equals(TopicReader.header(record, DeadLetters.CONSUMER_GROUP)));
        assertThat(TopicReader.header(deadLetter, DeadLetters.REASON)).contains("no referral");
    }

    /** The golden sample of a referral outcome, about the person's referral this test sent. */
    private ObjectNode withReferral(String type, UUID personId) {
        ObjectNode event = ReferralEvents.goldenSample(type, personId);
        ((ObjectNode) event.get("data")).put("referralId", referrals.latestReferralOf(personId).toString());
        return event;
    }

    @Test
    void aCareTeamAsInTheGoldenSampleDecidesWhoMayReadAndChangeConsents() {
        UUID personId = UUID.randomUUID();
        referrals.send(personId, ReferralEvents.goldenSample(EventTypes.PERSON_CARE_TEAM_CHANGED_V1, personId));
        ObjectNode referral = ReferralEvents.goldenSample(EventTypes.REFERRAL_RECEIVED_V1, personId);
        ((ObjectNode) referral.get("data")).put("referralId", UUID.randomUUID().toString());
        referrals.send(personId, referral);
        api.awaitKnown(personId);

        // The sample's referrer, "professional", is in the team; its break-glass membership ended long ago.
        String referrer = TestTokens.get().tokenFor("professional", DsrRoles.PROFESSIONAL);
        String formerBreakGlassReader = TestTokens.get().tokenFor("dsr-lead", DsrRoles.PROFESSIONAL);
        assertThat(api.http.get("/consents/people/" + personId, referrer).status()).isEqualTo(200);
        assertThat(api.http.get("/consents/people/" + personId, formerBreakGlassReader).status()).isEqualTo(404);
        assertThat(api.http.get("/consents/people/" + personId, api.professional).status()).isEqualTo(404);
    }

    @Test
    void referralEventsItDoesNotUseAreSkippedNotDeadLettered() {
        UUID personId = knownAdult();

        referrals.send(personId, ReferralEvents.goldenSample(EventTypes.REFERRAL_CONTACTED_V1, personId));
        referrals.removedFromRegister(personId, RemovalReason.STEPPED_DOWN);

        // The removal after it was applied, so the accepted event before it has been dealt with.
        await().atMost(Duration.ofSeconds(30)).until(() -> api.history(personId).has("leftRegisterOn"));
        assertThat(deadLetters.readFor(Duration.ofMillis(500), record -> personId.toString().equals(record.key())))
                .isEmpty();
    }
}
