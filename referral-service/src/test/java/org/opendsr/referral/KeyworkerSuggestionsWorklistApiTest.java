package org.opendsr.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendsr.referral.ApiProblems.assertProblem;
import static org.opendsr.referral.ApiProblems.assertProblemNaming;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.TestTokens;

/**
 * Issue 15, "each loop closed": a keyworker referral the DSR suggests (under 25 at referral, or rated Red, Amber or
 * Blue) was published and nobody saw it. It now waits on {@code /worklists/keyworker-suggestions} for the DSR team
 * of the person's area (there is no keyworker-team role: the DSR team works it on the keyworker service's behalf)
 * and leads, until its outcome is recorded: REFERRED, DECLINED_BY_FAMILY with the family's answer, or NOT_NEEDED with
 * a reason code. Audited; an item with an outcome leaves the list; the same outcome again changes nothing.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyworkerSuggestionsWorklistApiTest extends ReferralServiceUnderTest {

    private static final String WORKLIST = "/worklists/keyworker-suggestions";
    private static final String LEAD = "keyworker.lead@bsw-icb.example";
    private static final String SWINDON_TEAM = "keyworker.swindon.team@bsw-icb.example";
    private static final String WILTSHIRE_TEAM = "keyworker.wiltshire.team@bsw-icb.example";
    private static final String REFERRER = "keyworker.referrer@example.nhs";

    private String lead;
    private String swindonTeam;
    private String wiltshireTeam;
    private String referrer;
    private String outsider;
    private String analyst;
    private String admin;
    private String agencySystem;

    @BeforeAll
    void signIn() {
        lead = TestTokens.get().tokenFor(LEAD, DsrRoles.DSR_LEAD);
        swindonTeam = TestTokens.get().tokenFor(SWINDON_TEAM, List.of(DsrRoles.DSR_TEAM),
                Map.of("areas", List.of("SWINDON")), Duration.ofHours(1));
        wiltshireTeam = TestTokens.get().tokenFor(WILTSHIRE_TEAM, List.of(DsrRoles.DSR_TEAM),
                Map.of("areas", List.of("WILTSHIRE")), Duration.ofHours(1));
        referrer = TestTokens.get().tokenFor(REFERRER, DsrRoles.PROFESSIONAL);
        outsider = TestTokens.get().tokenFor("keyworker.outsider@example.nhs", DsrRoles.PROFESSIONAL);
        analyst = TestTokens.get().tokenFor("keyworker.analyst@bsw-icb.example", DsrRoles.ANALYST);
        admin = TestTokens.get().tokenFor("keyworker.admin@bsw-icb.example", DsrRoles.ADMIN);
        agencySystem = TestTokens.get().tokenFor("wiltshire-council", DsrRoles.AGENCY_SYSTEM);
    }

    /** A 15-year-old in Swindon referred by the referrer: a keyworker referral is suggested at once. */
    private Referred referSomeoneUnder25() {
        JsonNode receipt = journeys.refer(referrer, ReferralRequests.aReferralOfSomeoneNew());
        String personId = receipt.get("personId").asText();
        List<String> ids = database.column("SELECT id FROM keyworker_suggestion WHERE person_id = ?::uuid", personId);
        assertThat(ids).as("suggested at referral, in the referral's transaction").hasSize(1);
        return new Referred(personId, ids.get(0));
    }

    private record Referred(String personId, String suggestionId) {
    }

    /** Every open item the caller sees, walking the pages with the cursor. */
    private Map<String, JsonNode> onWorklist(String token, int limit) {
        Map<String, JsonNode> items = new HashMap<>();
        String after = null;
        do {
            ApiResponse page = api.get(WORKLIST + "?limit=" + limit + (after == null ? "" : "&after=" + after), token);
            assertThat(page.status()).as(page.text()).isEqualTo(200);
            assertThat(page.json().get("items").size()).isLessThanOrEqualTo(limit);
            for (JsonNode item : page.json().get("items")) {
                assertThat(items.put(item.get("suggestionId").asText(), item)).as("each item on one page only").isNull();
            }
            after = page.json().path("next").isTextual() ? page.json().get("next").asText() : null;
        } while (after != null);
        return items;
    }

    private ApiResponse outcome(String suggestionId, String token, Map<String, Object> body) {
        return api.post(WORKLIST + "/" + suggestionId + "/outcome", token, body);
    }

    @Test
    void aSuggestionAppearsForTheDsrTeamOfThePersonsAreaWithWhoAndWhy() {
        Referred referred = referSomeoneUnder25();

        JsonNode item = onWorklist(swindonTeam, 100).get(referred.suggestionId());

        assertThat(item).as("on the Swindon team's worklist").isNotNull();
        assertThat(item.get("personId").asText()).isEqualTo(referred.personId());
        assertThat(item.get("reason").asText()).isEqualTo("UNDER_25_AT_REFERRAL");
        assertThat(item.get("givenName").asText()).isNotBlank();
        assertThat(item.get("familyName").asText()).isNotBlank();
        assertThat(item.get("locality").asText()).isEqualTo("SWINDON");
        assertThat(item.get("suggestedAt").asText()).isNotBlank();
        assertThat(item.has("dateOfBirth")).as("no more than the other worklists show").isFalse();
        assertThat(item.has("nhsNumber")).isFalse();
        assertThat(database.count("SELECT count(*) FROM dsr_kit.audit_entry WHERE person_id = ?::uuid AND actor = ?"
                + " AND action = 'LISTED' AND what = 'keyworker-suggestions worklist'", referred.personId(),
                SWINDON_TEAM)).as("every line shown is audited as listed").isPositive();
    }

    @Test
    void theWorklistIsPagedWithACursor() {
        Set<String> mine = new LinkedHashSet<>();
        for (int i = 0; i < 3; i++) {
            mine.add(referSomeoneUnder25().suggestionId());
        }

        ApiResponse first = api.get(WORKLIST + "?limit=1", lead);
        Map<String, JsonNode> all = onWorklist(lead, 1);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("items")).hasSize(1);
        assertThat(first.json().get("limit").asInt()).isEqualTo(1);
        assertThat(first.json().get("total").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(first.json().get("next").asText()).isNotBlank();
        assertThat(all.keySet()).containsAll(mine);
        assertThat((long) all.size()).isEqualTo(api.get(WORKLIST + "?limit=100", lead).json().get("total").asLong());
        assertProblemNaming(api.get(WORKLIST + "?limit=0", lead), "limit");
        assertThat(api.get(WORKLIST + "?after=not-a-cursor", lead).status()).isEqualTo(400);
    }

    @Test
    void aDeclineRecordsTheFamilysAnswerTakesTheItemOffTheListAndIsAudited() {
        Referred referred = referSomeoneUnder25();

        ApiResponse declined = outcome(referred.suggestionId(), swindonTeam, Map.of("outcome", "DECLINED_BY_FAMILY",
                "familyAnswer", "Mum would rather wait until after the school holidays"));

        assertThat(declined.status()).as(declined.text()).isEqualTo(200);
        assertThat(declined.json().get("outcome").asText()).isEqualTo("DECLINED_BY_FAMILY");
        assertThat(declined.json().get("recordedBy").asText()).isEqualTo(SWINDON_TEAM);
        assertThat(declined.text()).as("the family's words are not echoed").doesNotContain("school holidays");
        assertThat(database.column("SELECT outcome || ' / ' || family_answer FROM keyworker_suggestion"
                + " WHERE id = ?::uuid", referred.suggestionId()))
                .containsExactly("DECLINED_BY_FAMILY / Mum would rather wait until after the school holidays");
        assertThat(onWorklist(lead, 100)).doesNotContainKey(referred.suggestionId());
        assertThat(onWorklist(swindonTeam, 100)).doesNotContainKey(referred.suggestionId());
        assertThat(database.count("SELECT count(*) FROM dsr_kit.audit_entry WHERE person_id = ?::uuid AND actor = ?"
                + " AND action = 'CHANGED' AND what = ? AND purpose = 'REGISTER_MANAGEMENT'", referred.personId(),
                SWINDON_TEAM, "keyworker suggestion " + referred.suggestionId() + " outcome: DECLINED_BY_FAMILY"))
                .isOne();
        assertThat(database.count("SELECT count(*) FROM dsr_kit.audit_entry WHERE what LIKE '%school holidays%'"))
                .isZero();
    }

    @Test
    void theSameOutcomeAgainChangesNothingAndAnotherIsAConflict() {
        Referred referred = referSomeoneUnder25();
        Map<String, Object> notNeeded = Map.of("outcome", "NOT_NEEDED", "notNeededReason", "ALREADY_HAS_KEYWORKER");

        ApiResponse first = outcome(referred.suggestionId(), swindonTeam, notNeeded);
        ApiResponse again = outcome(referred.suggestionId(), lead, notNeeded);
        ApiResponse other = outcome(referred.suggestionId(), lead, Map.of("outcome", "REFERRED"));

        assertThat(first.status()).as(first.text()).isEqualTo(200);
        assertThat(first.json().get("notNeededReason").asText()).isEqualTo("ALREADY_HAS_KEYWORKER");
        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.json().get("recordedBy").asText()).as("as first recorded").isEqualTo(SWINDON_TEAM);
        assertThat(again.json().get("recordedAt").asText()).isEqualTo(first.json().get("recordedAt").asText());
        assertProblem(other, 409, "urn:dsr:problem:keyworker-suggestion-outcome-recorded");
        assertThat(database.count("SELECT count(*) FROM dsr_kit.audit_entry WHERE person_id = ?::uuid"
                + " AND action = 'CHANGED' AND what LIKE 'keyworker suggestion%'", referred.personId()))
                .as("one change, audited once").isOne();
    }

    @Test
    void referredIsRecordedAsIs() {
        Referred referred = referSomeoneUnder25();

        ApiResponse done = outcome(referred.suggestionId(), lead, Map.of("outcome", "REFERRED"));

        assertThat(done.status()).as(done.text()).isEqualTo(200);
        assertThat(done.json().get("outcome").asText()).isEqualTo("REFERRED");
        assertThat(done.json().get("notNeededReason").isNull()).isTrue();
        assertThat(onWorklist(lead, 100)).doesNotContainKey(referred.suggestionId());
    }

    @Test
    void aBadOutcomeIsRefusedNamingTheFieldAndNothingIsWritten() {
        Referred referred = referSomeoneUnder25();
        String id = referred.suggestionId();

        assertProblemNaming(outcome(id, swindonTeam, Map.of()), "outcome");
        assertProblemNaming(outcome(id, swindonTeam, Map.of("outcome", "MAYBE")), "outcome");
        assertProblemNaming(outcome(id, swindonTeam, Map.of("outcome", "DECLINED_BY_FAMILY")), "familyAnswer");
        assertProblemNaming(outcome(id, swindonTeam, Map.of("outcome", "DECLINED_BY_FAMILY", "familyAnswer", " ")),
                "familyAnswer");
        assertProblemNaming(outcome(id, swindonTeam, Map.of("outcome", "NOT_NEEDED")), "notNeededReason");
        assertProblemNaming(outcome(id, swindonTeam, Map.of("outcome", "NOT_NEEDED", "notNeededReason", "BORED")),
                "notNeededReason");
        assertProblemNaming(outcome(id, swindonTeam, Map.of("outcome", "REFERRED", "familyAnswer", "Yes please")),
                "familyAnswer");
        assertThat(database.column("SELECT outcome FROM keyworker_suggestion WHERE id = ?::uuid", id))
                .containsOnlyNulls();
        assertThat(onWorklist(swindonTeam, 100)).containsKey(id);
    }

    /** Every role: only the DSR team of the person's area and leads see and work a suggestion. */
    @Test
    void onlyTheDsrTeamOfThePersonsAreaAndLeadsSeeAndWorkIt() {
        Referred referred = referSomeoneUnder25();
        String id = referred.suggestionId();

        assertThat(onWorklist(lead, 100)).as("a lead").containsKey(id);
        assertThat(onWorklist(swindonTeam, 100)).as("the DSR team of the person's area").containsKey(id);
        assertThat(onWorklist(wiltshireTeam, 100)).as("another area's DSR team").doesNotContainKey(id);
        for (String refused : List.of(referrer, outsider, analyst, admin, agencySystem)) {
            ApiResponse list = api.get(WORKLIST, refused);
            assertThat(list.status()).as(list.text()).isEqualTo(403);
            assertThat(outcome(id, refused, Map.of("outcome", "REFERRED")).status()).isEqualTo(403);
        }
        assertThat(api.get(WORKLIST, null).status()).as("no token").isEqualTo(401);
        assertThat(outcome(id, null, Map.of("outcome", "REFERRED")).status()).isEqualTo(401);

        ApiResponse otherArea = outcome(id, wiltshireTeam, Map.of("outcome", "REFERRED"));
        ApiResponse unknown = outcome(UUID.randomUUID().toString(), lead, Map.of("outcome", "REFERRED"));
        assertProblem(otherArea, 404, "urn:dsr:problem:not-found");
        assertProblem(unknown, 404, "urn:dsr:problem:not-found");
        assertThat(database.column("SELECT outcome FROM keyworker_suggestion WHERE id = ?::uuid", id))
                .containsOnlyNulls();
        assertThat(database.count("SELECT count(*) FROM dsr_kit.audit_entry WHERE person_id = ?::uuid AND actor = ?"
                + " AND outcome IN ('REFUSED', 'NOT_FOUND')", referred.personId(), WILTSHIRE_TEAM))
                .as("the refused attempt is audited").isPositive();
    }
}
