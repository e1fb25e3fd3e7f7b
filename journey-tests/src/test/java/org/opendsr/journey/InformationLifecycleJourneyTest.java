package org.opendsr.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opendsr.testkit.ApiClient;
import org.opendsr.testkit.ApiClient.ApiResponse;

/**
 * The information lifecycle (issue 16) through the gateway, on the whole DSR with the test clock: two records of one
 * person merged, the duplicate's consent and rating moving onto the survivor and its personId resolving to the survivor
 * in every service; a declined referral's person archived 6 months after the decision and erased 6 years after it,
 * every service confirming, and afterwards no service's database and no topic but the agency inbound ones holding their
 * personal data. (The subject access export and the dead letters have journeys of their own.)
 *
 * <p>Runs after every other journey: it moves referral-service's clock years ahead, and its retention run archives and
 * erases whoever else is due by then.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(DsrJourney.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Order(Integer.MAX_VALUE)
class InformationLifecycleJourneyTest {

    private static final String AREA = "WILTSHIRE";
    private static final String REFERRALS = "referral-service";
    private static final String GIVEN_NAME = "Tamsin";
    private static final String FAMILY_NAME = "Lifecycleerasure";
    private static final String NHS_NUMBER = ThroughTheGateway.testNhsNumber("999400117");
    private static final LocalDate BORN = LocalDate.of(2007, 3, 14);
    private static final String EMAIL = "tamsin.lifecycle@example.org";
    /** Everything that identifies them: none of it may be left anywhere but the agency inbound topics. */
    private static final List<String> THEIR_PERSONAL_DATA = List.of(FAMILY_NAME, NHS_NUMBER, EMAIL,
            GIVEN_NAME + " " + FAMILY_NAME);
    /**
     * Where their personId may stay after erasure, and why: the tombstone and the confirmations the erasure-complete
     * view shows; the audit trail (who read or changed the record, kept for its own period, its change values
     * unreadable once the person's key is forgotten); the outbox, which holds the erasure's own events until its purge.
     */
    private static final Set<String> WHERE_THE_ID_MAY_STAY = Set.of("public.person_erasure",
            "public.erasure_confirmation", "dsr_kit.audit_entry", "dsr_kit.outbox_event");

    private static final String TWIN_GIVEN_NAME = "Morwenna";
    private static final String TWIN_FAMILY_NAME = "Lifecyclemerge";
    private static final LocalDate TWIN_BORN = LocalDate.of(2004, 9, 21);

    private StartedDsr system;
    private ApiClient gateway;
    private String professional;
    private String dsrTeam;
    private String dsrLead;
    private String personId;
    private LocalDate declinedOn;
    /** The record found to be a duplicate (merged away) and the one that survives. */
    private String duplicateId;
    private String survivorId;
    private String duplicatesConsentId;
    private String duplicatesRatingId;

    @BeforeAll
    void theStartedSystem(StartedDsr system) {
        this.system = system;
        this.gateway = system.gateway;
        this.professional = system.tokenFor("professional");
        this.dsrTeam = system.tokenFor("dsr-team-wiltshire");
        this.dsrLead = system.tokenFor("dsr-lead");
    }

    @Test
    @Order(1)
    void aPersonWithAConsentAndARatingLeavesTheRegisterAndIsReferredAgainUnderAnotherNhsNumber() {
        // The first record: accepted (with consent), rated RED, then stepped down from the register.
        duplicateId = ThroughTheGateway.acceptedOntoTheRegister(gateway, professional, dsrTeam,
                twinReferral(ThroughTheGateway.testNhsNumber("999400125")), today("consent-service"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            ApiResponse rating = gateway.get("/api/ratings/people/" + duplicateId, dsrTeam);
            return rating.status() == 200 && rating.json().path("onRegister").asBoolean();
        });
        ApiResponse rated = gateway.post("/api/ratings/people/" + duplicateId, dsrTeam, Map.of("rating", "RED",
                "rationale", "Placement breaking down", "discussedWithPersonAndFamily", true));
        assertThat(rated.status()).as(rated.text()).isEqualTo(201);
        duplicatesRatingId = ratingIdOf(gateway.get("/api/ratings/people/" + duplicateId, dsrTeam).json(), "RED");
        ApiResponse consents = gateway.get("/api/consents/people/" + duplicateId, dsrTeam);
        assertThat(consents.status()).as(consents.text()).isEqualTo(200);
        duplicatesConsentId = consents.json().findValuesAsText("consentId").get(0);
        ApiResponse record = gateway.get("/api/people/" + duplicateId, dsrTeam);
        String registerEntryId = record.json().at("/register/registerEntryId").asText();
        ApiResponse off = gateway.post("/api/register/" + registerEntryId + "/removal", dsrTeam,
                Map.of("reason", "STEPPED_DOWN"));
        assertThat(off.status()).as(off.text()).isBetween(200, 204);

        // Referred again with another NHS number: a new record, on the register, flagged as a possible duplicate.
        survivorId = ThroughTheGateway.acceptedOntoTheRegister(gateway, professional, dsrTeam,
                twinReferral(ThroughTheGateway.testNhsNumber("999400133")), today("consent-service"));
        assertThat(survivorId).isNotEqualTo(duplicateId);
    }

    @Test
    @Order(2)
    void resolvedAsTheSamePersonTheyAreMergedAndTheDuplicatesIdResolvesToTheSurvivorEverywhere() {
        String flagId = possibleDuplicateFlag(duplicateId, survivorId);
        ApiResponse merged = gateway.post("/api/worklists/people/possible-duplicates/" + flagId + "/resolution",
                dsrTeam, Map.of("outcome", "SAME_PERSON"));
        assertThat(merged.status()).as(merged.text()).isEqualTo(200);
        // The one on the register survives.
        assertThat(merged.json().get("personId").asText()).isEqualTo(survivorId);
        assertThat(merged.json().get("mergedPersonId").asText()).isEqualTo(duplicateId);

        // referral-service: the old id answers with the survivor's record.
        ApiResponse record = gateway.get("/api/people/" + duplicateId, dsrTeam);
        assertThat(record.status()).as(record.text()).isEqualTo(200);
        assertThat(record.json().get("personId").asText()).isEqualTo(survivorId);

        // consent-service: the duplicate's consent is now the survivor's (one active consent: the later one).
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            ApiResponse consents = gateway.get("/api/consents/people/" + survivorId, dsrTeam);
            assertThat(consents.status()).as(consents.text()).isEqualTo(200);
            assertThat(consents.json().findValuesAsText("consentId")).contains(duplicatesConsentId);
            assertThat(consents.json().findValuesAsText("status").stream().filter("ACTIVE"::equals)).hasSize(1);
            ApiResponse byOldId = gateway.get("/api/consents/people/" + duplicateId, dsrTeam);
            assertThat(byOldId.status()).as(byOldId.text()).isEqualTo(200);
            assertThat(byOldId.json().findValuesAsText("consentId")).contains(duplicatesConsentId);
        });
        // risk-service: the duplicate's RED rating is in the survivor's history; the old id reads the survivor.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            ApiResponse ratings = gateway.get("/api/ratings/people/" + survivorId, dsrTeam);
            assertThat(ratings.status()).as(ratings.text()).isEqualTo(200);
            assertThat(ratings.json().get("history").findValuesAsText("ratingId")).contains(duplicatesRatingId);
            ApiResponse byOldId = gateway.get("/api/ratings/people/" + duplicateId, dsrTeam);
            assertThat(byOldId.status()).as(byOldId.text()).isEqualTo(200);
            assertThat(byOldId.json().get("personId").asText()).isEqualTo(survivorId);
        });
        // meeting-service: the old id's outcomes are the survivor's.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            ApiResponse outcomes = gateway.get("/api/meetings/people/" + duplicateId + "/outcomes", dsrTeam);
            assertThat(outcomes.status()).as(outcomes.text()).isEqualTo(200);
            assertThat(outcomes.json().get("personId").asText()).isEqualTo(survivorId);
        });
    }

    @Test
    @Order(3)
    void aReferralWithConsentIsDeclined() {
        ApiResponse created = gateway.post("/api/referrals", professional, Map.ofEntries(
                Map.entry("givenName", GIVEN_NAME), Map.entry("familyName", FAMILY_NAME),
                Map.entry("dateOfBirth", BORN.toString()), Map.entry("nhsNumber", NHS_NUMBER),
                Map.entry("postcode", "SN12 6AA"), Map.entry("locality", AREA),
                Map.entry("reasonForReferral", "Placement at risk"), Map.entry("currentIssues", "Distressed at night"),
                Map.entry("indicativeRag", "AMBER"), Map.entry("diagnosis", "AUTISM"),
                Map.entry("contacts", List.of(Map.of("relationship", "PERSON", "email", EMAIL)))));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        personId = created.json().get("personId").asText();
        String referralId = created.json().get("referralId").asText();
        ApiResponse contacted = gateway.post("/api/referrals/" + referralId + "/contact", dsrTeam, Map.of());
        assertThat(contacted.status()).as(contacted.text()).isBetween(200, 204);

        // Consent is recorded (consent-service now holds something about them), then the referral is declined.
        Map<String, Object> consent = Map.of("personId", personId, "basis", "INFORMED_CONSENT", "givenBy",
                "THE_PERSON", "givenOn", today("consent-service").toString(), "explainedWith", "EASY_READ",
                "formKeptAt", "Scanned to the community team record");
        ApiResponse[] recorded = new ApiResponse[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            recorded[0] = gateway.post("/api/consents", professional, consent);
            return recorded[0].status() != 404;
        });
        assertThat(recorded[0].status()).as(recorded[0].text()).isEqualTo(201);

        ApiResponse declined = gateway.post("/api/referrals/" + referralId + "/declinal", dsrTeam, Map.of(
                "reason", "NOT_AT_RISK_OF_ADMISSION", "criteria", Map.of("learningDisabilityOrAutism", true,
                        "atRiskOfAdmissionOrPlacementBreakdown", false, "livesInIcbArea", true)));
        assertThat(declined.status()).as(declined.text()).isBetween(200, 201);
        declinedOn = today(REFERRALS);

        // Before anything is due, the record is read as any other (the default purpose).
        assertThat(gateway.get("/api/people/" + personId, dsrTeam).status()).isEqualTo(200);

        // The searches used after the erasure find what is there now: their identity in referral-service's database,
        // their personId in consent-service's and on referral-service's topic (never their identity on a topic).
        assertThat(WhereTheirDataIs.rowsContaining(system.databases, THEIR_PERSONAL_DATA).keySet())
                .anySatisfy(table -> assertThat(table).startsWith("referral: public.person"));
        assertThat(WhereTheirDataIs.rowsContaining(system.databases, List.of(personId)).keySet())
                .anySatisfy(table -> assertThat(table).startsWith("consent: public.consent"));
        assertThat(WhereTheirDataIs.recordsContaining(system.dsr.kafkaBootstrapServers(), List.of(personId),
                topic -> !topic.startsWith("dsr.agency.inbound."))).containsKey("dsr.referral.events");
    }

    @Test
    @Order(4)
    void sixMonthsAfterTheDecisionTheRecordIsArchived() {
        system.advanceClockTo(REFERRALS, declinedOn.plusMonths(6).plusDays(1));
        JsonNode run = retentionRun();
        assertThat(run.get("archived").asLong()).as(run.toString()).isPositive();

        // Archived: reading it needs a stated purpose, named in the problem; with one it is read (and audited).
        ApiResponse unstated = gateway.get("/api/people/" + personId, dsrTeam);
        assertThat(unstated.status()).as(unstated.text()).isEqualTo(400);
        assertThat(unstated.contentType()).startsWith("application/problem+json");
        assertThat(unstated.text()).contains("X-DSR-Purpose");
        ApiResponse stated = gateway.get("/api/people/" + personId, dsrTeam, Map.of("X-DSR-Purpose", "DATA_QUALITY"));
        assertThat(stated.status()).as(stated.text()).isEqualTo(200);
        assertThat(stated.text()).contains(FAMILY_NAME);
    }

    @Test
    @Order(5)
    void sixYearsAfterItTheyAreErasedEverywhereAndEveryServiceConfirms() {
        system.advanceClockTo(REFERRALS, declinedOn.plusYears(6).plusDays(1));
        // Every other journey's declined and withdrawn people are due too: a run takes at most 1,000 (max-per-run).
        for (int run = 0; run < 5 && erasureOf(personId) == null; run++) {
            JsonNode ran = retentionRun();
            assertThat(ran.get("erased").asLong()).as(ran.toString()).isPositive();
        }

        // The lead's erasure-complete view: every service has confirmed.
        JsonNode[] erasure = new JsonNode[1];
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            erasure[0] = erasureOf(personId);
            return erasure[0] != null && erasure[0].get("complete").asBoolean();
        });
        assertThat(erasure[0].get("confirmations").findValuesAsText("service")).contains("consent-service",
                "risk-service", "meeting-service", "reporting-service");
        assertThat(gateway.get("/api/erasures", dsrTeam).status()).isEqualTo(403);
        assertThat(gateway.get("/api/people/" + personId, dsrTeam, Map.of("X-DSR-Purpose", "DATA_QUALITY")).status())
                .isEqualTo(404);

        // No service's database holds anything that identifies them, and their personId stays only where it must.
        assertThat(WhereTheirDataIs.rowsContaining(system.databases, THEIR_PERSONAL_DATA)).isEmpty();
        assertThat(WhereTheirDataIs.rowsContaining(system.databases, List.of(personId)).keySet())
                .allSatisfy(table -> assertThat(table.substring(table.indexOf(": ") + 2)).isIn(WHERE_THE_ID_MAY_STAY));
        // No topic but the agency inbound ones (7 days, with their dead letters) ever carried it.
        assertThat(WhereTheirDataIs.recordsContaining(system.dsr.kafkaBootstrapServers(), THEIR_PERSONAL_DATA,
                topic -> !topic.startsWith("dsr.agency.inbound."))).isEmpty();
    }

    private Map<String, Object> twinReferral(String nhsNumber) {
        return Map.ofEntries(Map.entry("givenName", TWIN_GIVEN_NAME), Map.entry("familyName", TWIN_FAMILY_NAME),
                Map.entry("dateOfBirth", TWIN_BORN.toString()), Map.entry("nhsNumber", nhsNumber),
                Map.entry("postcode", "SN12 6AA"), Map.entry("locality", AREA),
                Map.entry("reasonForReferral", "Placement at risk"), Map.entry("currentIssues", "Not sleeping"),
                Map.entry("indicativeRag", "AMBER"), Map.entry("diagnosis", "LEARNING_DISABILITY"));
    }

    private static String ratingIdOf(JsonNode ratings, String rating) {
        for (JsonNode entry : ratings.get("history")) {
            if (rating.equals(entry.path("rating").asText())) {
                return entry.get("ratingId").asText();
            }
        }
        throw new AssertionError("no " + rating + " rating in " + ratings);
    }

    /** The flag on the area team's possible-duplicates worklist that pairs the two records. */
    private String possibleDuplicateFlag(String one, String other) {
        String[] flagId = new String[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
            String after = null;
            do {
                ApiResponse flags = gateway.get("/api/worklists/people/possible-duplicates?limit=100"
                        + (after == null ? "" : "&after=" + after), dsrTeam);
                assertThat(flags.status()).as(flags.text()).isEqualTo(200);
                for (JsonNode flag : flags.json().get("items")) {
                    Set<String> pair = Set.of(flag.at("/person/personId").asText(),
                            flag.at("/possibleDuplicate/personId").asText());
                    if (pair.equals(Set.of(one, other))) {
                        flagId[0] = flag.get("flagId").asText();
                    }
                }
                after = flags.json().path("next").isTextual() ? flags.json().get("next").asText() : null;
            } while (after != null && flagId[0] == null);
            return flagId[0] != null;
        });
        return flagId[0];
    }

    private JsonNode retentionRun() {
        ApiResponse run = gateway.post("/api/retention/runs", dsrLead, Map.of());
        assertThat(run.status()).as(run.text()).isBetween(200, 201);
        assertThat(gateway.post("/api/retention/runs", dsrTeam, Map.of()).status()).isEqualTo(403);
        return run.json();
    }

    /** Their line on the lead's erasure-complete view (newest first, paged on with after=next), or null. */
    private JsonNode erasureOf(String erasedId) {
        String after = null;
        do {
            ApiResponse page = gateway.get("/api/erasures?limit=200" + (after == null ? "" : "&after=" + after), dsrLead);
            assertThat(page.status()).as(page.text()).isEqualTo(200);
            for (JsonNode erasure : page.json().get("erasures")) {
                if (erasedId.equals(erasure.path("personId").asText())) {
                    return erasure;
                }
            }
            after = page.json().path("next").isTextual() ? page.json().get("next").asText() : null;
        } while (after != null);
        return null;
    }

    private LocalDate today(String service) {
        ApiResponse now = new ApiClient(system.dsr.serviceUrl(service)).get("/testing/clock", null);
        return LocalDate.ofInstant(java.time.Instant.parse(now.json().get("now").asText()), ThroughTheGateway.ENGLAND);
    }
}
