package org.opendsr.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.opendsr.referral.ApiProblems.assertProblem;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendsr.contracts.EventTypes;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.TestTokens;

/**
 * A possible duplicate resolved as the same person merges the two records (issue 16): the one on the register
 * survives, the other's referrals, contacts, key professionals and audit move onto it, the merged-away id answers
 * with the survivor, the details they disagree on wait for the DSR team, and dsr.person.merged.v1 and the survivor's
 * care team are published with it. Both on the register is refused and changes nothing.
 */
@MicronautTest(transactional = false)
class PersonMergeApiTest extends ReferralServiceUnderTest {

    private static final String REFERRER = "sam.patel@swindon-cldt.example";

    private String referrer;

    @BeforeAll
    void signIn() {
        referrer = TestTokens.get().tokenFor(REFERRER, DsrRoles.PROFESSIONAL);
    }

    private String flagBetween(String one, String other) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> database.column("SELECT id::text FROM"
                + " possible_duplicate WHERE resolved_at IS NULL AND ((person_a = ?::uuid AND person_b = ?::uuid)"
                + " OR (person_a = ?::uuid AND person_b = ?::uuid))", one, other, other, one), ids -> ids.size() == 1)
                .get(0);
    }

    private ApiResponse resolve(String flagId, String token) {
        return api.post("/worklists/people/possible-duplicates/" + flagId + "/resolution", token,
                Map.of("outcome", "SAME_PERSON"));
    }

    @Test
    void theRecordOnTheRegisterSurvivesAndEverythingTheOtherHeldMovesOntoIt() {
        ReferralRequests someone = ReferralRequests.aReferralOfSomeoneNew();
        // The older record: referred, contacted, with a parent and a key professional on it.
        JsonNode olderReceipt = journeys.refer(referrer, someone);
        String older = olderReceipt.get("personId").asText();
        journeys.contact(olderReceipt.get("referralId").asText());
        database.personFirstRecordedAt(older, Instant.now().minus(Duration.ofDays(400)));
        assertThat(api.put("/people/" + older + "/contacts", journeys.dsrTeam(), Map.of("contacts", List.of(
                Map.of("relationship", "PARENT_OR_CARER", "name", "Hester Quince", "phone", "07700 900123"))))
                .status()).isEqualTo(204);
        assertThat(api.put("/people/" + older + "/key-professionals", journeys.dsrTeam(), Map.of("keyProfessionals",
                List.of(Map.of("name", "Priya Shah", "role", "CAMHS clinician", "organisation", "Swindon CAMHS",
                        "email", "priya.shah@camhs.example"))))
                .status()).isEqualTo(204);
        String olderNhsNumber = journeys.person(older).get("nhsNumber").asText();
        // The newer record: the same name and date of birth, no NHS number, and on the register.
        Journeys.OnRegister newer = journeys.putOnRegister(referrer, someone.without("nhsNumber"));
        String flagId = flagBetween(older, newer.personId());
        long careTeamEventsBefore = database.outboxEvents(EventTypes.PERSON_CARE_TEAM_CHANGED_V1, newer.personId());

        ApiResponse merged = resolve(flagId, journeys.dsrTeam());

        assertThat(merged.status()).as(merged.text()).isEqualTo(200);
        assertThat(merged.json().get("personId").asText()).as("on the register: survives").isEqualTo(newer.personId());
        assertThat(merged.json().get("mergedPersonId").asText()).isEqualTo(older);
        String survivor = newer.personId();
        // Moved: referrals, contacts, key professionals; one open register entry.
        assertThat(database.referralsOfPerson(survivor)).isEqualTo(2);
        assertThat(database.referralsOfPerson(older)).isZero();
        assertThat(database.count("SELECT count(*) FROM person_contact WHERE person_id = ?::uuid", older)).isZero();
        assertThat(database.count("SELECT count(*) FROM key_professional WHERE person_id = ?::uuid", older)).isZero();
        assertThat(database.count("SELECT count(*) FROM register_entry WHERE person_id = ?::uuid"
                + " AND removed_at IS NULL", survivor)).as("one open entry per person").isEqualTo(1);
        JsonNode record = journeys.person(survivor);
        assertThat(record.get("contacts")).anyMatch(c -> "Hester Quince".equals(c.get("name").asText()));
        assertThat(record.get("keyProfessionals")).anyMatch(k -> "Priya Shah".equals(k.get("name").asText()));
        assertThat(record.get("referrals")).hasSize(2);
        assertThat(record.get("mergedRecords")).extracting(JsonNode::asText).containsExactly(older);
        // Published with it, in the same transaction: both are in the outbox when the answer comes.
        assertThat(database.outboxEvents(EventTypes.PERSON_MERGED_V1, older)).isEqualTo(1);
        assertThat(database.outboxEvents(EventTypes.PERSON_CARE_TEAM_CHANGED_V1, survivor))
                .isGreaterThan(careTeamEventsBefore);
        ConsumerRecord<String, String> event = events.awaitAnonymousRecord(EventTypes.PERSON_MERGED_V1, older);
        assertThat(event.key()).isEqualTo(older);
        JsonNode data = EventsOnTopics.json(event.value()).get("data");
        assertThat(data.get("from").asText()).isEqualTo(older);
        assertThat(data.get("into").asText()).isEqualTo(survivor);
        assertThat(event.value()).doesNotContain((String) someone.get("givenName")).doesNotContain(olderNhsNumber);

        // The merged-away id answers with the survivor; a change to it is refused naming the survivor.
        ApiResponse asked = api.get("/people/" + older, journeys.dsrTeam());
        assertThat(asked.status()).isEqualTo(200);
        assertThat(asked.json().get("personId").asText()).isEqualTo(survivor);
        assertThat(asked.header("Content-Location")).isEqualTo("/people/" + survivor);
        ApiResponse change = api.put("/people/" + older + "/diagnosis", journeys.dsrTeam(),
                Map.of("diagnosis", "LEARNING_DISABILITY"));
        assertProblem(change, 409, "urn:dsr:problem:person-merged");
        assertThat(change.text()).contains(survivor);

        // The audit trail: the older record's entries are read with the survivor's.
        List<String> trail = new ArrayList<>();
        api.get("/people/" + survivor + "/audit?size=100", journeys.dsrLead()).json().get("items")
                .forEach(entry -> trail.add(entry.get("personId").asText() + " " + entry.get("what").asText()));
        assertThat(trail).contains(older + " contacts", older + " record merged into person " + survivor);
        assertThat(trail).anyMatch(entry -> entry.startsWith(survivor + " record merged: person " + older));

        // What they disagree on: the NHS number only the older record held, for the DSR team to settle.
        JsonNode conflicts = api.get("/people/" + survivor + "/merge-conflicts", journeys.dsrTeam()).json();
        JsonNode nhsNumber = null;
        for (JsonNode conflict : conflicts) {
            if ("nhsNumber".equals(conflict.get("field").asText())) {
                nhsNumber = conflict;
            }
        }
        assertThat(nhsNumber).as(conflicts.toString()).isNotNull();
        assertThat(nhsNumber.get("survivorValue").isNull()).isTrue();
        assertThat(nhsNumber.get("mergedValue").asText()).isEqualTo(olderNhsNumber);
        assertThat(database.peopleWithNhsNumber(olderNhsNumber)).as("given up by the merged-away row").isZero();
        String settle = "/people/" + survivor + "/merge-conflicts/" + nhsNumber.get("conflictId").asText()
                + "/settlement";
        ApiResponse settled = api.post(settle, journeys.dsrTeam(), Map.of("settlement", "TAKE_MERGED"));
        assertThat(settled.status()).as(settled.text()).isEqualTo(200);
        assertThat(settled.json().get("settlement").asText()).isEqualTo("TAKE_MERGED");
        assertThat(journeys.person(survivor).get("nhsNumber").asText()).isEqualTo(olderNhsNumber);
        assertProblem(api.post(settle, journeys.dsrTeam(), Map.of("settlement", "KEEP_SURVIVOR")), 409,
                "urn:dsr:problem:merge-conflict-settled");
        ApiProblems.assertProblemNaming(api.post("/people/" + survivor + "/merge-conflicts/" + UUID.randomUUID()
                + "/settlement", journeys.dsrTeam(), Map.of("settlement", "BOTH")), "settlement");
        // Resolved once: the flag is gone.
        assertProblem(resolve(flagId, journeys.dsrTeam()), 404, "urn:dsr:problem:not-found");
    }

    @Test
    void neitherOnTheRegisterTheOlderRecordSurvives() {
        ReferralRequests someone = ReferralRequests.aReferralOfSomeoneNew();
        String older = journeys.refer(referrer, someone).get("personId").asText();
        String newer = journeys.refer(referrer, someone.without("nhsNumber")).get("personId").asText();
        database.personFirstRecordedAt(older, Instant.now().minus(Duration.ofDays(30)));

        ApiResponse merged = resolve(flagBetween(older, newer), journeys.dsrLead());

        assertThat(merged.status()).as(merged.text()).isEqualTo(200);
        assertThat(merged.json().get("personId").asText()).isEqualTo(older);
        assertThat(database.referralsOfPerson(older)).isEqualTo(2);
        assertThat(journeys.person(newer).get("personId").asText()).isEqualTo(older);
        // consent-service may still speak of the merged-away id until it has re-keyed: it is the survivor's consent.
        journeys.recordConsent(newer, "ACTIVE");
        assertThat(database.count("SELECT count(*) FROM consent_standing WHERE person_id = ?::uuid", newer)).isZero();
        assertThat(database.column("SELECT status FROM consent_standing WHERE person_id = ?::uuid", older))
                .containsExactly("ACTIVE");
    }

    @Test
    void bothOnTheRegisterIsRefusedAsAConflictForTheDsrTeamAndNothingMoves() {
        ReferralRequests someone = ReferralRequests.aReferralOfSomeoneNew();
        Journeys.OnRegister one = journeys.putOnRegister(referrer, someone);
        Journeys.OnRegister other = journeys.putOnRegister(referrer, someone.without("nhsNumber"));
        String flagId = flagBetween(one.personId(), other.personId());

        ApiResponse refused = resolve(flagId, journeys.dsrTeam());

        assertProblem(refused, 409, "urn:dsr:problem:both-on-the-register");
        assertThat(database.referralsOfPerson(one.personId())).isEqualTo(1);
        assertThat(database.referralsOfPerson(other.personId())).isEqualTo(1);
        assertThat(database.outboxEvents(EventTypes.PERSON_MERGED_V1, one.personId())
                + database.outboxEvents(EventTypes.PERSON_MERGED_V1, other.personId())).isZero();
        assertThat(database.count("SELECT count(*) FROM person_merged WHERE merged_person IN (?::uuid, ?::uuid)",
                one.personId(), other.personId())).isZero();
        assertThat(flagBetween(one.personId(), other.personId())).as("still open").isEqualTo(flagId);
    }

    @Test
    void onlyTheDsrTeamOfTheAreaOrALeadMayMerge() {
        ReferralRequests someone = ReferralRequests.aReferralOfSomeoneNew();
        JsonNode first = journeys.refer(referrer, someone);
        journeys.contact(first.get("referralId").asText());
        String one = first.get("personId").asText();
        String other = journeys.refer(referrer, someone.without("nhsNumber")).get("personId").asText();
        String flagId = flagBetween(one, other);
        String outsider = TestTokens.get().tokenFor("alex.other@bath.example", DsrRoles.PROFESSIONAL);
        String wiltshireTeam = TestTokens.get().tokenFor("merge.wiltshire.team@bsw-icb.example",
                List.of(DsrRoles.DSR_TEAM), Map.of("areas", List.of("WILTSHIRE")), Duration.ofHours(1));

        assertThat(resolve(flagId, null).status()).isEqualTo(401);
        assertThat(resolve(flagId, referrer).status()).as("in the care team, not the DSR team").isEqualTo(403);
        assertThat(resolve(flagId, outsider).status()).isEqualTo(403);
        for (String role : List.of(DsrRoles.ANALYST, DsrRoles.AGENCY_SYSTEM, DsrRoles.ADMIN)) {
            assertThat(resolve(flagId, TestTokens.get().tokenFor("someone-" + role, role)).status()).as(role)
                    .isEqualTo(403);
        }
        assertProblem(resolve(flagId, wiltshireTeam), 404, "urn:dsr:problem:not-found");
        assertThat(database.referralsOfPerson(one) + database.referralsOfPerson(other)).isEqualTo(2);
        assertThat(database.count("SELECT count(*) FROM person_merged WHERE merged_person IN (?::uuid, ?::uuid)",
                one, other)).isZero();

        assertThat(resolve(flagId, journeys.dsrTeam()).status()).as("the area's DSR team").isEqualTo(200);
    }
}
