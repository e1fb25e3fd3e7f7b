package org.opendsr.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.contracts.EventCatalogue;
import org.opendsr.contracts.EventContract;
import org.opendsr.contracts.EventSources;
import org.opendsr.contracts.EventTypes;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.referral.register.application.SuggestingKeyworkerReferrals;
import org.opendsr.testkit.ApiClient;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.TestTokens;

/**
 * Producer contracts of every event referral-service publishes: each is on {@code dsr.referral.events}, keyed by the
 * personId, a CloudEvent valid against the published envelope and data schemas, with only properties its schema
 * knows, and without a single item of the person's identifying data (name, NHS number, date of birth, address,
 * postcode, phone, email), whatever the person's record holds. {@code dsr.referral.received.v1} has its own test
 * ({@link ReferralReceivedEventContractTest}) and {@code dsr.person.turning-18.v1} is published by the daily job
 * ({@link EighteenthBirthdaysTest}); both are checked the same way there.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventContractsProducerTest extends ReferralServiceUnderTest {

    private static final String GIVEN = "Hermione-Clementine";
    private static final String FAMILY = "Featherstonehaugh";
    private static final String DATE_OF_BIRTH = LocalDate.now().minusYears(16).minusDays(77).toString();

    @Inject
    SuggestingKeyworkerReferrals keyworker;

    private String referrer;
    private String dsrTeam;
    /** Every NHS number handed to a Hermione of this class: none may be published. */
    private final List<String> nhsNumbers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private String nhsNumber;

    @BeforeAll
    void signIn() {
        referrer = TestTokens.get().tokenFor("contract.referrer@example.nhs", DsrRoles.PROFESSIONAL);
        dsrTeam = journeys.dsrTeam();
    }

    private List<String> identifying() {
        List<String> values = new ArrayList<>(List.of(GIVEN, "Clementine", FAMILY, DATE_OF_BIRTH, "SN25 4DQ", "SN254DQ",
                "Larkspur Lane", "07700 900456", "900456", "hermione@example.org", "Augusta Featherstonehaugh",
                "augusta@example.org", "BA2 7AY", "Quenby Mews"));
        for (String number : nhsNumbers) {
            values.add(number);
            values.add(TestNhsNumbers.formatted(number));
        }
        return values;
    }

    /**
     * Someone with every kind of identifying detail in their record, referred by a professional: a Hermione of each
     * test's own (her own NHS number), so one test's events are not taken for another's.
     */
    private ReferralRequests aReferralOfHermione() {
        nhsNumber = TestNhsNumbers.next();
        nhsNumbers.add(nhsNumber);
        return ReferralRequests.aReferral()
                .with("givenName", GIVEN).with("familyName", FAMILY).with("dateOfBirth", DATE_OF_BIRTH)
                .with("nhsNumber", TestNhsNumbers.formatted(nhsNumber)).with("postcode", "sn25 4dq")
                .with("address", Map.of("line1", "12 Larkspur Lane", "town", "Swindon"))
                .with("contacts", List.of(Map.of("relationship", "PERSON", "phone", "07700 900456",
                                "email", "hermione@example.org"),
                        Map.of("relationship", "PARENT_OR_CARER", "name", "Augusta Featherstonehaugh",
                                "email", "augusta@example.org", "hasParentalResponsibility", true)));
    }

    // ---- one test per event type ------------------------------------------------------------------------------------

    @Test
    void referralContacted() {
        JsonNode receipt = journeys.refer(referrer, aReferralOfHermione());
        journeys.contact(receipt.get("referralId").asText());

        JsonNode data = published(EventTypes.REFERRAL_CONTACTED_V1, receipt.get("personId").asText());

        assertThat(data.get("referralId").asText()).isEqualTo(receipt.get("referralId").asText());
        assertThat(data.get("firstContactDueOn").asText()).isEqualTo(receipt.get("firstContactDueOn").asText());
    }

    @Test
    void referralAcceptedAndResponsibilityChanged() {
        Journeys.OnRegister onRegister = journeys.putOnRegister(referrer, aReferralOfHermione()
                .with("demographics", Map.of("ethnicCategory", "99")));

        JsonNode accepted = published(EventTypes.REFERRAL_ACCEPTED_V1, onRegister.personId());
        JsonNode allocated = published(EventTypes.REGISTER_RESPONSIBILITY_CHANGED_V1, onRegister.personId());

        assertThat(accepted.get("registerEntryId").asText()).isEqualTo(onRegister.registerEntryId());
        assertThat(accepted.get("ageBand").asText()).isEqualTo("AGE_14_TO_17");
        assertThat(accepted.get("lifeStage").asText()).isEqualTo("CHILD");
        assertThat(accepted.get("locality").asText()).isEqualTo("SWINDON");
        // Issue 14: the record's Data Dictionary category, by name on the event (99 is NOT_KNOWN), for reporting.
        assertThat(accepted.get("ethnicCategory").asText()).isEqualTo("NOT_KNOWN");
        assertThat(allocated.get("change").asText()).isEqualTo("ALLOCATED");
        assertThat(allocated.get("responsibleProfessional").asText()).isEqualTo("contract.referrer@example.nhs");
    }

    @Test
    void referralDeclined() {
        JsonNode receipt = journeys.refer(referrer, aReferralOfHermione());
        journeys.contact(receipt.get("referralId").asText());
        api.post("/referrals/" + receipt.get("referralId").asText() + "/declinal", dsrTeam,
                Map.of("reason", "OTHER", "notes", "Hermione Featherstonehaugh moved to 12 Larkspur Lane",
                        "criteria", Journeys.ALL_CRITERIA_MET));

        JsonNode data = published(EventTypes.REFERRAL_DECLINED_V1, receipt.get("personId").asText());

        assertThat(data.get("reason").asText()).isEqualTo("OTHER");
        assertThat(data.has("notes")).as("the notes stay in referral-service").isFalse();
    }

    @Test
    void referralWithdrawn() {
        JsonNode receipt = journeys.refer(referrer, aReferralOfHermione());
        api.post("/referrals/" + receipt.get("referralId").asText() + "/withdrawal", referrer,
                Map.of("reason", "NO_LONGER_NEEDED", "notes", "Hermione is settled"));

        assertThat(published(EventTypes.REFERRAL_WITHDRAWN_V1, receipt.get("personId").asText()).get("reason").asText())
                .isEqualTo("NO_LONGER_NEEDED");
    }

    @Test
    void personRemovedFromRegister() {
        Journeys.OnRegister onRegister = journeys.putOnRegister(referrer, aReferralOfHermione());
        api.post("/register/" + onRegister.registerEntryId() + "/removal", dsrTeam,
                Map.of("reason", "MOVED_OUT_OF_AREA", "notes", "Moved to Leeds"));

        assertThat(published(EventTypes.REGISTER_PERSON_REMOVED_V1, onRegister.personId()).get("reason").asText())
                .isEqualTo("MOVED_OUT_OF_AREA");
    }

    @Test
    void keyworkerReferralSuggestedOncePerEpisode() {
        JsonNode receipt = journeys.refer(referrer, aReferralOfHermione());
        String personId = receipt.get("personId").asText();

        JsonNode atReferral = published(EventTypes.PERSON_KEYWORKER_REFERRAL_SUGGESTED_V1, personId);

        assertThat(atReferral.get("reason").asText()).isEqualTo("UNDER_25_AT_REFERRAL");
        assertThat(atReferral.get("episodeId").asText()).isEqualTo(receipt.get("referralId").asText());
        assertThat(atReferral.get("ageBand").asText()).isEqualTo("AGE_14_TO_17");
    }

    @Test
    void keyworkerReferralSuggestedWhenRatedRedAmberOrBlueOncePerRegisterEntry() {
        Journeys.OnRegister onRegister = journeys.putOnRegister(referrer, aReferralOfHermione());
        java.util.UUID personId = java.util.UUID.fromString(onRegister.personId());

        java.time.LocalDate ratedOn = java.time.LocalDate.now();
        assertThat(keyworker.whenRated(personId, org.opendsr.contracts.common.RagRating.GREEN, ratedOn)).isFalse();
        assertThat(keyworker.whenRated(personId, org.opendsr.contracts.common.RagRating.RED, ratedOn)).isTrue();
        assertThat(keyworker.whenRated(personId, org.opendsr.contracts.common.RagRating.AMBER, ratedOn))
                .as("once per episode").isFalse();
        assertThat(database.count("SELECT count(*) FROM dsr_kit.audit_entry WHERE person_id = ?::uuid AND action = 'READ'"
                + " AND actor = '/dsr/referral-service' AND purpose = 'AGE_MILESTONE'"
                + " AND what LIKE 'date of birth: age when rated %'", onRegister.personId()))
                .as("each time the date of birth is read, it is audited").isEqualTo(3);

        JsonNode rated = events.awaitEvent(EventTypes.PERSON_KEYWORKER_REFERRAL_SUGGESTED_V1, onRegister.personId(),
                data -> "RATED_RED_AMBER_OR_BLUE".equals(data.get("reason").asText()));
        assertThat(rated.get("episodeId").asText()).isEqualTo(onRegister.registerEntryId());
        published(EventTypes.PERSON_KEYWORKER_REFERRAL_SUGGESTED_V1, onRegister.personId());
    }

    @Test
    void noKeyworkerIsSuggestedForSomeoneTwentyFiveOrOlder() {
        JsonNode receipt = journeys.refer(referrer, ReferralRequests.aReferralOfSomeoneNew()
                .with("dateOfBirth", LocalDate.now().minusYears(30).toString()));
        String personId = receipt.get("personId").asText();
        events.awaitEvent(EventTypes.REFERRAL_RECEIVED_V1, personId);

        assertThat(database.outboxEvents(EventTypes.PERSON_KEYWORKER_REFERRAL_SUGGESTED_V1, personId)).isZero();
    }

    @Test
    void personMoved() {
        JsonNode receipt = journeys.refer(referrer, aReferralOfHermione());
        String personId = receipt.get("personId").asText();
        // The referrer is in the person's care team from the DSR team's first contact (issue 11).
        journeys.contact(receipt.get("referralId").asText());
        ApiResponse moved = api.put("/people/" + personId + "/address", referrer, Map.of("line1", "7 Quenby Mews",
                "postcode", "BA2 7AY", "locality", "BATH_AND_NORTH_EAST_SOMERSET"));
        assertThat(moved.status()).isEqualTo(204);

        JsonNode data = published(EventTypes.PERSON_MOVED_V1, personId);

        assertThat(data.get("locality").asText()).isEqualTo("BATH_AND_NORTH_EAST_SOMERSET");
        assertThat(data.get("outOfArea").asBoolean()).isFalse();
    }

    @Test
    void contactDetailsChanged() {
        JsonNode receipt = journeys.refer(referrer, aReferralOfHermione());
        String personId = receipt.get("personId").asText();
        journeys.contact(receipt.get("referralId").asText());
        assertThat(api.put("/people/" + personId + "/contacts", referrer, Map.of("contacts", List.of(Map.of(
                "relationship", "PERSON", "phone", "07700 900456", "email", "hermione@example.org")))).status())
                .isEqualTo(204);

        assertThat(published(EventTypes.PERSON_CONTACT_DETAILS_CHANGED_V1, personId).get("changedAt").asText()).isNotBlank();
    }

    @Test
    void admissionAndDischargeReported() {
        String personId = journeys.refer(referrer, aReferralOfHermione()).get("personId").asText();
        String hers = nhsNumber;
        // An agency reports only about people it referred or provides care for.
        recordAsProvider(personId, AgencyTopics.WILTSHIRE_COUNCIL);
        for (String type : List.of(EventTypes.AGENCY_ADMISSION_REPORTED_V2, EventTypes.AGENCY_DISCHARGE_REPORTED_V2)) {
            ObjectNode report = EventsOnTopics.goldenSample(type, data -> data.put("nhsNumber", hers)
                    .put("dateOfBirth", DATE_OF_BIRTH));
            events.publishAgencyEvent(report, hers);
        }

        assertThat(published(EventTypes.PERSON_ADMISSION_REPORTED_V1, personId).get("reportedBy").asText())
                .isEqualTo("/agency/wiltshire-council");
        assertThat(published(EventTypes.PERSON_DISCHARGE_REPORTED_V1, personId).get("dischargedOn").asText())
                .isEqualTo("2026-11-24");
    }

    @Test
    void everyTypeReferralServicePublishesIsInTheCatalogueOnItsTopic() {
        Set<String> published = new TreeSet<>();
        for (EventContract contract : EventCatalogue.all()) {
            if (contract.source().equals(EventSources.REFERRAL_SERVICE)) {
                published.add(contract.type());
                assertThat(contract.topic()).isEqualTo(org.opendsr.contracts.Topics.REFERRAL_EVENTS);
            }
        }
        // Each has its producer test: here, in ReferralReceivedEventContractTest, in EighteenthBirthdaysTest and
        // SixteenthBirthdaysTest, (the
        // care team) in CareTeamApiTest, or (the anonymous admission signal) in AdmissionNotOnRegisterApiTest; issue
        // 16's merge in PersonMergeApiTest, a restriction of processing in DataSubjectRightsApiTest, and an erasure
        // with the retention job (its own part of issue 16).
        assertThat(published).containsExactlyInAnyOrder(EventTypes.REFERRAL_RECEIVED_V1, EventTypes.REFERRAL_CONTACTED_V1,
                EventTypes.REFERRAL_ACCEPTED_V1, EventTypes.REFERRAL_DECLINED_V1, EventTypes.REFERRAL_WITHDRAWN_V1,
                EventTypes.REGISTER_PERSON_REMOVED_V1, EventTypes.REGISTER_RESPONSIBILITY_CHANGED_V1,
                EventTypes.PERSON_TURNED_18_V1, EventTypes.PERSON_TURNING_18_V1, EventTypes.PERSON_TURNED_16_V1,
                EventTypes.PERSON_KEYWORKER_REFERRAL_SUGGESTED_V1,
                EventTypes.PERSON_ADMISSION_REPORTED_V1, EventTypes.PERSON_DISCHARGE_REPORTED_V1,
                EventTypes.PERSON_MOVED_V1, EventTypes.PERSON_CONTACT_DETAILS_CHANGED_V1,
                EventTypes.PERSON_CARE_TEAM_CHANGED_V1, EventTypes.REGISTER_ADMITTED_NOT_ON_REGISTER_V1,
                EventTypes.PERSON_MERGED_V1, EventTypes.PERSON_PROCESSING_RESTRICTED_V1, EventTypes.PERSON_ERASED_V1);
    }

    // ---- the contract -----------------------------------------------------------------------------------------------

    /** The event as published: valid, keyed by the person, no property beyond its schema, nothing identifying. */
    private JsonNode published(String type, String personId) {
        ConsumerRecord<String, String> record = events.awaitRecord(type, personId);
        JsonNode cloudEvent = EventsOnTopics.json(record.value());
        JsonNode schema = schemaOf(type);
        List<String> unknown = new ArrayList<>();
        cloudEvent.get("data").fieldNames().forEachRemaining(name -> {
            if (!schema.get("properties").has(name)) {
                unknown.add(name);
            }
        });
        assertThat(unknown).as("properties the schema does not publish").isEmpty();
        assertCarriesNothingIdentifying(record, identifying());
        return cloudEvent.get("data");
    }

    static void assertCarriesNothingIdentifying(ConsumerRecord<String, String> record, List<String> identifying) {
        List<String> everythingPublished = new ArrayList<>();
        everythingPublished.add(record.key());
        everythingPublished.add(record.value());
        for (Header header : record.headers()) {
            everythingPublished.add(header.key() + "=" + new String(header.value(), StandardCharsets.UTF_8));
        }
        for (String published : everythingPublished) {
            for (String value : identifying) {
                assertThat(published.toLowerCase()).as("published record").doesNotContain(value.toLowerCase());
            }
        }
    }

    private static JsonNode schemaOf(String type) {
        try (var in = EventContractsProducerTest.class.getClassLoader()
                .getResourceAsStream(EventCatalogue.of(type).schemaResource())) {
            return ApiClient.JSON.readTree(in);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
