package org.opendsr.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.kit.messaging.DeadLetters;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.referral.person.application.ApplyingAgencyUpdates;
import org.opendsr.testkit.LogCapture;
import org.opendsr.testkit.TestTokens;
import org.opendsr.testkit.TopicReader;
import org.slf4j.LoggerFactory;

/**
 * referral-service as the gate of the agency topics ({@code dsr.agency.inbound.<agency-id>}), the only topics that carry
 * personal data: agency systems' referrals and updates (built from the golden samples of the contracts module) on the
 * real broker become people, referrals and internal events keyed by personId; a malformed event, one that breaks its
 * schema, one with an NHS number that fails the Modulus 11 check and an update about someone the DSR does not know each
 * go to the agency's own dead-letter topic with the reason (never quoting the NHS number; an admission report about
 * someone unknown or not the agency's goes to the DSR team instead, issue 14: AdmissionNotOnRegisterApiTest); a
 * re-sent event changes nothing. Issue 11: an agency is the topic it writes (its source must say the same, its topic must be registered); an
 * update must match NHS number and date of birth of someone the agency referred or provides care for; an address or
 * contact change from an agency that only referred the person waits for the DSR team's review.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgencyInboundTest extends ReferralServiceUnderTest {

    private static final String AGENCY = "/agency/wiltshire-council";
    /** The date of birth of the golden sample's person. */
    private static final String BORN = "2008-09-01";

    private TopicReader deadLetters;
    private TopicReader swindonDeadLetters;
    private TopicReader unregisteredDeadLetters;

    @BeforeAll
    void signIn() {
        deadLetters = deadLettersOf(AgencyTopics.WILTSHIRE_COUNCIL);
        swindonDeadLetters = deadLettersOf(AgencyTopics.SWINDON_BOROUGH_COUNCIL);
        unregisteredDeadLetters = deadLettersOf(AgencyTopics.UNREGISTERED);
    }

    private static TopicReader deadLettersOf(String agencyId) {
        return TopicReader.fromBeginning(Topics.deadLetterTopicOf(Topics.agencyInbound(agencyId)));
    }

    @AfterAll
    void tidyUp() {
        deadLetters.close();
        swindonDeadLetters.close();
        unregisteredDeadLetters.close();
    }

    /** The golden sample referral, about someone of the test's own. */
    private static ObjectNode agencyReferral(String nhsNumber) {
        return EventsOnTopics.goldenSample(EventTypes.AGENCY_REFERRAL_SUBMITTED_V1, data -> {
            data.put("agencyReference", "WC-" + UUID.randomUUID());
            ObjectNode person = (ObjectNode) data.get("person");
            person.put("nhsNumber", nhsNumber);
            person.put("givenName", "Riley" + TestNames.suffix());
        });
    }

    /** A v2 update about the golden sample's person (NHS number and date of birth). */
    private static ObjectNode update(String type, String nhsNumber) {
        return EventsOnTopics.goldenSample(type, data -> data.put("nhsNumber", nhsNumber).put("dateOfBirth", BORN));
    }

    private String awaitPersonWith(String nhsNumber) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(
                () -> database.column("SELECT id FROM person WHERE nhs_number = ?", nhsNumber),
                ids -> !ids.isEmpty()).get(0);
    }

    private String referredByAnAgency(String nhsNumber) {
        events.publishAgencyEvent(agencyReferral(nhsNumber), nhsNumber);
        return awaitPersonWith(nhsNumber);
    }

    // ---- referrals ------------------------------------------------------------------------------------------------

    @Test
    void theGoldenSampleReferralMakesAPersonAndAReferralAndIsAnnouncedWithoutPersonalData() {
        String nhsNumber = TestNhsNumbers.next();
        ObjectNode submitted = agencyReferral(nhsNumber);
        String givenName = submitted.at("/data/person/givenName").asText();

        events.publishAgencyEvent(submitted, nhsNumber);
        String personId = awaitPersonWith(nhsNumber);

        JsonNode person = journeys.person(personId);
        assertThat(person.get("givenName").asText()).isEqualTo(givenName);
        assertThat(person.get("familyName").asText()).isEqualTo("Sample");
        assertThat(person.get("dateOfBirth").asText()).isEqualTo("2008-09-01");
        assertThat(person.at("/address/line1").asText()).isEqualTo("Flat 2, 14 Example Street");
        assertThat(person.at("/address/postcode").asText()).isEqualTo("SN1 2JH");
        assertThat(person.get("locality").asText()).isEqualTo("WILTSHIRE");
        assertThat(person.get("diagnosis").asText()).isEqualTo("AUTISM");
        assertThat(person.at("/contacts/0/relationship").asText()).isEqualTo("PERSON");
        assertThat(person.at("/contacts/0/phone").asText()).isEqualTo("01234 567890");
        assertThat(person.at("/keyProfessionals/0/name").asText()).as("the agency's referrer").isEqualTo("Dana Worker");
        assertThat(person.at("/keyProfessionals/0/email").asText()).isEqualTo("dana.worker@example.org");

        String referralId = person.at("/referrals/0/referralId").asText();
        JsonNode referral = api.get("/referrals/" + referralId, journeys.dsrTeam()).json();
        assertThat(referral.get("route").asText()).isEqualTo("AGENCY_SYSTEM");
        assertThat(referral.get("referredBy").asText()).isEqualTo(AGENCY);
        assertThat(referral.get("referrerOrganisation").asText()).isEqualTo("Wiltshire Council");
        assertThat(referral.at("/agencyReferrer/agencyReference").asText())
                .isEqualTo(submitted.at("/data/agencyReference").asText());
        assertThat(referral.get("currentIssues").asText()).isEqualTo("Escalating distress");

        ConsumerRecord<String, String> received = events.awaitRecord(EventTypes.REFERRAL_RECEIVED_V1, personId);
        JsonNode data = EventsOnTopics.json(received.value()).get("data");
        assertThat(data.get("route").asText()).isEqualTo("AGENCY_SYSTEM");
        assertThat(data.get("indicativeRag").asText()).isEqualTo("AMBER");
        assertThat(received.value()).doesNotContain(nhsNumber).doesNotContain(givenName).doesNotContain("Sample")
                .doesNotContain("2008-09-01").doesNotContain("SN1 2JH").doesNotContain("Example Street");
        // The agency's referrer is named with their e-mail, which grants nothing (issue 11: identities are token
        // subjects, and a place in the care team is the DSR team's to confirm).
        String dana = TestTokens.get().tokenFor("dana.worker", List.of(DsrRoles.PROFESSIONAL),
                Map.of("email", "dana.worker@example.org"), Duration.ofHours(1));
        assertThat(api.get("/people/" + personId, dana).status()).isEqualTo(404);
    }

    @Test
    void aReferralAboutSomeoneAlreadyKnownLinksToThem() {
        String nhsNumber = TestNhsNumbers.next();
        String personId = journeys.refer(TestTokens.get().tokenFor("sam.patel", DsrRoles.PROFESSIONAL),
                ReferralRequests.aReferralOfSomeoneNew().with("nhsNumber", nhsNumber)
                        .with("dateOfBirth", "2008-09-01")).get("personId").asText();

        events.publishAgencyEvent(agencyReferral(nhsNumber), nhsNumber);

        await().atMost(Duration.ofSeconds(60)).until(() -> database.referralsOfPerson(personId) == 2);
        assertThat(database.peopleWithNhsNumber(nhsNumber)).isEqualTo(1);
        JsonNode person = journeys.person(personId);
        assertThat(person.get("familyName").asText())
                .as("the record is not overwritten by the agency's copy").isEqualTo("Brackenbury-Quince");
        JsonNode agencyReferral = api.get("/referrals/" + person.at("/referrals/1/referralId").asText(),
                journeys.dsrTeam()).json();
        assertThat(agencyReferral.at("/detailsToReview/familyName").asText())
                .as("the agency's differing name is kept for the DSR team").isEqualTo("Sample");
    }

    @Test
    void aReferralWhoseNhsNumberIsHeldForSomeoneBornOnAnotherDayIsDeadLetteredNotLinked() {
        String nhsNumber = TestNhsNumbers.next();
        String personId = journeys.refer(TestTokens.get().tokenFor("sam.patel", DsrRoles.PROFESSIONAL),
                ReferralRequests.aReferralOfSomeoneNew().with("nhsNumber", nhsNumber)
                        .with("dateOfBirth", "2008-09-02")).get("personId").asText();

        events.publishAgencyEvent(agencyReferral(nhsNumber), nhsNumber);

        ConsumerRecord<String, String> deadLetter = deadLetters.awaitRecord(r -> nhsNumber.equals(r.key()));
        assertThat(TopicReader.header(deadLetter, DeadLetters.REASON)).isEqualTo(
                "person.nhsNumber: the NHS number is held for a person whose date of birth differs; check both");
        assertNoHeaderQuotes(deadLetter, nhsNumber);
        assertThat(database.referralsOfPerson(personId)).isEqualTo(1);
    }

    @Test
    void aReSentEventChangesNothing() {
        String nhsNumber = TestNhsNumbers.next();
        byte[] referral = EventsOnTopics.bytes(agencyReferral(nhsNumber));

        events.send(Topics.agencyInbound(AgencyTopics.WILTSHIRE_COUNCIL), nhsNumber, referral);
        events.send(Topics.agencyInbound(AgencyTopics.WILTSHIRE_COUNCIL), nhsNumber, referral);
        String personId = awaitPersonWith(nhsNumber);
        awaitProcessedAfter(nhsNumber, personId);

        assertThat(database.referralsOfPerson(personId)).isEqualTo(1);
        assertThat(database.outboxEvents(EventTypes.REFERRAL_RECEIVED_V1, personId)).isOne();
    }

    @Test
    void theSameReferralReSentUnderANewEventIdIsStillOneReferral() {
        String nhsNumber = TestNhsNumbers.next();
        ObjectNode referral = agencyReferral(nhsNumber);

        events.publishAgencyEvent(referral, nhsNumber);
        events.publishAgencyEvent(referral.deepCopy().put("id", UUID.randomUUID().toString()), nhsNumber);
        String personId = awaitPersonWith(nhsNumber);
        awaitProcessedAfter(nhsNumber, personId);

        assertThat(database.referralsOfPerson(personId)).isEqualTo(1);
    }

    /** Events keyed by one NHS number stay in order: once a later update is applied, everything before it was handled. */
    private void awaitProcessedAfter(String nhsNumber, String personId) {
        events.publishAgencyEvent(update(EventTypes.AGENCY_ADMISSION_REPORTED_V2, nhsNumber), nhsNumber);
        events.awaitEvent(EventTypes.PERSON_ADMISSION_REPORTED_V1, personId);
    }

    // ---- updates ----------------------------------------------------------------------------------------------------

    @Test
    void aNewAddressFromTheRecordedProviderIsRecordedAndOnlyTheLocalityLeaves() {
        String nhsNumber = TestNhsNumbers.next();
        String personId = referredByAnAgency(nhsNumber);
        recordAsProvider(personId, AgencyTopics.WILTSHIRE_COUNCIL);
        ObjectNode moved = update(EventTypes.AGENCY_ADDRESS_CHANGED_V2, nhsNumber);
        ((ObjectNode) moved.get("data")).put("locality", "BATH_AND_NORTH_EAST_SOMERSET");
        ((ObjectNode) moved.at("/data/address")).put("line1", "7 Quenby Mews").put("postcode", "BA2 7AY").put("town", "Bath");

        events.publishAgencyEvent(moved, nhsNumber);

        ConsumerRecord<String, String> record = events.awaitRecord(EventTypes.PERSON_MOVED_V1, personId);
        JsonNode data = EventsOnTopics.json(record.value()).get("data");
        assertThat(data.get("locality").asText()).isEqualTo("BATH_AND_NORTH_EAST_SOMERSET");
        assertThat(data.get("outOfArea").asBoolean()).isFalse();
        assertThat(record.value()).doesNotContain("Quenby").doesNotContain("BA2 7AY").doesNotContain(nhsNumber);
        JsonNode person = journeys.person(personId);
        assertThat(person.at("/address/line1").asText()).isEqualTo("7 Quenby Mews");
        assertThat(person.at("/address/postcode").asText()).isEqualTo("BA2 7AY");
        assertThat(person.get("locality").asText()).isEqualTo("BATH_AND_NORTH_EAST_SOMERSET");
    }

    @Test
    void aMoveOutOfTheIcbsAreaIsSaid() {
        String nhsNumber = TestNhsNumbers.next();
        String personId = referredByAnAgency(nhsNumber);
        recordAsProvider(personId, AgencyTopics.WILTSHIRE_COUNCIL);
        ObjectNode moved = update(EventTypes.AGENCY_ADDRESS_CHANGED_V2, nhsNumber);
        ((ObjectNode) moved.get("data")).put("locality", "OUT_OF_AREA");

        events.publishAgencyEvent(moved, nhsNumber);

        assertThat(events.awaitEvent(EventTypes.PERSON_MOVED_V1, personId).get("outOfArea").asBoolean()).isTrue();
    }

    @Test
    void newContactDetailsFromTheRecordedProviderAreRecordedAndAnnouncedWithoutThem() {
        String nhsNumber = TestNhsNumbers.next();
        String personId = referredByAnAgency(nhsNumber);
        recordAsProvider(personId, AgencyTopics.WILTSHIRE_COUNCIL);
        ObjectNode changed = update(EventTypes.AGENCY_CONTACT_DETAILS_CHANGED_V2, nhsNumber);
        ((ObjectNode) changed.get("data")).put("email", "riley.new@example.org");

        events.publishAgencyEvent(changed, nhsNumber);

        ConsumerRecord<String, String> record = events.awaitRecord(EventTypes.PERSON_CONTACT_DETAILS_CHANGED_V1, personId);
        assertThat(record.value()).doesNotContain("07700 900123").doesNotContain("riley.new@example.org");
        JsonNode person = journeys.person(personId);
        assertThat(person.at("/contacts/0/phone").asText()).isEqualTo("07700 900123");
        assertThat(person.at("/contacts/0/email").asText()).isEqualTo("riley.new@example.org");
    }

    @Test
    void anAdmissionAndADischargeArePassedOnKeyedByThePerson() {
        String nhsNumber = TestNhsNumbers.next();
        String personId = referredByAnAgency(nhsNumber);

        events.publishAgencyEvent(update(EventTypes.AGENCY_ADMISSION_REPORTED_V2, nhsNumber), nhsNumber);
        events.publishAgencyEvent(update(EventTypes.AGENCY_DISCHARGE_REPORTED_V2, nhsNumber), nhsNumber);

        ConsumerRecord<String, String> admission = events.awaitRecord(EventTypes.PERSON_ADMISSION_REPORTED_V1, personId);
        JsonNode admitted = EventsOnTopics.json(admission.value()).get("data");
        assertThat(admitted.get("admittedOn").asText()).isEqualTo("2026-11-20");
        assertThat(admitted.get("reportedBy").asText()).isEqualTo(AGENCY);
        assertThat(admission.value()).doesNotContain("Example Hospital").doesNotContain(nhsNumber);
        JsonNode discharged = events.awaitEvent(EventTypes.PERSON_DISCHARGE_REPORTED_V1, personId);
        assertThat(discharged.get("dischargedOn").asText()).isEqualTo("2026-11-24");
        assertThat(discharged.get("reportedBy").asText()).isEqualTo(AGENCY);
    }

    // ---- who the agency is, and whom it may touch (issue 11 finding 4) ----------------------------------------------

    @Test
    void aRecordWhoseSourceIsNotItsTopicsAgencyIsDeadLetteredAndChangesNothing() {
        String nhsNumber = TestNhsNumbers.next();
        String personId = referredByAnAgency(nhsNumber);
        JsonNode before = journeys.person(personId);
        String stranger = TestNhsNumbers.next();
        Map<String, Long> rows = database.rowCounts();

        // Swindon's credentials may write only Swindon's topic: there it cannot pass for Wiltshire Council.
        events.publishAgencyEvent(AgencyTopics.SWINDON_BOROUGH_COUNCIL, agencyReferral(stranger), stranger);
        ObjectNode forgedMove = update(EventTypes.AGENCY_ADDRESS_CHANGED_V2, nhsNumber);
        ((ObjectNode) forgedMove.at("/data/address")).put("line1", "99 Forged Road");
        events.publishAgencyEvent(AgencyTopics.SWINDON_BOROUGH_COUNCIL, forgedMove, nhsNumber);

        for (String key : List.of(stranger, nhsNumber)) {
            ConsumerRecord<String, String> deadLetter = swindonDeadLetters.awaitRecord(r -> key.equals(r.key()));
            assertThat(TopicReader.header(deadLetter, DeadLetters.REASON_CODE)).isEqualTo("REJECTED_BY_HANDLER");
            assertThat(TopicReader.header(deadLetter, DeadLetters.REASON))
                    .isEqualTo("source: must be /agency/<agency-id> of the registered agency whose topic this is");
            assertThat(TopicReader.header(deadLetter, DeadLetters.ORIGINAL_TOPIC))
                    .isEqualTo("dsr.agency.inbound.swindon-borough-council");
            assertNoHeaderQuotes(deadLetter, key);
        }
        assertThat(database.peopleWithNhsNumber(stranger)).isZero();
        assertThat(database.rowCounts()).isEqualTo(rows);
        assertThat(journeys.person(personId).get("address")).isEqualTo(before.get("address"));
    }

    @Test
    void aRecordOnTheTopicOfAnAgencyThatIsNotRegisteredIsDeadLettered() {
        String nhsNumber = TestNhsNumbers.next();
        ObjectNode referral = agencyReferral(nhsNumber).put("source", "/agency/" + AgencyTopics.UNREGISTERED);

        events.publishAgencyEvent(AgencyTopics.UNREGISTERED, referral, nhsNumber);

        ConsumerRecord<String, String> deadLetter = unregisteredDeadLetters.awaitRecord(r -> nhsNumber.equals(r.key()));
        assertThat(TopicReader.header(deadLetter, DeadLetters.REASON))
                .isEqualTo("this topic belongs to no registered agency (dsr.referral.agencies)");
        assertThat(database.peopleWithNhsNumber(nhsNumber)).isZero();
    }

    /**
     * Address, contact and discharge updates; an admission report about someone the agency has no link to goes to the
     * DSR team instead (issue 14, AdmissionNotOnRegisterApiTest), which the agency cannot tell apart either.
     */
    @Test
    void anUpdateAboutSomeoneTheAgencyHasNoLinkToIsDeadLetteredWithTheSameReasonAsForNobody() {
        // Known to the DSR with this NHS number and date of birth, but referred by a professional, not by the agency.
        String professionals = TestNhsNumbers.next();
        String personId = journeys.refer(TestTokens.get().tokenFor("sam.patel", DsrRoles.PROFESSIONAL),
                ReferralRequests.aReferralOfSomeoneNew().with("nhsNumber", professionals)
                        .with("dateOfBirth", BORN)).get("personId").asText();
        // Referred by Wiltshire Council: Swindon, another registered agency writing as itself, has no link to them.
        String wiltshires = TestNhsNumbers.next();
        String wiltshiresPersonId = referredByAnAgency(wiltshires);
        JsonNode before = journeys.person(personId);
        JsonNode wiltshiresBefore = journeys.person(wiltshiresPersonId);
        Map<String, Long> rows = database.rowCounts();

        for (String type : List.of(EventTypes.AGENCY_ADDRESS_CHANGED_V2, EventTypes.AGENCY_CONTACT_DETAILS_CHANGED_V2,
                EventTypes.AGENCY_DISCHARGE_REPORTED_V2)) {
            ObjectNode notTheirs = update(type, professionals);
            events.publishAgencyEvent(notTheirs, professionals);
            ConsumerRecord<String, String> deadLetter = deadLetters.awaitRecord(r -> professionals.equals(r.key())
                    && notTheirs.get("id").asText().equals(EventsOnTopics.json(r.value()).path("id").asText()));
            assertThat(TopicReader.header(deadLetter, DeadLetters.REASON)).as(type)
                    .isEqualTo(ApplyingAgencyUpdates.NO_LINKED_PERSON);
            assertNoHeaderQuotes(deadLetter, professionals);

            ObjectNode swindons = update(type, wiltshires).put("source", "/agency/" + AgencyTopics.SWINDON_BOROUGH_COUNCIL);
            events.publishAgencyEvent(AgencyTopics.SWINDON_BOROUGH_COUNCIL, swindons, wiltshires);
            ConsumerRecord<String, String> swindonsDeadLetter = swindonDeadLetters.awaitRecord(r -> wiltshires.equals(r.key())
                    && swindons.get("id").asText().equals(EventsOnTopics.json(r.value()).path("id").asText()));
            assertThat(TopicReader.header(swindonsDeadLetter, DeadLetters.REASON)).as(type)
                    .isEqualTo(ApplyingAgencyUpdates.NO_LINKED_PERSON);
        }

        assertThat(database.rowCounts()).isEqualTo(rows);
        assertThat(journeys.person(personId).get("address")).isEqualTo(before.get("address"));
        assertThat(journeys.person(personId).get("contacts")).isEqualTo(before.get("contacts"));
        assertThat(journeys.person(wiltshiresPersonId).get("address")).isEqualTo(wiltshiresBefore.get("address"));
        assertThat(database.outboxEvents(EventTypes.PERSON_ADMISSION_REPORTED_V1, personId)).isZero();
        assertThat(database.outboxEvents(EventTypes.PERSON_ADMISSION_REPORTED_V1, wiltshiresPersonId)).isZero();
    }

    @Test
    void anUpdateWithTheRightNhsNumberButAnotherDateOfBirthIsDeadLetteredAndChangesNothing() {
        String nhsNumber = TestNhsNumbers.next();
        String personId = referredByAnAgency(nhsNumber);
        recordAsProvider(personId, AgencyTopics.WILTSHIRE_COUNCIL);
        JsonNode before = journeys.person(personId);
        Map<String, Long> rows = database.rowCounts();
        ObjectNode moved = update(EventTypes.AGENCY_ADDRESS_CHANGED_V2, nhsNumber);
        ((ObjectNode) moved.get("data")).put("dateOfBirth", "2008-09-02");
        ((ObjectNode) moved.at("/data/address")).put("line1", "99 Forged Road");

        events.publishAgencyEvent(moved, nhsNumber);

        ConsumerRecord<String, String> deadLetter = deadLetters.awaitRecord(r -> nhsNumber.equals(r.key())
                && moved.get("id").asText().equals(EventsOnTopics.json(r.value()).path("id").asText()));
        assertThat(TopicReader.header(deadLetter, DeadLetters.REASON)).isEqualTo(ApplyingAgencyUpdates.NO_LINKED_PERSON);
        assertNoHeaderQuotes(deadLetter, nhsNumber);
        assertThat(TopicReader.header(deadLetter, DeadLetters.REASON)).doesNotContain("2008-09-02");
        assertThat(database.rowCounts()).isEqualTo(rows);
        assertThat(journeys.person(personId).get("address")).isEqualTo(before.get("address"));
        assertThat(database.outboxEvents(EventTypes.PERSON_MOVED_V1, personId)).isZero();
    }

    @Test
    void aReferringAgencysAddressAndContactChangesWaitForTheDsrTeamsReview() {
        String nhsNumber = TestNhsNumbers.next();
        String personId = referredByAnAgency(nhsNumber);
        JsonNode before = journeys.person(personId);
        ObjectNode moved = update(EventTypes.AGENCY_ADDRESS_CHANGED_V2, nhsNumber);
        ((ObjectNode) moved.at("/data/address")).put("line1", "7 Quenby Mews").put("postcode", "BA2 7AY").put("town", "Bath");
        ((ObjectNode) moved.get("data")).put("locality", "BATH_AND_NORTH_EAST_SOMERSET");
        ObjectNode newEmail = update(EventTypes.AGENCY_CONTACT_DETAILS_CHANGED_V2, nhsNumber);
        ((ObjectNode) newEmail.get("data")).put("email", "riley.new@example.org");

        events.publishAgencyEvent(moved, nhsNumber);
        events.publishAgencyEvent(newEmail, nhsNumber);
        awaitProcessedAfter(nhsNumber, personId);

        JsonNode person = journeys.person(personId);
        assertThat(person.get("address")).as("not written over the record").isEqualTo(before.get("address"));
        assertThat(person.get("locality").asText()).isEqualTo("WILTSHIRE");
        assertThat(person.get("contacts")).isEqualTo(before.get("contacts"));
        assertThat(database.outboxEvents(EventTypes.PERSON_MOVED_V1, personId)).isZero();
        assertThat(database.outboxEvents(EventTypes.PERSON_CONTACT_DETAILS_CHANGED_V1, personId)).isZero();
        JsonNode referral = api.get("/referrals/" + person.at("/referrals/0/referralId").asText(),
                journeys.dsrTeam()).json();
        JsonNode toReview = referral.get("detailsToReview");
        assertThat(toReview.get("address.line1").asText()).isEqualTo("7 Quenby Mews");
        assertThat(toReview.get("postcode").asText()).isEqualTo("BA2 7AY");
        assertThat(toReview.get("address.town").asText()).isEqualTo("Bath");
        assertThat(toReview.get("locality").asText()).isEqualTo("BATH_AND_NORTH_EAST_SOMERSET");
        assertThat(toReview.get("contact.email").asText()).isEqualTo("riley.new@example.org");
    }

    @Test
    void aV1UpdateWithoutADateOfBirthIsDeadLetteredNamingV2() {
        String nhsNumber = TestNhsNumbers.next();
        String personId = referredByAnAgency(nhsNumber);
        recordAsProvider(personId, AgencyTopics.WILTSHIRE_COUNCIL);
        ObjectNode v1 = EventsOnTopics.goldenSample(EventTypes.AGENCY_ADDRESS_CHANGED_V1,
                data -> data.put("nhsNumber", nhsNumber));

        events.publishAgencyEvent(v1, nhsNumber);

        ConsumerRecord<String, String> deadLetter = deadLetters.awaitRecord(r -> nhsNumber.equals(r.key())
                && v1.get("id").asText().equals(EventsOnTopics.json(r.value()).path("id").asText()));
        assertThat(TopicReader.header(deadLetter, DeadLetters.REASON)).contains("v2").contains("dateOfBirth");
        assertThat(database.outboxEvents(EventTypes.PERSON_MOVED_V1, personId)).isZero();
    }

    // ---- what can never be processed --------------------------------------------------------------------------------

    /** An admission report about someone unknown is kept for the DSR team instead (AdmissionNotOnRegisterApiTest). */
    @Test
    void anUpdateAboutSomeoneTheDsrDoesNotKnowIsDeadLetteredWithTheReason() {
        for (String type : List.of(EventTypes.AGENCY_ADDRESS_CHANGED_V2, EventTypes.AGENCY_CONTACT_DETAILS_CHANGED_V2,
                EventTypes.AGENCY_DISCHARGE_REPORTED_V2)) {
            String stranger = TestNhsNumbers.next();
            Map<String, Long> before = database.rowCounts();

            events.publishAgencyEvent(update(type, stranger), stranger);

            ConsumerRecord<String, String> deadLetter = deadLetters.awaitRecord(r -> stranger.equals(r.key()));
            assertThat(TopicReader.header(deadLetter, DeadLetters.REASON_CODE)).as(type).isEqualTo("REJECTED_BY_HANDLER");
            assertThat(TopicReader.header(deadLetter, DeadLetters.REASON)).as(type)
                    .isEqualTo(ApplyingAgencyUpdates.NO_LINKED_PERSON);
            assertThat(TopicReader.header(deadLetter, DeadLetters.CONSUMER_GROUP)).isEqualTo("referral-service.agency-inbound");
            assertNoHeaderQuotes(deadLetter, stranger);
            assertThat(database.rowCounts()).as(type).isEqualTo(before);
        }
    }

    @Test
    void anNhsNumberThatFailsTheModulus11CheckIsDeadLettered() {
        String wrong = "9434765918";
        ObjectNode referral = agencyReferral(wrong);
        String key = "key-" + UUID.randomUUID();

        events.publishAgencyEvent(referral, key);

        ConsumerRecord<String, String> deadLetter = deadLetters.awaitRecord(r -> key.equals(r.key()));
        assertThat(TopicReader.header(deadLetter, DeadLetters.REASON_CODE)).isEqualTo("REJECTED_BY_HANDLER");
        assertThat(TopicReader.header(deadLetter, DeadLetters.REASON))
                .isEqualTo("person.nhsNumber: is not a valid NHS number (check digit)");
        assertNoHeaderQuotes(deadLetter, wrong);
        assertThat(database.peopleWithNhsNumber(wrong)).isZero();
    }

    /**
     * Issue 15: an optional identifier or code is left out or given, and a blank one is neither. The agency's record
     * goes to its dead-letter topic with a reason naming the field (the schema's or the DSR's own rule, whichever
     * finds it first), and nothing is written.
     */
    @ParameterizedTest(name = "{0} \"{1}\"")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
            "/person|nhsNumber||nhsNumber",
            "/person|nhsNumber|   |nhsNumber",
            "/person|phone|  |person.phone",
            "/person|email||email",
            "/person/address|line2| |person.address.line2",
            "/referrer|phone| |referrer.phone",
            "/referrer|email|  |email"})
    void aBlankIdentifierOrCodeIsDeadLetteredNamingItAndNothingIsWritten(String at, String field, String blank,
                                                                        String named) {
        ObjectNode referral = agencyReferral(TestNhsNumbers.next());
        ((ObjectNode) referral.at("/data" + at)).put(field, blank == null ? "" : blank);
        String agencyReference = referral.at("/data/agencyReference").asText();
        String key = "key-" + UUID.randomUUID();
        Map<String, Long> before = database.rowCounts();

        events.publishAgencyEvent(referral, key);

        ConsumerRecord<String, String> deadLetter = deadLetters.awaitRecord(r -> key.equals(r.key()));
        assertThat(TopicReader.header(deadLetter, DeadLetters.REASON)).contains(named);
        assertThat(database.count("SELECT count(*) FROM referral WHERE agency_reference = ?", agencyReference)).isZero();
        assertThat(database.rowCounts()).isEqualTo(before);
    }

    @Test
    void aLocalityTheIcbDoesNotHaveIsDeadLettered() {
        String nhsNumber = TestNhsNumbers.next();
        ObjectNode referral = agencyReferral(nhsNumber);
        ((ObjectNode) referral.at("/data/person")).put("locality", "LEEDS");

        events.publishAgencyEvent(referral, nhsNumber);

        ConsumerRecord<String, String> deadLetter = deadLetters.awaitRecord(r -> nhsNumber.equals(r.key()));
        assertThat(TopicReader.header(deadLetter, DeadLetters.REASON)).startsWith("person.locality: must be one of");
        assertThat(database.peopleWithNhsNumber(nhsNumber)).isZero();
    }

    @Test
    void anEventThatBreaksItsSchemaIsDeadLetteredNamingTheProblem() {
        String nhsNumber = TestNhsNumbers.next();
        ObjectNode referral = agencyReferral(nhsNumber);
        ((ObjectNode) referral.at("/data/person")).remove("dateOfBirth");

        events.publishAgencyEvent(referral, nhsNumber);

        ConsumerRecord<String, String> deadLetter = deadLetters.awaitRecord(r -> nhsNumber.equals(r.key()));
        assertThat(TopicReader.header(deadLetter, DeadLetters.REASON_CODE)).isEqualTo("SCHEMA_VIOLATION");
        assertThat(TopicReader.header(deadLetter, DeadLetters.REASON)).contains("dateOfBirth");
        assertThat(database.peopleWithNhsNumber(nhsNumber)).isZero();
    }

    @Test
    void aNulInAnAgencysTextIsDeadLetteredAsUnreadableNotFailedInTheDatabase() {
        String nhsNumber = TestNhsNumbers.next();
        ObjectNode referral = agencyReferral(nhsNumber);
        ((ObjectNode) referral.at("/data/person")).put("familyName", "Sam\u0000ple");

        events.publishAgencyEvent(referral, nhsNumber);

        // The kit's text rule (org.opendsr.kit.web.PlainText) refuses it while the data is read, so it can never
        // reach PostgreSQL, which cannot store a NUL (SQLState 22021) and would fail it as if it were transient.
        ConsumerRecord<String, String> deadLetter = deadLetters.awaitRecord(r -> nhsNumber.equals(r.key()));
        assertThat(TopicReader.header(deadLetter, DeadLetters.REASON_CODE)).isEqualTo("UNREADABLE_DATA");
        assertNoHeaderQuotes(deadLetter, nhsNumber);
        assertThat(database.peopleWithNhsNumber(nhsNumber)).isZero();
    }

    @Test
    void aRecordThatIsNotAnEventIsDeadLetteredAndTheNextEventIsStillProcessed() {
        String nhsNumber = TestNhsNumbers.next();

        events.send(Topics.agencyInbound(AgencyTopics.WILTSHIRE_COUNCIL), nhsNumber, "{\"nhsNumber\": \"not an event".getBytes(StandardCharsets.UTF_8));
        events.publishAgencyEvent(agencyReferral(nhsNumber), nhsNumber);

        ConsumerRecord<String, String> deadLetter = deadLetters.awaitRecord(r -> nhsNumber.equals(r.key()));
        assertThat(TopicReader.header(deadLetter, DeadLetters.REASON_CODE)).isEqualTo("NOT_A_CLOUD_EVENT");
        assertThat(awaitPersonWith(nhsNumber)).isNotBlank();
    }

    @Test
    void anEventOfATypeTheDsrDoesNotKnowIsDeadLetteredNotSkipped() {
        String nhsNumber = TestNhsNumbers.next();
        ObjectNode misspelt = agencyReferral(nhsNumber).put("type", "dsr.agency.referal-submitted.v1");

        events.publishAgencyEvent(misspelt, nhsNumber);

        ConsumerRecord<String, String> deadLetter = deadLetters.awaitRecord(r -> nhsNumber.equals(r.key()));
        assertThat(TopicReader.header(deadLetter, DeadLetters.REASON_CODE)).isEqualTo("UNKNOWN_TYPE");
        assertThat(TopicReader.header(deadLetter, DeadLetters.REASON)).contains("dsr.agency.referal-submitted.v1");
        assertThat(database.peopleWithNhsNumber(nhsNumber)).isZero();
    }

    // ---- information governance ----------------------------------------------------------------------------------

    @Test
    void noLogLineCarriesAnNhsNumberOrANameFromAnAgency() {
        String nhsNumber = TestNhsNumbers.next();
        String stranger = TestNhsNumbers.next();
        ObjectNode referral = agencyReferral(nhsNumber);
        String givenName = referral.at("/data/person/givenName").asText();
        ch.qos.logback.classic.Logger serviceLogs = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.opendsr");
        Level configured = serviceLogs.getLevel();
        serviceLogs.setLevel(Level.DEBUG);
        try (LogCapture logs = LogCapture.capture()) {
            events.publishAgencyEvent(referral, nhsNumber);
            String personId = awaitPersonWith(nhsNumber);
            recordAsProvider(personId, AgencyTopics.WILTSHIRE_COUNCIL);
            events.publishAgencyEvent(update(EventTypes.AGENCY_CONTACT_DETAILS_CHANGED_V2, nhsNumber), nhsNumber);
            events.awaitRecord(EventTypes.PERSON_CONTACT_DETAILS_CHANGED_V1, personId);
            events.publishAgencyEvent(update(EventTypes.AGENCY_DISCHARGE_REPORTED_V2, stranger), stranger);
            deadLetters.awaitRecord(r -> stranger.equals(r.key()));
            // An admission of someone unknown is kept for the DSR team (issue 14): not a word of it in the logs either.
            events.publishAgencyEvent(update(EventTypes.AGENCY_ADMISSION_REPORTED_V2, stranger), stranger);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> database.count(
                    "SELECT count(*) FROM admission_report WHERE nhs_number = ?", stranger) == 1);

            assertThat(logs.linesContainingAnyOf(nhsNumber, stranger, TestNhsNumbers.formatted(nhsNumber), givenName,
                    "2008-09-01", "Example Street", "07700 900123", "01234 567890", "Dana Worker",
                    "dana.worker@example.org")).isEmpty();
        } finally {
            serviceLogs.setLevel(configured);
        }
    }

    private static void assertNoHeaderQuotes(ConsumerRecord<String, String> deadLetter, String nhsNumber) {
        for (Header header : deadLetter.headers()) {
            if (header.key().startsWith("dsr.dlt.")) {
                assertThat(new String(header.value(), StandardCharsets.UTF_8)).as(header.key()).doesNotContain(nhsNumber);
            }
        }
    }
}
