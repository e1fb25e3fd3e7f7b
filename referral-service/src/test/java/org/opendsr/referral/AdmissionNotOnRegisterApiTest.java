package org.opendsr.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.contracts.common.AgeBand;
import org.opendsr.contracts.common.LifeStage;
import org.opendsr.kit.messaging.DeadLetters;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.TestTokens;
import org.opendsr.testkit.TopicReader;

/**
 * Issue 14: an agency's admission report about someone the DSR does not know (nobody with that NHS number and date of
 * birth), or about a person the agency is not linked to, is no longer dead-lettered. It waits on the DSR team's
 * worklist "admission reported, not on the register" ({@code /worklists/admissions/not-on-register}) and, when the
 * person is not on the register, the anonymous {@code dsr.register.admitted-not-on-register.v1} is published on
 * {@code dsr.referral.events} (keyed by the report's id; no personId, NHS number or date of birth). The agency sees
 * the same (nothing) whoever the report is about. The worklist is the DSR team's of the report's area and the leads'
 * only; each report is resolved once, by linking the referral the team made or closing it with a reason, and every
 * read and change is audited.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdmissionNotOnRegisterApiTest extends ReferralServiceUnderTest {

    private static final String WORKLIST = "/worklists/admissions/not-on-register";
    private static final String AGENCY_GROUP = "referral-service.agency-inbound";
    private static final String WILTSHIRE_COUNCIL = "/agency/wiltshire-council";
    private static final String LEAD = "admissions.lead@bsw-icb.example";
    private static final String WILTSHIRE_TEAM = "admissions.wiltshire.team@bsw-icb.example";
    private static final String SWINDON_TEAM = "admissions.swindon.team@bsw-icb.example";
    private static final String REFERRER = "admissions.referrer@example.nhs";

    private TopicReader deadLetters;
    private String lead;
    private String wiltshireTeam;
    private String swindonTeam;
    private String referrer;
    private String outsider;
    private String analyst;
    private String admin;
    private String agencySystem;

    @BeforeAll
    void signIn() {
        deadLetters = TopicReader.fromBeginning(
                Topics.deadLetterTopicOf(Topics.agencyInbound(AgencyTopics.WILTSHIRE_COUNCIL)));
        lead = TestTokens.get().tokenFor(LEAD, DsrRoles.DSR_LEAD);
        wiltshireTeam = TestTokens.get().tokenFor(WILTSHIRE_TEAM, List.of(DsrRoles.DSR_TEAM),
                Map.of("areas", List.of("WILTSHIRE")), Duration.ofHours(1));
        swindonTeam = TestTokens.get().tokenFor(SWINDON_TEAM, List.of(DsrRoles.DSR_TEAM),
                Map.of("areas", List.of("SWINDON")), Duration.ofHours(1));
        referrer = TestTokens.get().tokenFor(REFERRER, DsrRoles.PROFESSIONAL);
        outsider = TestTokens.get().tokenFor("admissions.outsider@example.nhs", DsrRoles.PROFESSIONAL);
        analyst = TestTokens.get().tokenFor("admissions.analyst@bsw-icb.example", DsrRoles.ANALYST);
        admin = TestTokens.get().tokenFor("admissions.admin@bsw-icb.example", DsrRoles.ADMIN);
        agencySystem = TestTokens.get().tokenFor("wiltshire-council", DsrRoles.AGENCY_SYSTEM);
    }

    @AfterAll
    void tidyUp() {
        deadLetters.close();
    }

    /** The golden sample admission report, about the NHS number and date of birth given. */
    private static ObjectNode admission(String nhsNumber, String dateOfBirth) {
        return EventsOnTopics.goldenSample(EventTypes.AGENCY_ADMISSION_REPORTED_V2,
                data -> data.put("nhsNumber", nhsNumber).put("dateOfBirth", dateOfBirth));
    }

    /** The report kept for the NHS number, once the agency's event has been handled. */
    private String awaitReport(String nhsNumber) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(
                () -> database.column("SELECT id FROM admission_report WHERE nhs_number = ?", nhsNumber),
                ids -> !ids.isEmpty()).get(0);
    }

    /**
     * Proves the event was not dead-lettered: a v1 update with the same key (always refused) is handled after it (one
     * key, one partition, in order), so once the v1's dead letter is there, the admission's would be too.
     */
    private void assertNotDeadLettered(ObjectNode event, String nhsNumber) {
        ObjectNode marker = EventsOnTopics.goldenSample(EventTypes.AGENCY_DISCHARGE_REPORTED_V1,
                data -> data.put("nhsNumber", nhsNumber));
        events.publishAgencyEvent(marker, nhsNumber);
        List<ConsumerRecord<String, String>> deadLettered = deadLetters.awaitRecords(r -> nhsNumber.equals(r.key())
                && marker.get("id").asText().equals(EventsOnTopics.json(r.value()).path("id").asText()), 1);
        assertThat(deadLettered).hasSize(1);
        assertThat(deadLetters.awaitRecords(r -> nhsNumber.equals(r.key()), 1))
                .noneMatch(r -> event.get("id").asText().equals(EventsOnTopics.json(r.value()).path("id").asText()));
    }

    private List<String> reportIdsOnWorklist(String token) {
        ApiResponse page = api.get(WORKLIST + "?limit=100", token);
        assertThat(page.status()).as(page.text()).isEqualTo(200);
        List<String> ids = new java.util.ArrayList<>();
        String after = null;
        JsonNode current = page.json();
        while (true) {
            current.get("items").forEach(item -> ids.add(item.get("reportId").asText()));
            after = current.path("next").isTextual() ? current.get("next").asText() : null;
            if (after == null) {
                return ids;
            }
            current = api.get(WORKLIST + "?limit=100&after=" + after, token).json();
        }
    }

    private JsonNode reportOnWorklist(String token, String reportId) {
        String after = null;
        do {
            ApiResponse page = api.get(WORKLIST + "?limit=100" + (after == null ? "" : "&after=" + after), token);
            assertThat(page.status()).as(page.text()).isEqualTo(200);
            for (JsonNode item : page.json().get("items")) {
                if (reportId.equals(item.get("reportId").asText())) {
                    return item;
                }
            }
            after = page.json().path("next").isTextual() ? page.json().get("next").asText() : null;
        } while (after != null);
        throw new AssertionError("report " + reportId + " is not on the worklist");
    }

    private long audited(String actor, String action, String whatLike) {
        return database.count("SELECT count(*) FROM dsr_kit.audit_entry WHERE actor = ? AND action = ? AND what LIKE ?",
                actor, action, whatLike);
    }

    // ---- from the agency's topic -------------------------------------------------------------------------------------

    @Test
    void anAdmissionOfSomeoneTheDsrDoesNotKnowWaitsForTheDsrTeamAndIsSignalledWithoutNamingThem() {
        String stranger = TestNhsNumbers.next();
        // 17 on the day of admission (the sample's 2026-11-20): a child in the 14 to 17 band.
        String born = "2009-03-14";
        ObjectNode reported = admission(stranger, born);

        events.publishAgencyEvent(reported, stranger);

        String reportId = awaitReport(stranger);
        assertNotDeadLettered(reported, stranger);
        ConsumerRecord<String, String> signal = events.awaitAnonymousRecord(
                EventTypes.REGISTER_ADMITTED_NOT_ON_REGISTER_V1, reportId);
        JsonNode data = EventsOnTopics.json(signal.value()).get("data");
        assertThat(data.get("reportId").asText()).isEqualTo(reportId);
        assertThat(data.get("admittedOn").asText()).isEqualTo("2026-11-20");
        assertThat(data.get("ageBand").asText()).isEqualTo(AgeBand.AGE_14_TO_17.name());
        assertThat(data.get("lifeStage").asText()).isEqualTo(LifeStage.CHILD.name());
        assertThat(data.get("locality").asText()).as("the reporting agency's area").isEqualTo("WILTSHIRE");
        assertThat(data.get("reportedBy").asText()).isEqualTo(WILTSHIRE_COUNCIL);
        assertThat(signal.value()).doesNotContain(stranger).doesNotContain(born).doesNotContain("Example Hospital");

        JsonNode item = reportOnWorklist(wiltshireTeam, reportId);
        assertThat(item.get("nhsNumber").asText()).isEqualTo(stranger);
        assertThat(item.get("dateOfBirth").asText()).isEqualTo(born);
        assertThat(item.get("admittedOn").asText()).isEqualTo("2026-11-20");
        assertThat(item.get("hospital").asText()).isEqualTo("Example Hospital");
        assertThat(item.get("reportedBy").asText()).isEqualTo(WILTSHIRE_COUNCIL);
        assertThat(item.get("receivedAt").asText()).isNotBlank();
        assertThat(item.get("knownPersonId").isNull()).isTrue();
        assertThat(item.get("onRegisterWhenReported").asBoolean()).isFalse();
        assertThat(item.get("area").asText()).isEqualTo("WILTSHIRE");
        assertThat(database.count("SELECT count(*) FROM dsr_kit.audit_entry WHERE actor = ? AND action = 'CREATED'"
                + " AND what LIKE ? AND purpose = 'AGENCY_UPDATE' AND person_id IS NULL", WILTSHIRE_COUNCIL,
                "admission report " + reportId + " kept for the DSR team%")).isOne();
    }

    @Test
    void theSameAdmissionReportedAgainIsOneReportAndOneSignal() {
        String stranger = TestNhsNumbers.next();
        ObjectNode reported = admission(stranger, "1990-01-02");

        events.publishAgencyEvent(reported, stranger);
        ObjectNode again = reported.deepCopy().put("id", UUID.randomUUID().toString());
        events.publishAgencyEvent(again, stranger);
        database.awaitHandled(AGENCY_GROUP, again.get("id").asText());

        String reportId = awaitReport(stranger);
        assertThat(database.count("SELECT count(*) FROM admission_report WHERE nhs_number = ?", stranger)).isOne();
        assertThat(database.outboxEvents(EventTypes.REGISTER_ADMITTED_NOT_ON_REGISTER_V1, reportId)).isOne();
        JsonNode data = EventsOnTopics.json(events.awaitAnonymousRecord(
                EventTypes.REGISTER_ADMITTED_NOT_ON_REGISTER_V1, reportId).value()).get("data");
        assertThat(data.get("ageBand").asText()).isEqualTo("AGE_35_TO_49");
        assertThat(data.get("lifeStage").asText()).isEqualTo("ADULT");
    }

    @Test
    void anAdmissionOfSomeoneOnTheRegisterWhomTheAgencyIsNotLinkedToWaitsForTheirAreasTeamWithoutASignal() {
        String nhsNumber = TestNhsNumbers.next();
        Journeys.OnRegister onRegister = journeys.putOnRegister(referrer, ReferralRequests.aReferralOfSomeoneNew()
                .with("nhsNumber", nhsNumber).with("dateOfBirth", "2008-09-01"));
        ObjectNode reported = admission(nhsNumber, "2008-09-01");

        events.publishAgencyEvent(reported, nhsNumber);

        String reportId = awaitReport(nhsNumber);
        assertNotDeadLettered(reported, nhsNumber);
        // The agency's word about someone it is not linked to is not taken as fact: the DSR team checks it first.
        assertThat(database.outboxEvents(EventTypes.PERSON_ADMISSION_REPORTED_V1, onRegister.personId())).isZero();
        // On the register: an admission reporting counts as of someone the register knew, not as a signal.
        assertThat(database.outboxEvents(EventTypes.REGISTER_ADMITTED_NOT_ON_REGISTER_V1, reportId)).isZero();
        assertThat(database.count("SELECT count(*) FROM dsr_kit.outbox_event WHERE aggregateid = ?", reportId))
                .isZero();

        // The person lives in Swindon: the Swindon team and leads see the report, the Wiltshire team does not.
        JsonNode item = reportOnWorklist(swindonTeam, reportId);
        assertThat(item.get("knownPersonId").asText()).isEqualTo(onRegister.personId());
        assertThat(item.get("onRegisterWhenReported").asBoolean()).isTrue();
        assertThat(reportIdsOnWorklist(lead)).contains(reportId);
        assertThat(reportIdsOnWorklist(wiltshireTeam)).doesNotContain(reportId);
        assertThat(database.count("SELECT count(*) FROM dsr_kit.audit_entry WHERE person_id = ?::uuid AND actor = ?"
                + " AND action = 'CREATED' AND what LIKE ?", onRegister.personId(), WILTSHIRE_COUNCIL,
                "admission report " + reportId + "%")).as("on the person's trail").isOne();
    }

    @Test
    void anAdmissionOfSomeoneKnownButNotOnTheRegisterIsSignalledWithTheirLocality() {
        String nhsNumber = TestNhsNumbers.next();
        JsonNode receipt = journeys.refer(referrer, ReferralRequests.aReferralOfSomeoneNew()
                .with("nhsNumber", nhsNumber).with("dateOfBirth", "2001-05-06")
                .with("locality", "BATH_AND_NORTH_EAST_SOMERSET"));

        events.publishAgencyEvent(admission(nhsNumber, "2001-05-06"), nhsNumber);

        String reportId = awaitReport(nhsNumber);
        JsonNode data = EventsOnTopics.json(events.awaitAnonymousRecord(
                EventTypes.REGISTER_ADMITTED_NOT_ON_REGISTER_V1, reportId).value()).get("data");
        assertThat(data.get("locality").asText()).as("where the person lives").isEqualTo("BATH_AND_NORTH_EAST_SOMERSET");
        assertThat(data.get("ageBand").asText()).isEqualTo("AGE_25_TO_34");
        assertThat(data.get("lifeStage").asText()).isEqualTo("ADULT");
        assertThat(database.outboxEvents(EventTypes.PERSON_ADMISSION_REPORTED_V1, receipt.get("personId").asText()))
                .isZero();
    }

    @Test
    void aLinkedPersonsAdmissionIsStillPassedOnAndNotKeptForTheTeam() {
        String nhsNumber = TestNhsNumbers.next();
        events.publishAgencyEvent(EventsOnTopics.goldenSample(EventTypes.AGENCY_REFERRAL_SUBMITTED_V1, data -> {
            data.put("agencyReference", "WC-" + UUID.randomUUID());
            ((ObjectNode) data.get("person")).put("nhsNumber", nhsNumber);
        }), nhsNumber);
        String personId = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(
                () -> database.column("SELECT id FROM person WHERE nhs_number = ?", nhsNumber),
                ids -> !ids.isEmpty()).get(0);
        ObjectNode reported = admission(nhsNumber, "2008-09-01");

        events.publishAgencyEvent(reported, nhsNumber);

        JsonNode admitted = events.awaitEvent(EventTypes.PERSON_ADMISSION_REPORTED_V1, personId);
        assertThat(admitted.get("admittedOn").asText()).isEqualTo("2026-11-20");
        assertThat(admitted.get("reportedBy").asText()).isEqualTo(WILTSHIRE_COUNCIL);
        database.awaitHandled(AGENCY_GROUP, reported.get("id").asText());
        assertThat(database.count("SELECT count(*) FROM admission_report WHERE nhs_number = ?", nhsNumber)).isZero();
    }

    @Test
    void anAdmissionBeforeTheDateOfBirthIsDeadLetteredWhoeverItIsAbout() {
        String stranger = TestNhsNumbers.next();
        ObjectNode impossible = admission(stranger, "2026-11-21");

        events.publishAgencyEvent(impossible, stranger);

        ConsumerRecord<String, String> deadLetter = deadLetters.awaitRecord(r -> stranger.equals(r.key()));
        assertThat(TopicReader.header(deadLetter, DeadLetters.REASON))
                .isEqualTo("dateOfBirth: must be on or before admittedOn");
        assertThat(database.count("SELECT count(*) FROM admission_report WHERE nhs_number = ?", stranger)).isZero();
    }

    // ---- the worklist: who sees what ----------------------------------------------------------------------------------

    /**
     * The worklist is the DSR team's and the leads': a report about nobody known is the reporting agency's area's
     * (Wiltshire Council: WILTSHIRE); everyone else who may use the API is refused, whatever their part in anyone's
     * care: the report is an agency's unverified word for the DSR team to check, and an agency must never read back
     * whether someone is known.
     */
    @Test
    void onlyTheDsrTeamOfTheReportsAreaAndLeadsSeeIt() {
        String stranger = TestNhsNumbers.next();
        events.publishAgencyEvent(admission(stranger, "2012-02-02"), stranger);
        String reportId = awaitReport(stranger);

        assertThat(reportIdsOnWorklist(lead)).as("a lead: every area").contains(reportId);
        assertThat(reportIdsOnWorklist(wiltshireTeam)).as("the DSR team of the agency's area").contains(reportId);
        assertThat(reportIdsOnWorklist(journeys.dsrTeam())).as("a DSR team member of every area").contains(reportId);
        assertThat(reportIdsOnWorklist(swindonTeam)).as("another area's DSR team").doesNotContain(reportId);
        for (String refused : List.of(referrer, outsider, analyst, admin, agencySystem)) {
            ApiResponse answer = api.get(WORKLIST, refused);
            assertThat(answer.status()).as(answer.text()).isEqualTo(403);
            assertThat(answer.text()).doesNotContain(stranger);
        }
        assertThat(api.get(WORKLIST, null).status()).as("no token").isEqualTo(401);
        assertThat(audited(LEAD, "LISTED", "admission report " + reportId + " on the DSR team's worklist"))
                .as("every report shown is audited as listed").isPositive();
        assertThat(audited(SWINDON_TEAM, "LISTED", "admission report " + reportId + "%")).isZero();
    }

    /**
     * A report about someone the DSR knows is seen as the person is: the DSR team of their area and leads; not the
     * professional who referred them (in their care team), who is refused the whole worklist.
     */
    @Test
    void aKnownPersonsReportIsSeenAsThePersonIsByTheDsrTeam() {
        String nhsNumber = TestNhsNumbers.next();
        JsonNode receipt = journeys.refer(referrer, ReferralRequests.aReferralOfSomeoneNew()
                .with("nhsNumber", nhsNumber).with("dateOfBirth", "2010-10-10"));
        events.publishAgencyEvent(admission(nhsNumber, "2010-10-10"), nhsNumber);
        String reportId = awaitReport(nhsNumber);

        assertThat(reportIdsOnWorklist(swindonTeam)).contains(reportId);
        assertThat(reportIdsOnWorklist(lead)).contains(reportId);
        assertThat(reportIdsOnWorklist(wiltshireTeam)).doesNotContain(reportId);
        assertThat(api.get(WORKLIST, referrer).status()).as("the referrer, in the care team").isEqualTo(403);
        assertThat(api.post(WORKLIST + "/" + reportId + "/closure", referrer, Map.of("reason", "Mine")).status())
                .isEqualTo(403);
        assertThat(audited(SWINDON_TEAM, "LISTED", "admission report " + reportId + "%")).isPositive();
        assertThat(database.count("SELECT count(*) FROM dsr_kit.audit_entry WHERE person_id = ?::uuid AND actor = ?"
                + " AND action = 'LISTED' AND what LIKE ?", receipt.get("personId").asText(), SWINDON_TEAM,
                "admission report " + reportId + "%")).as("on the person's trail").isPositive();
    }

    // ---- resolving -------------------------------------------------------------------------------------------------

    @Test
    void theDsrTeamTurnsAReportIntoTheReferralTheyMadeOnce() {
        String stranger = TestNhsNumbers.next();
        String born = "2011-04-04";
        events.publishAgencyEvent(admission(stranger, born), stranger);
        String reportId = awaitReport(stranger);
        // Someone else's referral is not the reported person's.
        JsonNode someoneElse = journeys.refer(wiltshireTeam, ReferralRequests.aReferralOfSomeoneNew()
                .with("locality", "WILTSHIRE"));
        ApiResponse wrong = api.post(WORKLIST + "/" + reportId + "/referral", wiltshireTeam,
                Map.of("referralId", someoneElse.get("referralId").asText()));
        assertThat(wrong.status()).as(wrong.text()).isEqualTo(409);
        assertThat(wrong.json().get("type").asText()).endsWith("referral-about-someone-else");
        ApiResponse noSuch = api.post(WORKLIST + "/" + reportId + "/referral", wiltshireTeam,
                Map.of("referralId", UUID.randomUUID().toString()));
        assertThat(noSuch.status()).as(noSuch.text()).isEqualTo(400);

        JsonNode referral = journeys.refer(wiltshireTeam, ReferralRequests.aReferralOfSomeoneNew()
                .with("nhsNumber", TestNhsNumbers.formatted(stranger)).with("dateOfBirth", born)
                .with("locality", "WILTSHIRE"));
        ApiResponse linked = api.post(WORKLIST + "/" + reportId + "/referral", wiltshireTeam,
                Map.of("referralId", referral.get("referralId").asText()));

        assertThat(linked.status()).as(linked.text()).isEqualTo(200);
        assertThat(linked.json().get("resolution").asText()).isEqualTo("REFERRED");
        assertThat(linked.json().get("referralId").asText()).isEqualTo(referral.get("referralId").asText());
        assertThat(linked.json().get("knownPersonId").asText()).isEqualTo(referral.get("personId").asText());
        assertThat(reportIdsOnWorklist(lead)).as("resolved: off the worklist").doesNotContain(reportId);
        assertThat(database.column("SELECT resolution || ' ' || referral_id || ' ' || resolved_by FROM admission_report"
                + " WHERE id = ?::uuid", reportId)).containsExactly("REFERRED " + referral.get("referralId").asText()
                + " " + WILTSHIRE_TEAM);
        assertThat(database.count("SELECT count(*) FROM dsr_kit.audit_entry WHERE person_id = ?::uuid AND actor = ?"
                + " AND action = 'CHANGED' AND what = ? AND purpose = 'REFERRAL_MANAGEMENT'",
                referral.get("personId").asText(), WILTSHIRE_TEAM, "admission report " + reportId
                        + " resolved: referred (referral " + referral.get("referralId").asText() + ")")).isOne();

        ApiResponse again = api.post(WORKLIST + "/" + reportId + "/closure", lead, Map.of("reason", "Duplicate"));
        assertThat(again.status()).as(again.text()).isEqualTo(409);
        assertThat(again.json().get("type").asText()).endsWith("admission-report-resolved");
    }

    @Test
    void theDsrTeamClosesAReportWithAReasonThatStaysOffTheAuditTrail() {
        String stranger = TestNhsNumbers.next();
        events.publishAgencyEvent(admission(stranger, "1980-08-08"), stranger);
        String reportId = awaitReport(stranger);

        ApiResponse blank = api.post(WORKLIST + "/" + reportId + "/closure", lead, Map.of("reason", " "));
        assertThat(blank.status()).as(blank.text()).isEqualTo(400);
        ApiResponse closed = api.post(WORKLIST + "/" + reportId + "/closure", lead,
                Map.of("reason", "Not a person with a learning disability or autism; the ward confirmed"));

        assertThat(closed.status()).as(closed.text()).isEqualTo(200);
        assertThat(closed.json().get("resolution").asText()).isEqualTo("CLOSED");
        assertThat(database.column("SELECT reason FROM admission_report WHERE id = ?::uuid", reportId))
                .containsExactly("Not a person with a learning disability or autism; the ward confirmed");
        assertThat(audited(LEAD, "CHANGED", "admission report " + reportId + " resolved: closed")).isOne();
        assertThat(database.count("SELECT count(*) FROM dsr_kit.audit_entry WHERE what LIKE '%ward confirmed%'"))
                .isZero();
        assertThat(reportIdsOnWorklist(lead)).doesNotContain(reportId);
    }

    @Test
    void anotherAreasTeamCannotResolveAReportAndTheAttemptIsAudited() {
        String stranger = TestNhsNumbers.next();
        events.publishAgencyEvent(admission(stranger, "2000-12-12"), stranger);
        String reportId = awaitReport(stranger);

        ApiResponse closure = api.post(WORKLIST + "/" + reportId + "/closure", swindonTeam,
                Map.of("reason", "Not ours"));
        ApiResponse referral = api.post(WORKLIST + "/" + reportId + "/referral", swindonTeam,
                Map.of("referralId", UUID.randomUUID().toString()));
        ApiResponse unknown = api.post(WORKLIST + "/" + UUID.randomUUID() + "/closure", lead,
                Map.of("reason", "No such report"));

        assertThat(closure.status()).as("another area's report is not found").isEqualTo(404);
        assertThat(referral.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        for (String refused : List.of(analyst, admin, agencySystem, outsider)) {
            assertThat(api.post(WORKLIST + "/" + reportId + "/closure", refused, Map.of("reason", "x")).status())
                    .isEqualTo(403);
        }
        assertThat(api.post(WORKLIST + "/" + reportId + "/closure", null, Map.of("reason", "x")).status())
                .isEqualTo(401);
        assertThat(database.column("SELECT resolution FROM admission_report WHERE id = ?::uuid", reportId))
                .containsOnlyNulls();
        assertThat(database.count("SELECT count(*) FROM dsr_kit.audit_entry WHERE actor = ? AND outcome = 'REFUSED'"
                + " AND what = ?", SWINDON_TEAM, "admission report " + reportId)).isEqualTo(2);
        assertThat(reportIdsOnWorklist(wiltshireTeam)).as("still open").contains(reportId);
    }
}
